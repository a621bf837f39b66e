/**
 * The load curve's data: a row per run in order of load. Latencies are drawn on a log scale
 * (../axes.ts): an overloaded run's tail is tens of seconds, and on a linear scale every run
 * within the target would lie flat along the bottom.
 */
import type { LoadPoint } from '../../capacity/types';

/** The p99 of the requests a run answered successfully; null when it answered none (there is no p99 to show). */
export function answeredP99(point: LoadPoint): number | null {
  const succeeded = point.throughputPerSecond > 0 && point.errorRate < 1;
  return succeeded && Number.isFinite(point.p99Ms) ? point.p99Ms : null;
}

export interface CurveRow {
  offered: number;
  throughput: number;
  errorRate: number;
  /** null when the run answered nothing successfully. */
  p99: number | null;
  /** null for a design without queues. */
  queueLag: number | null;
  point: LoadPoint;
}

const finite = (x: number) => (Number.isFinite(x) ? x : 0);
const finiteOrNull = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

/** A row per run, in order of load, with nothing a chart cannot draw (NaN, Infinity). */
export function curveRows(points: readonly LoadPoint[]): CurveRow[] {
  return [...points]
    .sort((a, b) => a.scale - b.scale)
    .map((point) => ({
      offered: finite(point.offeredPerSecond),
      throughput: finite(point.throughputPerSecond),
      errorRate: finite(point.errorRate),
      p99: answeredP99(point),
      queueLag: finiteOrNull(point.queueLagMs),
      point,
    }));
}
