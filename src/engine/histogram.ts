/**
 * A log-linear latency histogram, as HdrHistogram does it: each power of two is split into
 * 128 equal sub-buckets, so a bucket is at most 1/128 of its value wide and any percentile,
 * reported as its bucket's middle, is within 0.4 % of the true sample. The bucket index is
 * the float's exponent and top mantissa bits, read with integer arithmetic: no logarithm on
 * the hot path. Memory is fixed (40 KB) whatever the number of samples.
 */

const SUB_BUCKET_BITS = 7;
/** The high 32-bit word of a double holds sign (1), exponent (11) and mantissa (20) bits. */
const SHIFT = 20 - SUB_BUCKET_BITS;
const MIN_MS = 2 ** -10; // ≈ 0.001 ms: below this everything shares bucket 0
const MAX_MS = 2 ** 30; // ≈ 12 days: above this everything shares the top bucket

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/** Index of the high word: 1 on little-endian machines (all of today's), 0 on big-endian. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function highBits(value: number): number {
  float[0] = value;
  return words[HIGH] >>> SHIFT;
}

const BASE = highBits(MIN_MS) - 1;
const BUCKETS = highBits(MAX_MS) - BASE + 1;

/** The bucket a value falls in, by definition: from the bits of its float. */
export function bucketOfBits(valueMs: number): number {
  if (!(valueMs >= MIN_MS)) return 0;
  if (valueMs >= MAX_MS) return BUCKETS - 1;
  return highBits(valueMs) - BASE;
}

/**
 * The bucket a value falls in: bucketOfBits in integer arithmetic for common latencies, which
 * is cheaper than a round trip of the float through memory (twice per request). Scaled by 2^17
 * (exact), a value in [MIN_MS, 2^14 ms) lies in [2^7, 2^31): its leading bit is at 7 + shift,
 * its top 8 bits run 128…255 through an octave of 128 buckets, and MIN_MS falls in bucket 1.
 * (Literals, not the constants above: module constants cost a load and a check per use.)
 */
export function bucketOf(valueMs: number): number {
  if (valueMs >= 0.0009765625 && valueMs < 16384) {
    const scaled = (valueMs * 131072) | 0;
    const shift = 24 - Math.clz32(scaled);
    return (scaled >>> shift) + (shift << 7) - 127;
  }
  return bucketOfBits(valueMs);
}

/** The middle of a bucket: the value reported for every sample in it. */
function middleOf(bucket: number): number {
  if (bucket === 0) return 0;
  // Rebuild the float of the bucket's lower edge, plus half a sub-bucket.
  words[HIGH] = ((bucket + BASE) << SHIFT) | (1 << (SHIFT - 1));
  words[1 - HIGH] = 0;
  return float[0];
}

/** Where a histogram stood at some moment (markInto): what quantilesSince measures from. */
export class HistogramMark {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;

  /** Back to an empty histogram's mark (after the histogram itself was reset). */
  clear(): void {
    this.counts.fill(0);
    this.count = 0;
  }
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  record(valueMs: number): void {
    this.recordIn(bucketOf(valueMs), valueMs);
  }

  /**
   * record's body, given the bucket. Only record calls it, but merged into record it changes
   * what V8 inlines on the request path: M/M/4 then costs ~4 % more instructions per event.
   */
  private recordIn(bucket: number, valueMs: number): void {
    this.counts[bucket]++;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  /** Lowest and highest buckets in use (from min and max), so walks skip the empty ends. */
  private get low(): number {
    return this.count === 0 ? BUCKETS : bucketOf(this.min);
  }
  private get high(): number {
    return this.count === 0 ? -1 : bucketOf(this.max);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The value at quantile q (0…1); 0 when empty, so charts never see NaN. */
  quantile(q: number): number {
    return this.quantiles([q])[0];
  }

  /** The values at several quantiles (each 0…1, in ascending order), in one walk of the buckets. */
  quantiles(qs: readonly number[]): number[] {
    const values = qs.map(() => 0);
    if (this.count === 0) return values;
    // Walks read the arrays from locals: V8 does not hoist a field's load out of a loop.
    const counts = this.counts;
    const high = this.high;
    let next = 0;
    let rank = Math.max(1, Math.ceil(qs[0] * this.count));
    let seen = 0;
    for (let i = this.low; i <= high && next < qs.length; i++) {
      seen += counts[i];
      while (next < qs.length && seen >= rank) {
        values[next] = Math.min(this.max, Math.max(this.min, middleOf(i)));
        if (++next < qs.length) rank = Math.max(1, Math.ceil(qs[next] * this.count));
      }
    }
    for (; next < qs.length; next++) values[next] = this.max;
    return values;
  }

  /**
   * Quantiles (ascending, as for quantiles) of the samples recorded since `mark` was taken —
   * say, in the last window of a run — or null when there are none. The same buckets as
   * quantiles() would find for those samples alone, reported the same way (bucket middles,
   * within the histogram's minimum and maximum). It walks down from the top: a window's p99
   * is found in its tail, without a walk through every bucket the whole run has used.
   */
  quantilesSince(mark: HistogramMark, qs: readonly number[]): number[] | null {
    const count = this.count - mark.count;
    if (count <= 0) return null;
    const values = qs.map(() => 0);
    const counts = this.counts;
    const before = mark.counts;
    const low = this.low;
    let next = qs.length - 1;
    let rank = Math.max(1, Math.ceil(qs[next] * count));
    // The window's samples in buckets up to and including i: bucket i holds ranks (atOrBelow − its count, atOrBelow].
    let atOrBelow = count;
    for (let i = this.high; i >= low && next >= 0; i--) {
      const inBucket = counts[i] - before[i];
      while (next >= 0 && atOrBelow - inBucket < rank) {
        values[next] = Math.min(this.max, Math.max(this.min, middleOf(i)));
        if (--next >= 0) rank = Math.max(1, Math.ceil(qs[next] * count));
      }
      atOrBelow -= inBucket;
    }
    return values;
  }

  /**
   * Takes the mark quantilesSince measures from; only the buckets in use are copied, so a
   * mark must be cleared whenever its histogram is reset.
   */
  markInto(mark: HistogramMark): void {
    if (this.count > 0) mark.counts.set(this.counts.subarray(this.low, this.high + 1), this.low);
    mark.count = this.count;
  }

  /**
   * Adds another histogram's samples but not their sum. Counts, minimum and maximum come out
   * the same in whatever groups samples are added; a floating-point sum does not, so a caller
   * that must not depend on grouping adds each sample to `sum` itself, in order.
   */
  addCounts(other: Histogram): void {
    const mine = this.counts;
    const theirs = other.counts;
    const high = other.high;
    for (let i = other.low; i <= high; i++) mine[i] += theirs[i];
    this.addExtremes(other);
  }

  /** The count, min and max that go with adding `other`'s buckets (its sum is the caller's; see above). */
  private addExtremes(other: Histogram): void {
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /**
   * Adds this histogram's counts into each of `targets`, as addCounts does, and empties it:
   * one walk of the buckets instead of one per target (reset then clears them as one fill).
   */
  moveCountsTo(targets: readonly Histogram[]): void {
    if (this.count === 0) return;
    const counts = this.counts;
    const high = this.high;
    for (let i = this.low; i <= high; i++) {
      const n = counts[i];
      if (n === 0) continue;
      for (let t = 0; t < targets.length; t++) targets[t].counts[i] += n;
    }
    for (const target of targets) target.addExtremes(this);
    this.reset();
  }

  reset(): void {
    if (this.count > 0) this.counts.fill(0, this.low, this.high + 1);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }
}
