/**
 * Which nodes a per-node chart draws when a design has more than it has room for: the busiest
 * (or slowest) lately, so a bottleneck is never left out for coming late in the design.
 */
import type { WindowPoint } from '../../engine';

/** What a per-node chart ranks nodes by, and how much higher a newcomer must be to take a place. */
export interface Ranking {
  valueOf(window: WindowPoint, node: number): number | null | undefined;
  /** The lead over the lowest node drawn that earns a place, given that node's mean. */
  margin(lowest: number): number;
}

/**
 * How much busier (mean utilisation, 0…1) a node must be than the least busy one drawn to take
 * its place. Without it, among many alike servers the choice flipped with every redraw: the
 * legend's names changed twice a second, and each change cost recharts a fresh set of lines.
 */
export const SWAP_MARGIN = 0.05;

/** Utilisation, 0…1, with a lead of SWAP_MARGIN. */
export const BY_UTILISATION: Ranking = { valueOf: (w, node) => w.utilization[node], margin: () => SWAP_MARGIN };

/** A node's p99 per window, with a lead of a tenth (ms differ by orders of magnitude between tiers). */
export const BY_P99: Ranking = { valueOf: (w, node) => w.nodeP99?.[node], margin: (lowest) => lowest / 10 };

/**
 * The `most` candidates (node indices) with the highest mean utilisation (or other `ranking`)
 * over the last `recent` windows, in design order so that the lines keep their order.
 * `current` is the choice on screen: its nodes stay unless another leads by the ranking's
 * margin. Ties go to the node first in the design; a missing or non-finite figure counts as 0.
 */
export function busiest(
  candidates: readonly number[],
  series: readonly WindowPoint[],
  most: number,
  current: readonly number[] = [],
  recent = 30,
  ranking: Ranking = BY_UTILISATION,
): number[] {
  if (candidates.length <= most) return [...candidates];
  const from = Math.max(0, series.length - recent);
  const count = Math.max(1, series.length - from);
  const mean = new Map<number, number>();
  for (const node of candidates) {
    let sum = 0;
    for (let i = from; i < series.length; i++) {
      const value = ranking.valueOf(series[i], node);
      if (typeof value === 'number' && Number.isFinite(value)) sum += value;
    }
    mean.set(node, sum / count);
  }
  const byLoad = (a: number, b: number) => mean.get(b)! - mean.get(a)! || a - b;
  const ranked = [...candidates].sort(byLoad);
  // Keep what is on screen (while still a candidate), fill up from the top, then let a node
  // in only where it beats the least busy kept one by the margin.
  const chosen = current.filter((n) => mean.has(n)).slice(0, most);
  for (const n of ranked) if (chosen.length < most && !chosen.includes(n)) chosen.push(n);
  for (const n of ranked) {
    if (chosen.includes(n)) continue;
    chosen.sort(byLoad);
    const weakest = chosen[chosen.length - 1];
    if (mean.get(n)! > mean.get(weakest)! + ranking.margin(mean.get(weakest)!)) chosen[chosen.length - 1] = n;
    else break;
  }
  return chosen.sort((a, b) => a - b);
}
