import { describe, expect, it } from 'vitest';
import type { CapacitySearch, LoadPoint } from './types';
import { formatLoad, formatScale, targetText, verdict, verdictParts } from './verdict';

const point = (scale: number, meets: boolean, shortfall: string | null = null): LoadPoint => ({
  scale,
  offeredPerSecond: 800 * scale,
  throughputPerSecond: 800 * scale,
  p99Ms: 50,
  errorRate: 0,
  overdue: 0,
  queueLagMs: null,
  meets,
  shortfall,
  busiest: null,
});

const result = (carried: LoadPoint | null, failed: LoadPoint | null): CapacitySearch => ({
  ok: true,
  target: { p99Ms: 200, errorRate: 0.001, queueLagMs: 1000 },
  run: { durationS: 60, warmupS: 5, seed: 1 },
  baseline: point(1, carried !== null && carried.scale >= 1),
  points: [],
  carried,
  failed,
  limit: null,
  wallMs: 1,
});

describe('the verdict', () => {
  it('says what a design carries and what happened just beyond', () => {
    expect(verdict(result(point(1.85, true), point(1.87, false, 'p99 309 ms, over 200 ms')))).toBe(
      'Carries about 1,480 req/s (×1.85 today’s 800 req/s) with p99 ≤ 200 ms, errors ≤ 0.1 %; at 1,496 req/s: p99 309 ms, over 200 ms.',
    );
  });

  it('says "at least" when no load tried failed', () => {
    expect(verdict(result(point(1024, true), null))).toMatch(/^Carries at least 819,200 req\/s \(×1,024 today’s 800 req\/s\) .*run budget\.$/);
  });

  it('says when even the lowest load tried misses, and by how much today’s traffic does', () => {
    const today = point(1, false, 'errors 13 %, over 0.1 %');
    const lowest = point(1 / 32, false, 'p99 300 ms, over 200 ms');
    const parts = verdictParts({ ...result(null, lowest), baseline: today });
    expect(parts.figure).toBe('×0.0313');
    expect(parts.before + parts.figure + parts.after).toBe(
      'Misses p99 ≤ 200 ms, errors ≤ 0.1 % even at ×0.0313 of today’s traffic (25 req/s): p99 300 ms, over 200 ms. At today’s 800 req/s: errors 13 %, over 0.1 %.',
    );
    // Missed at today's traffic and never lower: the sentence does not say it twice.
    expect(verdict({ ...result(null, today), baseline: today })).toBe(
      'Misses p99 ≤ 200 ms, errors ≤ 0.1 % even at ×1 of today’s traffic (800 req/s): errors 13 %, over 0.1 %.',
    );
  });

  it('formats loads, scales and targets for reading', () => {
    expect(formatLoad(1479.5)).toBe('1,480 req/s');
    expect(formatLoad(53.948)).toBe('53.9 req/s');
    expect(formatScale(1.8493)).toBe('×1.85');
    expect(targetText({ p99Ms: 1500, errorRate: 0.01, queueLagMs: 2000 }, true)).toBe('p99 ≤ 1.5 s, errors ≤ 1 %, queue wait ≤ 2 s');
  });
});
