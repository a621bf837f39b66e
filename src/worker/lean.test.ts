import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WindowPoint } from '../engine';
import { leanWindows, thin } from './lean';

const point = (tS: number): WindowPoint => ({
  tS,
  throughput: tS,
  errorRate: 0,
  p50: 1,
  p95: 2,
  p99: 3,
  utilization: [0.5, 0.25],
  backlog: [0, tS * 10],
  instances: [1, tS],
  queue: [1, 2],
  nodeRate: [10, 20],
  nodeP99: [null, 4],
  edgeRate: [10],
  edgeErrors: [0],
});

describe('lean snapshots', () => {
  it('thins to an even sample that ends with the newest window', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const out = thin(items, 30);
    expect(out).toHaveLength(30);
    expect(out.at(-1)).toBe(99);
    expect([...out].sort((a, b) => a - b)).toEqual(out);
  });

  it('never reads past the end when the step rounds up (21 windows into 19)', () => {
    // 21 / 19 * 19 = 21.000000000000004 in floating point.
    const out = thin(Array.from({ length: 21 }, (_, i) => i), 19);
    expect(out).toHaveLength(19);
    expect(out.at(-1)).toBe(20);
  });

  it('thin, for any lengths: exactly `most` defined items, increasing, ending with the newest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 300 }), (length, most) => {
        const items = Array.from({ length }, (_, i) => i);
        const out = thin(items, most);
        expect(out).toHaveLength(Math.min(length, most));
        expect(out.every((x) => x !== undefined)).toBe(true);
        expect(out.at(-1)).toBe(length - 1);
        for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThan(out[i - 1]);
      }),
    );
  });

  it('keeps utilisation, p99s, backlogs and instances everywhere and the other arrays on the newest window only', () => {
    const out = leanWindows([point(1), point(2), point(3)]);
    expect(out.map((w) => w.tS)).toEqual([1, 2, 3]);
    expect(out.every((w) => w.utilization.length === 2)).toBe(true);
    expect(out.every((w) => w.nodeP99[1] === 4)).toBe(true);
    expect(out.map((w) => w.backlog)).toEqual([[0, 10], [0, 20], [0, 30]]);
    expect(out.map((w) => w.instances)).toEqual([[1, 1], [1, 2], [1, 3]]);
    expect(out[0].nodeRate).toEqual([]);
    expect(out[1].edgeRate).toEqual([]);
    expect(out[2].nodeRate).toEqual([10, 20]);
    expect(out[2].edgeErrors).toEqual([0]);
  });
});
