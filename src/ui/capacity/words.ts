/** A capacity search's progress in words, while it runs. */
import type { LoadPoint } from '../../capacity/types';
import { formatScale } from '../../capacity/verdict';
import { formatRate } from '../format';

/** The last run measured, while the search goes on: "Run 4 · ×2 · 1,600 req/s · meets the target …". */
export function progress(points: readonly LoadPoint[]): string {
  const last = points[points.length - 1];
  if (!last) return 'Run 1 · ×1 · today’s traffic …';
  return `Run ${points.length} · ${formatScale(last.scale)} · ${formatRate(last.offeredPerSecond)} · ${last.shortfall ?? 'meets the target'} …`;
}
