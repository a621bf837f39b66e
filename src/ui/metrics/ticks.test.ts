import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTick } from '../format';
import { ticksThatFit, timeTicks } from './ticks';

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

  it('fit the axis: two a narrow chart, six a wide one', () => {
    // Six charts in a row on a 1,024 px screen leave ~80 px of axis; four on 1,440 px ~250.
    expect(ticksThatFit(80, 3, 6)).toBe(2);
    expect(ticksThatFit(250, 3, 6)).toBe(6);
    expect(ticksThatFit(250, 7, 6)).toBe(4);
    expect(ticksThatFit(10, 7, 6)).toBe(2);
    // Before the chart has a width, the most.
    expect(ticksThatFit(0, 3, 6)).toBe(6);
  });

  it('labels of the ticks that fit never touch, on any axis with room for two (property)', () => {
    // 10 px labels measure at most 5.8 px a character (Chart.tsx's LABEL_CHAR_PX).
    const labelPx = (t: number) => formatTick(t).length * 5.8;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 5, max: 200_000 }), fc.integer({ min: 40, max: 600 }), (from, span, widthPx) => {
        const to = from + span;
        const chars = formatTick(to).length;
        fc.pre(widthPx >= 2 * (chars * 6 + 14));
        const ticks = timeTicks(from, to, ticksThatFit(widthPx, chars, 6));
        const x = (t: number) => ((t - from) / span) * widthPx;
        for (let i = 1; i < ticks.length; i++) {
          const gap = x(ticks[i]) - x(ticks[i - 1]);
          expect(gap, `ticks ${ticks.join(', ')} over ${widthPx} px`).toBeGreaterThanOrEqual((labelPx(ticks[i]) + labelPx(ticks[i - 1])) / 2 + 4);
        }
      }),
    );
  });
});
