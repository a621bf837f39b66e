/**
 * New data reaches a row of charts one chart at a time, in order (the hook is useRollout.ts).
 * Charts below `released` show `next`, the rest `previous`; data that arrives mid-rollout
 * waits for it to finish, so no chart ever runs ahead of the one before it.
 */
export interface Rollout<T> {
  previous: T;
  next: T;
  released: number;
}

/** Everything shown: `data` on every chart. */
export const settled = <T>(data: T, charts: number): Rollout<T> => ({ previous: data, next: data, released: charts });

export const rollingOut = <T>(r: Rollout<T>, charts: number): boolean => r.released < charts;

/** Starts rolling `latest` out, first chart at once, unless a rollout is under way or it is shown already. */
export function begin<T>(r: Rollout<T>, latest: T, charts: number): Rollout<T> {
  if (rollingOut(r, charts) || latest === r.next) return r;
  return { previous: r.next, next: latest, released: 1 };
}

/** The next chart takes the new data. */
export const releaseNext = <T>(r: Rollout<T>): Rollout<T> => ({ ...r, released: r.released + 1 });

export const shownBy = <T>(r: Rollout<T>, slot: number): T => (slot < r.released ? r.next : r.previous);
