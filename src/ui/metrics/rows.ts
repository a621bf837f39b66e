/**
 * The charts' rows: one per simulated second, the run's figures and, with a baseline kept,
 * the baseline's second beside them (under `base…` keys), thinned to what a chart can show.
 * A row lacks a key where there is nothing to draw (a second nobody was answered in, a second
 * one run has and the other has not): the line breaks there, it does not drop to 0.
 */
import type { BaselinePoint } from '../../store/baseline';

export type Row = Record<string, number>;

/** About one point per 3 px of a chart's width; more only costs time. */
export const MAX_POINTS = 120;

export const BASE_KEYS = { throughput: 'baseThroughput', errorRate: 'baseErrorRate', p99: 'baseP99' } as const;

/** The run's rows with the baseline's seconds merged in by simulated second, in time order. */
export function withBaseline(rows: readonly Row[], baseline: readonly BaselinePoint[] | null): Row[] {
  if (!baseline || baseline.length === 0) return rows as Row[];
  const byT = new Map(rows.map((row) => [row.t, { ...row }]));
  for (const point of baseline) {
    const t = Math.round(point.tS);
    let row = byT.get(t);
    if (!row) byT.set(t, (row = { t }));
    if (Number.isFinite(point.throughput)) row[BASE_KEYS.throughput] = point.throughput;
    if (Number.isFinite(point.errorRate)) row[BASE_KEYS.errorRate] = point.errorRate;
    if (point.throughput > 0 && Number.isFinite(point.p99)) row[BASE_KEYS.p99] = point.p99;
  }
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

/** At most `max` rows, evenly spread, the last always kept (the latest second). */
export function thinned<T>(rows: readonly T[], max = MAX_POINTS): T[] {
  if (rows.length <= max) return rows as T[];
  const step = rows.length / max;
  return Array.from({ length: max }, (_, i) => rows[Math.min(rows.length - 1, Math.ceil((i + 1) * step) - 1)]);
}
