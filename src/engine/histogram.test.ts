/** The histogram against exact order statistics of sorted samples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketOfBits, Histogram, HistogramMark } from './histogram';
import { RandomStream } from './random';

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

describe('histogram', () => {
  it('every percentile is within 0.4 % of the exact sample, over eleven decades', () => {
    const rng = new RandomStream(5, 'hist');
    const samples = Float64Array.from({ length: 200_000 }, () => 10 ** (rng.next() * 11 - 2.5));
    const h = new Histogram();
    for (const v of samples) h.record(v);
    const sorted = Float64Array.from(samples).sort();
    for (const q of [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(1 / 256 + 1e-12);
    }
    expect(h.count).toBe(samples.length);
    expect(h.max).toBe(sorted[sorted.length - 1]);
    expect(h.mean).toBeCloseTo(samples.reduce((a, b) => a + b) / samples.length, 6);
  });

  it('holds for any positive samples (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const h = new Histogram();
          values.forEach((v) => h.record(v));
          const exact = exactQuantile(Float64Array.from(values).sort(), q);
          expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(1 / 256 + 1e-12);
        },
      ),
    );
  });

  it('reports zero, not NaN, when empty, and exact zeros as zero', () => {
    const h = new Histogram();
    expect([h.quantile(0.5), h.mean, h.max]).toEqual([0, 0, 0]);
    h.record(0);
    h.record(0);
    expect(h.quantile(0.99)).toBe(0);
  });

  it('reads several quantiles in one walk, each as close to its exact sample (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, unsorted) => {
          const qs = [...unsorted].sort((a, b) => a - b);
          const h = new Histogram();
          values.forEach((v) => h.record(v));
          const sorted = Float64Array.from(values).sort();
          h.quantiles(qs).forEach((value, i) => {
            const exact = exactQuantile(sorted, qs[i]);
            expect(Math.abs(value - exact) / exact).toBeLessThan(1 / 256 + 1e-12);
          });
        },
      ),
    );
    expect(new Histogram().quantiles([0.5, 0.99])).toEqual([0, 0]);
  });

  it('moves its counts into several histograms at once, as adding them one by one does, and is left empty', () => {
    const rng = new RandomStream(9, 'move');
    const filled = (n: number) => {
      const h = new Histogram();
      for (let i = 0; i < n; i++) h.record(10 ** (rng.next() * 6 - 2));
      return h;
    };
    const source = filled(5_000);
    const [a, b] = [filled(300), filled(0)];
    const [a2, b2] = [new Histogram(), new Histogram()];
    for (const [copy, original] of [[a2, a], [b2, b]]) copy.addCounts(original);
    a2.addCounts(source);
    b2.addCounts(source);
    source.moveCountsTo([a, b]);
    for (const [moved, added] of [[a, a2], [b, b2]]) {
      expect([moved.count, moved.min, moved.max]).toEqual([added.count, added.min, added.max]);
      expect(Array.from(moved.counts)).toEqual(Array.from(added.counts));
    }
    expect([source.count, source.sum, source.quantile(0.5)]).toEqual([0, 0, 0]);
    expect(source.counts.every((c) => c === 0)).toBe(true);
  });

  it('adds counts and resets', () => {
    const a = new Histogram();
    const b = new Histogram();
    [1, 2, 3].forEach((v) => a.record(v));
    [100, 200].forEach((v) => b.record(v));
    a.addCounts(b);
    expect(a.count).toBe(5);
    expect(Math.abs(a.quantile(1) - 200) / 200).toBeLessThan(0.004);
    a.reset();
    expect(a.count).toBe(0);
    expect(a.quantile(0.5)).toBe(0);
    a.record(50);
    expect(Math.abs(a.quantile(0.5) - 50) / 50).toBeLessThan(0.004);
  });

  it('puts every value in the bucket the bits of its float define (property)', () => {
    // Every power of two from 2^-13 to 2^32, just either side of it, and halfway to the next.
    const edges = Array.from({ length: 46 }, (_, i) => 2 ** (i - 13)).flatMap((p) => [
      p,
      p * (1 - 2 ** -53),
      p * (1 + 2 ** -52),
      p * 1.5,
    ]);
    for (const v of [0, -1, NaN, Infinity, 1e-300, 1e300, ...edges]) expect(bucketOf(v)).toBe(bucketOfBits(v));
    fc.assert(
      fc.property(fc.double({ min: 2 ** -12, max: 2 ** 32, noNaN: true }), (v) => {
        expect(bucketOf(v)).toBe(bucketOfBits(v));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('quantiles since a mark (a window of a run)', () => {
  it('are those of the samples recorded after the mark alone', () => {
    const rng = new RandomStream(9, 'since');
    const all = new Histogram();
    const later = new Histogram();
    const mark = new HistogramMark();
    for (let i = 0; i < 5000; i++) all.record(1 + rng.next());
    all.markInto(mark);
    for (let i = 0; i < 3000; i++) {
      const x = 5 + 20 * rng.next();
      all.record(x);
      later.record(x);
    }
    expect(all.quantilesSince(mark, [0.1, 0.5, 0.9])).toEqual(later.quantiles([0.1, 0.5, 0.9]));
    // The next window starts where this one ends.
    all.markInto(mark);
    expect(all.quantilesSince(mark, [0.5])).toBeNull();
    all.record(0.5);
    expect(all.quantilesSince(mark, [0.5])![0]).toBeCloseTo(0.5, 2);
  });

  it('count from an empty histogram when the mark is cleared with it', () => {
    const h = new Histogram();
    const mark = new HistogramMark();
    h.record(100);
    h.markInto(mark);
    h.reset();
    mark.clear();
    h.record(3);
    expect(h.quantilesSince(mark, [0.99])![0]).toBeCloseTo(3, 1);
  });
});

describe('quantiles since a mark, against quantiles of the same samples', () => {
  it('find the same buckets for any samples and quantiles (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.0001, max: 1e5, noNaN: true }), { maxLength: 300 }),
        fc.array(fc.double({ min: 0.0001, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (earlier, later, qs) => {
          const all = new Histogram();
          const alone = new Histogram();
          const mark = new HistogramMark();
          for (const x of earlier) all.record(x);
          all.markInto(mark);
          for (const x of later) {
            all.record(x);
            alone.record(x);
          }
          const sorted = [...qs].sort((a, b) => a - b);
          const since = all.quantilesSince(mark, sorted)!;
          const expected = alone.quantiles(sorted);
          // The same buckets; only the clamp differs (to the whole run's min and max, not the window's).
          expect(since.map(bucketOf)).toEqual(expected.map(bucketOf));
        },
      ),
    );
  });
});
