import { describe, expect, it } from 'vitest';
import { estimateRate, parseCount, roundedRate } from './estimate';

describe('estimateRate', () => {
  it('spreads a day of requests over its seconds', () => {
    // One request a day from each of 86,400 users is one a second.
    expect(estimateRate({ dailyUsers: 86_400, requestsPerUser: 1, peakToAverage: 1 })).toEqual({ average: 1, peak: 1 });
    // The interview classic: 10 M users, 20 requests each, peak 3× → 2,314.8 and 6,944.4 req/s.
    const e = estimateRate({ dailyUsers: 10e6, requestsPerUser: 20, peakToAverage: 3 });
    if ('problem' in e) throw new Error(e.problem);
    expect(e.average).toBeCloseTo(200e6 / 86_400, 9);
    expect(e.peak).toBeCloseTo(6944.444, 3);
  });

  it('refuses what cannot be a day of traffic', () => {
    expect(estimateRate({ dailyUsers: 0, requestsPerUser: 5, peakToAverage: 2 })).toHaveProperty('problem');
    expect(estimateRate({ dailyUsers: 1000, requestsPerUser: Number.NaN, peakToAverage: 2 })).toHaveProperty('problem');
    expect(estimateRate({ dailyUsers: 1000, requestsPerUser: 5, peakToAverage: 0.5 })).toHaveProperty('problem');
  });
});

describe('parseCount', () => {
  it('reads the ways people write user counts', () => {
    expect(parseCount('10M')).toBe(10e6);
    expect(parseCount('2.5 k')).toBe(2500);
    expect(parseCount('1,000,000')).toBe(1e6);
    expect(parseCount('3 million')).toBe(3e6);
    expect(parseCount('1.2B')).toBe(1.2e9);
    expect(parseCount('40')).toBe(40);
  });

  it('gives null for anything else', () => {
    for (const text of ['', 'many', '10 users', '-5', '1e6', '5x']) expect(parseCount(text)).toBeNull();
  });
});

describe('roundedRate', () => {
  it('keeps whole requests for big rates and three figures for small ones', () => {
    expect(roundedRate(6944.444)).toBe(6944);
    expect(roundedRate(23.148)).toBe(23.1);
    expect(roundedRate(0.011574)).toBe(0.0116);
  });
});
