import { describe, expect, it } from 'vitest';
import { formatCost, formatCount, formatMs, formatOption, formatPercent, formatRate, formatSimTime, formatTick, plural, formatRunLength, fitText, formatChange } from './format';

describe('formatting', () => {
  it('never shows NaN or Infinity', () => {
    for (const f of [formatCount, formatMs, formatPercent, formatRate, formatSimTime, formatCost, formatTick]) {
      for (const x of [NaN, Infinity, -Infinity, undefined, null]) {
        expect(f(x)).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
  });
  it('writes long chart times as a clock', () => {
    expect(formatTick(45)).toBe('45s');
    expect(formatTick(599.6)).toBe('10:00');
    expect(formatTick(3005)).toBe('50:05');
    expect(formatTick(4600)).toBe('1:16:40');
  });
  it('adds units', () => {
    expect(formatRate(812.4)).toBe('812 req/s');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.004)).toBe('<0.01 ms');
    expect(formatMs(0.005)).toBe('0.01 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(0.0123)).toBe('1.2 %');
    expect(formatCount(54_000)).toBe('54.0k');
  });
  it('says dollars a month and counts in good grammar', () => {
    expect(formatCost(595.65)).toBe('$596/month');
    expect(formatCost(6)).toBe('$6/month');
    expect(formatCost(87.04)).toBe('$87.04/month');
    expect(plural(1, 'replica')).toBe('1 replica');
    expect(plural(0, 'replica')).toBe('0 replicas');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(Number.NaN, 'worker')).toBe('0 workers');
  });
  it('names a run length as Run for shows it', () => {
    expect(formatRunLength({ durationS: 60, warmupS: 5 })).toBe('60 s + 5 s warm-up');
    expect(formatRunLength({ durationS: 1200, warmupS: 0 })).toBe('20 min');
    expect(formatRunLength({ durationS: 90, warmupS: 0.5 })).toBe('90 s + 0.5 s warm-up');
  });

  it('names options in words, acronyms in capitals', () => {
    expect(formatOption('leastConnections')).toBe('Least Connections');
    expect(formatOption('ipHash')).toBe('IP Hash');
    expect(formatOption('urlHash')).toBe('URL Hash');
    expect(formatOption('peakEwma')).toBe('Peak EWMA');
    expect(formatOption('lru')).toBe('LRU');
    expect(formatOption('fifo')).toBe('FIFO');
    expect(formatOption('perPartition')).toBe('Per Partition');
    expect(formatOption('powerOfTwoChoices')).toBe('Power of Two Choices');
  });
});

describe('fitting a label', () => {
  it('keeps text that fits, and cuts the rest to the room with an ellipsis', () => {
    expect(fitText('Slow ×6 · App 2', 15)).toBe('Slow ×6 · App 2');
    expect(fitText('Algorithm: Least Connections · Load balancer', 20)).toBe('Algorithm: Least Co…');
    expect(fitText('Algorithm: Least Connections', 12)).toBe('Algorithm:…');
    expect(Array.from(fitText('Algorithm: Least Connections · Load balancer', 20))).toHaveLength(20);
    expect(fitText('Kill · App', 1)).toBe('');
  });
});

describe('formatChange', () => {
  it('gives a signed whole percentage against the baseline', () => {
    expect(formatChange(112, 770)).toBe('−85 %');
    expect(formatChange(802, 770)).toBe('+4 %');
    expect(formatChange(771, 770)).toBe('±0 %');
    expect(formatChange(23_100, 770)).toBe('+2,900 %');
  });
});
