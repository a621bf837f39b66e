import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeTicks } from './ticks';

describe('time axis ticks', () => {
  it('are round times, evenly spaced', () => {
    expect(timeTicks(1, 27, 6)).toEqual([5, 10, 15, 20, 25]);
    expect(timeTicks(3368, 5478, 6)).toEqual([3600, 4200, 4800, 5400]);
    // Every 12 h would be seven ticks: every day instead.
    expect(timeTicks(0, 86_400 * 3, 6)).toEqual([0, 86_400, 172_800, 259_200]);
  });

  it('give one tick for one point, and none for nonsense', () => {
    expect(timeTicks(12, 12, 6)).toEqual([12]);
    expect(timeTicks(5, 1, 6)).toEqual([]);
    expect(timeTicks(Number.NaN, 1, 6)).toEqual([]);
  });

  it('never exceed the limit, stay within the range, and share one step (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 2, max: 8 }), (from, span, most) => {
        const ticks = timeTicks(from, from + span, most);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        expect(ticks.length).toBeLessThanOrEqual(most);
        for (const t of ticks) expect(t >= from && t <= from + span).toBe(true);
        const steps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]));
        expect(steps.size).toBeLessThanOrEqual(1);
      }),
    );
  });
});
