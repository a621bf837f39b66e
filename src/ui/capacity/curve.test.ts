import { describe, expect, it } from 'vitest';
import type { LoadPoint } from '../../capacity/types';
import { answeredP99, curveRows } from './curve';

function point(scale: number, figures: Partial<LoadPoint> = {}): LoadPoint {
  return { scale, offeredPerSecond: 100 * scale, throughputPerSecond: 100 * scale, p99Ms: 50, errorRate: 0, overdue: 0, meets: true, queueLagMs: null, shortfall: null, busiest: null, ...figures };
}

describe('the load curve', () => {
  it('has no p99 for a run that answered nothing, or only failures', () => {
    expect(answeredP99(point(1))).toBe(50);
    expect(answeredP99(point(1, { throughputPerSecond: 0, p99Ms: 0 }))).toBeNull();
    expect(answeredP99(point(1, { errorRate: 1, p99Ms: 0 }))).toBeNull();
    expect(answeredP99(point(1, { p99Ms: Number.NaN }))).toBeNull();
    expect(answeredP99(point(1, { p99Ms: Number.POSITIVE_INFINITY }))).toBeNull();
  });

  it('puts the runs in order of load and never passes on NaN or Infinity', () => {
    const rows = curveRows([point(2), point(0.5, { p99Ms: 0, queueLagMs: 12 }), point(1, { errorRate: 1 }), point(4, { throughputPerSecond: Number.NaN, queueLagMs: Number.POSITIVE_INFINITY })]);
    expect(rows.map((r) => r.point.scale)).toEqual([0.5, 1, 2, 4]);
    expect(rows.map((r) => r.p99)).toEqual([0, null, 50, null]);
    expect(rows.map((r) => r.queueLag)).toEqual([12, null, null, null]);
    expect(rows[3].throughput).toBe(0);
  });
});
