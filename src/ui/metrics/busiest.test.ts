import { describe, expect, it } from 'vitest';
import type { WindowPoint } from '../../engine';
import { busiest } from './busiest';

const windowOf = (utilization: number[]): WindowPoint => ({
  tS: 1, throughput: 0, errorRate: 0, p50: 0, p95: 0, p99: 0, utilization, queue: [], nodeRate: [], edgeRate: [], edgeErrors: [],
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
    expect(busiest([0, 1], [...early, ...late], 1, 80)).toEqual([0]);
  });

  it('only ever picks candidates, breaks ties by design order, and counts NaN as idle', () => {
    const series = [windowOf([0.99, 0.5, Number.NaN, 0.5, 0.5])];
    expect(busiest([1, 2, 3, 4], series, 2)).toEqual([1, 3]);
  });
});
