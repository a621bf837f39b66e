/**
 * The latency-by-percentile curve the charts draw: each point against the sorted samples it
 * summarises, and a whole run against M/M/1's exponential sojourn time, whose quantile at p is
 * −ln(1 − p) / (μ − λ).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram';
import { percentileCurve } from './metrics';
import { simulateDesign } from './run';
import { singleStation } from './testSupport';

describe('percentile curve', () => {
  it('gives each percentile the sorted samples’ value at that rank (within the histogram’s 0.4 %), ending at the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 }), (values) => {
        const h = new Histogram();
        for (const v of values) h.record(v);
        const { percentile, latencyMs } = percentileCurve(h);
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        expect(latencyMs).toHaveLength(percentile.length);
        expect(percentile[0]).toBe(0);
        expect(percentile.at(-1)).toBe(1 - 1 / n);
        expect(latencyMs.at(-1)).toBe(sorted[n - 1]);
        for (let i = 1; i < percentile.length; i++) {
          expect(percentile[i]).toBeGreaterThan(percentile[i - 1]);
          expect(latencyMs[i]).toBeGreaterThanOrEqual(latencyMs[i - 1]);
        }
        // Every point but the last (the maximum, exactly) is the sample of rank ⌈p·n⌉.
        for (let i = 0; i < percentile.length - 1; i++) {
          const exact = sorted[Math.max(1, Math.ceil(percentile[i] * n)) - 1];
          expect(Math.abs(latencyMs[i] - exact) / exact).toBeLessThan(0.004);
        }
      }),
    );
  });

  it('has five points to each halving of the requests still slower: about 96 for a million', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1_000_000; i++) h.record(i / 1000);
    const { percentile } = percentileCurve(h);
    // 5 · log2(10^6 / 2) ≈ 94.7: points k = 0…94, then the maximum.
    expect(percentile).toHaveLength(96);
    expect(percentile[5]).toBeCloseTo(0.5, 12);
    expect(percentile[10]).toBeCloseTo(0.75, 12);
  });

  it('is empty before any request is measured, and one point for one request', () => {
    expect(percentileCurve(new Histogram())).toEqual({ percentile: [], latencyMs: [] });
    const h = new Histogram();
    h.record(12.5);
    expect(percentileCurve(h)).toEqual({ percentile: [0], latencyMs: [12.5] });
  });

  it('follows the exponential sojourn time of M/M/1 (λ = 700/s, μ = 1000/s) from p10 to p99.9', () => {
    const sim = simulateDesign(singleStation(700, { workers: 1, serviceTimeMs: 1 }), { durationS: 1000, warmupS: 10, seed: 1 });
    const { percentile, latencyMs } = percentileCurve(sim.e2e.latency);
    const rate = 1 - 0.7; // μ − λ, per ms
    let checked = 0;
    percentile.forEach((p, i) => {
      if (p < 0.1 || p > 0.999) return;
      const expected = -Math.log(1 - p) / rate;
      expect(Math.abs(latencyMs[i] - expected) / expected, `p${(p * 100).toFixed(2)}: ${latencyMs[i]} ms, expected ${expected}`).toBeLessThan(0.04);
      checked++;
    });
    expect(checked).toBeGreaterThan(45);
  });
});
