/**
 * A log-bucketed latency histogram in the spirit of HdrHistogram: buckets grow by 1 % so any
 * percentile is within 0.5 % of the true sample (the bucket's geometric middle), using a
 * fixed 22 KB whatever the number of samples. Recording is one log and one increment.
 */

const MIN_MS = 0.001;
const GROWTH = 1.01;
const INV_LOG_GROWTH = 1 / Math.log(GROWTH);
/** Covers MIN_MS to about 1e9 ms (11 days); larger values land in the top bucket. */
const BUCKETS = 2 + Math.ceil(Math.log(1e9 / MIN_MS) * INV_LOG_GROWTH);

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  record(valueMs: number): void {
    let index = 0;
    if (valueMs > MIN_MS) {
      index = 1 + Math.floor(Math.log(valueMs / MIN_MS) * INV_LOG_GROWTH);
      if (index >= BUCKETS) index = BUCKETS - 1;
    }
    this.counts[index]++;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The value at quantile q (0…1); 0 when empty, so charts never see NaN. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) {
        const middle = i === 0 ? 0 : MIN_MS * Math.pow(GROWTH, i - 0.5);
        return Math.min(this.max, Math.max(this.min, middle));
      }
    }
    return this.max;
  }

  add(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }
}
