import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WindowPoint } from '../../engine';
import { busiest, BY_P99, SWAP_MARGIN } from './busiest';

const windowOf = (utilization: number[]): WindowPoint => ({
  tS: 1, throughput: 0, errorRate: 0, p50: 0, p95: 0, p99: 0, utilization, queue: [], nodeRate: [], nodeP99: [], edgeRate: [], edgeErrors: [],
});

describe('the busiest nodes for the utilisation chart', () => {
  it('keeps every candidate, in order, when there is room for all', () => {
    expect(busiest([4, 1, 7], [windowOf([0, 0.9, 0, 0, 0.1, 0, 0, 0.5])], 8)).toEqual([4, 1, 7]);
  });

  it('picks the highest mean utilisation, returned in design order', () => {
    const series = [windowOf([0.1, 0.9, 0.2, 0.8, 0.5]), windowOf([0.1, 0.7, 0.4, 0.9, 0.5])];
    // Means: 0.1, 0.8, 0.3, 0.85, 0.5 → the top three are nodes 3, 1 and 4.
    expect(busiest([0, 1, 2, 3, 4], series, 3)).toEqual([1, 3, 4]);
  });

  it('ranks by the recent windows only, so a node that became a bottleneck late is shown', () => {
    const early = Array.from({ length: 50 }, () => windowOf([0.9, 0.1]));
    const late = Array.from({ length: 30 }, () => windowOf([0.2, 0.95]));
    expect(busiest([0, 1], [...early, ...late], 1)).toEqual([1]);
    expect(busiest([0, 1], [...early, ...late], 1, [], 80)).toEqual([0]);
  });

  it('only ever picks candidates, breaks ties by design order, and counts NaN as idle', () => {
    const series = [windowOf([0.99, 0.5, Number.NaN, 0.5, 0.5])];
    expect(busiest([1, 2, 3, 4], series, 2)).toEqual([1, 3]);
  });

  it('keeps the nodes on screen among alike ones, and lets in one clearly busier', () => {
    const alike = [windowOf([0.5, 0.52, 0.51, 0.53])];
    // Without a choice on screen: the two busiest. With one: it stays, as nothing is busier by the margin.
    expect(busiest([0, 1, 2, 3], alike, 2)).toEqual([1, 3]);
    expect(busiest([0, 1, 2, 3], alike, 2, [0, 2])).toEqual([0, 2]);
    const hot = [windowOf([0.5, 0.51 + SWAP_MARGIN + 0.01, 0.51, 0.9])];
    // Node 3 beats both kept ones by far and replaces the least busy (0); node 1 then beats 2 by just over the margin.
    expect(busiest([0, 1, 2, 3], hot, 2, [0, 2])).toEqual([1, 3]);
    // A node that is no longer a candidate (it stopped doing work) gives up its place.
    expect(busiest([0, 1, 3], alike, 2, [0, 2])).toEqual([0, 3]);
  });

  it('gives back the choice it made when asked again, so the chart settles after one change (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, onScreen, most) => {
          const series = rows.map(windowOf);
          const candidates = Array.from({ length: 12 }, (_, i) => i);
          const chosen = busiest(candidates, series, most, onScreen);
          expect(chosen).toHaveLength(most);
          expect(busiest(candidates, series, most, chosen)).toEqual(chosen);
        },
      ),
    );
  });

  it('by p99: the slowest lately, idle windows counting as 0, and a newcomer must be a tenth slower', () => {
    const p99 = (values: (number | null)[]): WindowPoint => ({ ...windowOf([]), nodeP99: values });
    const series = [p99([5, 200, null, 40]), p99([5, 180, 90, 44])];
    // Means: 5, 190, 45, 42 → the two slowest are 1 and 2.
    expect(busiest([0, 1, 2, 3], series, 2, [], 30, BY_P99)).toEqual([1, 2]);
    // Kept: 3 (42) is within a tenth of 2 (45), so it stays; 0 is not slow enough to enter.
    expect(busiest([0, 1, 2, 3], series, 2, [1, 3], 30, BY_P99)).toEqual([1, 3]);
    expect(busiest([0, 1, 2, 3], [p99([5, 200, 60, 40])], 2, [1, 3], 30, BY_P99)).toEqual([1, 2]);
  });

  it('by p99, gives back its own choice too (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.double({ min: 0, max: 5000, noNaN: true })), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, onScreen, most) => {
          const series = rows.map((values) => ({ ...windowOf([]), nodeP99: values }));
          const candidates = Array.from({ length: 10 }, (_, i) => i);
          const chosen = busiest(candidates, series, most, onScreen, 30, BY_P99);
          expect(busiest(candidates, series, most, chosen, 30, BY_P99)).toEqual(chosen);
        },
      ),
    );
  });
});
