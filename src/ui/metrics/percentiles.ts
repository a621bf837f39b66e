/**
 * The latency-by-percentile chart's data and axis. The x axis is "one in how many requests is
 * slower", 1 / (1 − p), on a log scale, as HdrHistogram draws it: 50 %, 90 %, 99 % and 99.9 %
 * sit equally far apart, so the tail gets as much room as the middle.
 */
import type { PercentileCurve } from '../../engine';

export interface PercentileRow {
  /** 1 / (1 − percentile): 1 at 0 %, 10 at 90 %, 100 at 99 %. */
  x: number;
  ms: number;
}

/** A row per point of the curve, with nothing a chart cannot draw (NaN, Infinity, a percentile of 1). */
export function percentileRows(curve: PercentileCurve | undefined): PercentileRow[] {
  if (!curve) return [];
  const rows: PercentileRow[] = [];
  curve.percentile.forEach((p, i) => {
    const ms = curve.latencyMs[i];
    if (p >= 0 && p < 1 && Number.isFinite(ms)) rows.push({ x: 1 / (1 - p), ms });
  });
  return rows;
}

/** The percentile at a point of the x axis. */
export const percentileAt = (x: number) => 1 - 1 / x;

/** A percentile as people write it: 0.5 → "50%", 0.999 → "99.9%", 0.99512 → "99.51%". */
export function percentLabel(p: number): string {
  const percent = p * 100;
  const digits = percent >= 99.99 ? 3 : percent >= 99 ? 2 : percent >= 90 ? 1 : 0;
  // Trailing zeros go: 99.90 is 99.9.
  return `${Number(percent.toFixed(digits))}%`;
}

/**
 * Ticks at 50 %, then every further nine: 90 %, 99 %, 99.9 %…, up to the last point `maxX`.
 * (0 % is the axis's left end, too close to 50 % for a label of its own.)
 */
export function percentileTicks(maxX: number): number[] {
  const ticks = [2];
  for (let x = 10; x <= maxX * 1.0001; x *= 10) ticks.push(x);
  return ticks;
}

/** One colour per percentile, on the latency chart's lines over time and its marks by percentile alike. */
export const PERCENTILE_COLORS = { p50: 'var(--series-2)', p95: 'var(--series-4)', p99: 'var(--series-5)' } as const;

/**
 * The marked percentiles, with where they lie on the x axis and which side of their dot the
 * label goes. A latency curve only rises, so above-left and below-right of a point are clear
 * of it; alternating keeps p95's label off p99's.
 */
export const MARKED = [
  { key: 'p50', x: 2, color: PERCENTILE_COLORS.p50, side: 'belowRight' },
  { key: 'p95', x: 20, color: PERCENTILE_COLORS.p95, side: 'aboveLeft' },
  { key: 'p99', x: 100, color: PERCENTILE_COLORS.p99, side: 'belowRight' },
] as const;
