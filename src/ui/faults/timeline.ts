/** Pure helpers for the faults timeline: its extent, its ticks, marker lanes, and which faults were injected live. */
import type { Design, ScheduledFault } from '../../model';

export interface AppliedEntry {
  tS: number;
  action: ScheduledFault['action'];
  target: string;
  ended?: boolean;
}

/** Seconds the axis spans: the run's length, stretched to show every fault and the time now. */
export function timelineEnd(design: Design, nowS: number): number {
  let end = design.run.warmupS + design.run.durationS;
  for (const f of design.faults) end = Math.max(end, f.atS + (f.durationS ?? 0));
  end = Math.max(end, nowS);
  return end > 0 ? end : 60;
}

/** Round tick values (1, 2 or 5 × 10^k seconds apart), at most `most` of them. */
export function ticks(endS: number, most = 8): number[] {
  if (!(endS > 0) || !Number.isFinite(endS)) return [0];
  const raw = endS / most;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  for (let t = 0; t <= endS + 1e-9 && out.length <= most + 1; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * A lane (row) per marker so labels that would overlap sit on different rows: a marker goes to
 * the first lane whose last marker is at least `gap` (a fraction of the axis) to its left.
 */
export function lanes(positions: readonly number[], gap: number, most: number): number[] {
  const lastInLane: number[] = [];
  return positions.map((x) => {
    for (let lane = 0; lane < most; lane++) {
      if (lastInLane[lane] === undefined || x - lastInLane[lane] >= gap) {
        lastInLane[lane] = x;
        return lane;
      }
    }
    // Every lane is crowded: reuse the one whose last marker is furthest left.
    let best = 0;
    for (let lane = 1; lane < most; lane++) if (lastInLane[lane] < lastInLane[best]) best = lane;
    lastInLane[best] = x;
    return best;
  });
}

/** Applied faults that no scheduled fault explains: the ones injected live from a menu. */
export function injectedLive(applied: readonly AppliedEntry[], scheduled: readonly ScheduledFault[]): AppliedEntry[] {
  const pending = scheduled.map((f) => `${f.action}\u0000${f.target}\u0000${f.atS}`);
  const counts = new Map<string, number>();
  for (const key of pending) counts.set(key, (counts.get(key) ?? 0) + 1);
  const out: AppliedEntry[] = [];
  for (const entry of applied) {
    if (entry.ended) continue;
    // The engine logs a scheduled fault at exactly its atS (seconds from ms / 1000).
    const key = `${entry.action}\u0000${entry.target}\u0000${Number(entry.tS.toPrecision(12))}`;
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else out.push(entry);
  }
  return out;
}

/**
 * For each scheduled fault, the simulated second it was applied in this run (from the run's
 * fault log), or null while it has not happened.
 */
export function happenedAt(applied: readonly AppliedEntry[], scheduled: readonly ScheduledFault[]): (number | null)[] {
  const used = new Set<number>();
  return scheduled.map((fault) => {
    const i = applied.findIndex(
      (entry, j) => !used.has(j) && !entry.ended && entry.action === fault.action && entry.target === fault.target && Math.abs(entry.tS - fault.atS) < 1e-9,
    );
    if (i < 0) return null;
    used.add(i);
    return applied[i].tS;
  });
}
