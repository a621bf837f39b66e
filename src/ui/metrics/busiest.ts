/**
 * Which nodes the utilisation chart draws when a design has more than it has room for: the
 * busiest lately, so a bottleneck is never left out for coming late in the design.
 */
import type { WindowPoint } from '../../engine';

/**
 * The `most` candidates (node indices) with the highest mean utilisation over the last
 * `recent` windows, in design order so that the lines keep their order while the ranking
 * holds. Ties go to the node first in the design; a missing or non-finite figure counts as 0.
 */
export function busiest(candidates: readonly number[], series: readonly WindowPoint[], most: number, recent = 30): number[] {
  if (candidates.length <= most) return [...candidates];
  const from = Math.max(0, series.length - recent);
  const load = candidates.map((node) => {
    let sum = 0;
    for (let i = from; i < series.length; i++) {
      const u = series[i].utilization[node];
      if (Number.isFinite(u)) sum += u;
    }
    return { node, sum };
  });
  load.sort((a, b) => b.sum - a.sum || a.node - b.node);
  return load
    .slice(0, most)
    .map((l) => l.node)
    .sort((a, b) => a - b);
}
