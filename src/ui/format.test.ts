import { describe, expect, it } from 'vitest';
import { formatCount, formatMs, formatPercent, formatRate, formatSimTime } from './format';

describe('formatting', () => {
  it('never shows NaN or Infinity', () => {
    for (const f of [formatCount, formatMs, formatPercent, formatRate, formatSimTime]) {
      for (const x of [NaN, Infinity, -Infinity, undefined, null]) {
        expect(f(x)).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
  });
  it('adds units', () => {
    expect(formatRate(812.4)).toBe('812 req/s');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(0.0123)).toBe('1.2 %');
    expect(formatCount(54_000)).toBe('54.0k');
  });
});
