/**
 * Params changed while a design runs, kept so the charts can mark the simulated moment each
 * applied: switching a balancer's algorithm live then reads as a before and an after.
 */
import type { Params, ParamValue } from '../model';

export interface LiveEdit {
  /** Simulated seconds at which the change applied. */
  tS: number;
  /** The node or edge changed. */
  target: string;
  key: string;
  from: ParamValue;
  to: ParamValue;
}

export type ParamChange = Pick<LiveEdit, 'key' | 'from' | 'to'>;

/** Edits kept per run, the newest: more than a chart could show. */
export const EDITS_CAP = 100;

/** The params whose values differ between two versions of one node's or edge's params. */
export function changedParams(before: Params, after: Params): ParamChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: ParamChange[] = [];
  for (const key of keys) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) changes.push({ key, from, to });
  }
  return changes;
}

/**
 * `edits` and then `added`. Changes of one param at one moment (several while paused) make one
 * edit, from the first value to the last, and none when the last is the first again.
 */
export function withEdits(edits: readonly LiveEdit[], added: readonly LiveEdit[]): LiveEdit[] {
  const out = edits.slice();
  for (const edit of added) {
    let last = out.length - 1;
    while (last >= 0 && (out[last].target !== edit.target || out[last].key !== edit.key)) last--;
    if (last >= 0 && out[last].tS === edit.tS) {
      const merged = { ...out[last], to: edit.to };
      if (merged.from === merged.to) out.splice(last, 1);
      else out[last] = merged;
    } else out.push(edit);
  }
  return out.length > EDITS_CAP ? out.slice(out.length - EDITS_CAP) : out;
}
