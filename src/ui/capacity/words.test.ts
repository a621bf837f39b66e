import { describe, expect, it } from 'vitest';
import type { LoadPoint } from '../../capacity/types';
import { progress } from './words';

function point(scale: number, meets: boolean, shortfall: string | null = meets ? null : 'p99 309 ms, over 200 ms'): LoadPoint {
  return { scale, offeredPerSecond: 800 * scale, throughputPerSecond: 800 * scale, p99Ms: 100, errorRate: 0, overdue: 0, meets, queueLagMs: null, shortfall, busiest: null };
}

describe('capacity in words', () => {
  it('shows the last run measured while the search goes on', () => {
    expect(progress([])).toBe('Run 1 · ×1 · today’s traffic …');
    expect(progress([point(1, true), point(2, false)])).toBe('Run 2 · ×2 · 1,600 req/s · p99 309 ms, over 200 ms …');
    expect(progress([point(1, true)])).toBe('Run 1 · ×1 · 800 req/s · meets the target …');
  });
});
