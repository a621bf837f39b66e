import { describe, expect, it } from 'vitest';
import { percentLabel, percentileAt, percentileRows, percentileTicks } from './percentiles';

describe('latency by percentile: rows and axis', () => {
  it('puts 0 %, 50 %, 90 %, 99 % at 1, 2, 10, 100 and back', () => {
    const rows = percentileRows({ percentile: [0, 0.5, 0.9, 0.99], latencyMs: [1, 2, 3, 4] });
    expect(rows.map((r) => r.x)).toEqual([1, 2, expect.closeTo(10, 9), expect.closeTo(100, 9)]);
    expect(rows.map((r) => percentileAt(r.x))).toEqual([0, 0.5, expect.closeTo(0.9, 12), expect.closeTo(0.99, 12)]);
  });

  it('drops what a chart cannot draw', () => {
    expect(percentileRows({ percentile: [0, 1, 0.5], latencyMs: [1, 2, Number.NaN] })).toEqual([{ x: 1, ms: 1 }]);
    expect(percentileRows(undefined)).toEqual([]);
  });

  it('labels percentiles as people write them', () => {
    expect([0, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99512].map(percentLabel)).toEqual(['0%', '50%', '90%', '95%', '99%', '99.9%', '99.99%', '99.51%']);
  });

  it('ticks each further nine up to the last point', () => {
    expect(percentileTicks(1)).toEqual([2]);
    expect(percentileTicks(9)).toEqual([2]);
    expect(percentileTicks(1000)).toEqual([2, 10, 100, 1000]);
    expect(percentileTicks(5e5)).toEqual([2, 10, 100, 1000, 1e4, 1e5]);
  });
});
