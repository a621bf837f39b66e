import { describe, expect, it } from 'vitest';
import type { EndToEndFigures } from '../../engine';
import { changesFrom } from './baselineChange';
import { labelRows, polyline } from './Chart';
import { BASE_KEYS, thinned, withBaseline } from './rows';

const figures = (over: Partial<EndToEndFigures> & { p99?: number }): EndToEndFigures => ({
  sent: 1000,
  completed: 1000,
  failed: 0,
  inFlight: 0,
  timedOut: 0,
  retries: 0,
  retriesDenied: 0,
  throughputPerSecond: 100,
  latencyMs: { mean: 10, p50: 8, p90: 20, p95: 30, p99: over.p99 ?? 80, p999: 120, max: 200 },
  ...over,
});

describe('changes against a baseline', () => {
  it('say how each figure moved, and whether for the better', () => {
    const before = { endToEnd: figures({ p99: 80 }), costPerMonth: 500 };
    const after = { endToEnd: figures({ p99: 52, throughputPerSecond: 110, completed: 990, failed: 10 }), costPerMonth: 570 };
    expect(changesFrom(before, after)).toEqual({
      Throughput: { text: '+10 %', direction: 'better' },
      // 0 % → 1 % of requests failing: a percentage point, not a relative change from 0.
      'Error rate': { text: '+1 pts', direction: 'worse' },
      p50: { text: '±0 %', direction: 'same' },
      p95: { text: '±0 %', direction: 'same' },
      p99: { text: '−35 %', direction: 'better' },
      Cost: { text: '+14 %', direction: 'worse' },
    });
  });

  it('compare no latency where either run answered nothing, and nothing relative to a 0', () => {
    const none = { endToEnd: figures({ completed: 0, failed: 1000, throughputPerSecond: 0 }), costPerMonth: 0 };
    const some = { endToEnd: figures({}), costPerMonth: 100 };
    const changes = changesFrom(none, some);
    expect(Object.keys(changes)).toEqual(['Error rate']);
    expect(changes['Error rate']).toEqual({ text: '−100 pts', direction: 'better' });
    expect(changesFrom(some, none).Throughput).toEqual({ text: '−100 %', direction: 'worse' });
  });
});

describe('chart rows with a baseline', () => {
  const run = [1, 2, 3].map((t) => ({ t, throughput: 10 * t }));
  const kept = [2, 3, 4, 5].map((t) => ({ tS: t, throughput: t, errorRate: 0, p99: t === 4 ? 0 : 7 }));

  it('put each of the baseline’s seconds beside the run’s own, in time order, and add the seconds only it has', () => {
    const rows = withBaseline(run, [{ ...kept[2], throughput: 0 }, kept[0], kept[1], kept[3]]);
    expect(rows.map((r) => r.t)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]).toEqual({ t: 1, throughput: 10 });
    expect(rows[1]).toEqual({ t: 2, throughput: 20, [BASE_KEYS.throughput]: 2, [BASE_KEYS.errorRate]: 0, [BASE_KEYS.p99]: 7 });
    // A second the baseline answered nothing in has no p99 to draw; the run has no figures there.
    expect(rows[3]).toEqual({ t: 4, [BASE_KEYS.throughput]: 0, [BASE_KEYS.errorRate]: 0 });
    // The run's own rows are left as they were.
    expect(run[1]).toEqual({ t: 2, throughput: 20 });
  });

  it('are thinned to at most the chart’s points, keeping the latest', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ t: i + 1 }));
    const few = thinned(many);
    expect(few).toHaveLength(120);
    expect(few.at(-1)).toEqual({ t: 600 });
    expect(thinned(run)).toBe(run);
  });
});

describe('a chart line', () => {
  it('breaks where a point has no value instead of bridging the gap', () => {
    const points = [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: null }, { x: 3, y: 4 }, { x: 4, y: 5 }];
    expect(polyline(points)).toBe('M0.0,1.0L1.0,2.0M3.0,4.0L4.0,5.0');
    expect(polyline([{ x: 0, y: null }])).toBe('');
  });
});

describe('marker labels', () => {
  it('go a line lower when the one before on a line is too close in time to share it', () => {
    // A 60 s axis: labels under 45 s apart may overlap.
    expect(labelRows([{ tS: 20 }, { tS: 40 }, { tS: 10 }, { tS: 58 }], 0, 60)).toEqual([1, 2, 0, 0]);
    expect(labelRows([{ tS: 4 }, { tS: 7 }], 0, 8)).toEqual([0, 1]);
    expect(labelRows([], 0, 60)).toEqual([]);
  });
});
