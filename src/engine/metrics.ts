/**
 * Counters and histograms. Figures count from the start of measurement (the end of the
 * warm-up); the time series counts everything, in windows of simulated time, for charts.
 */
import { Histogram } from './histogram';

export class NodeStats {
  arrivals = 0;
  /** Calls this node answered with a failure, whatever the cause. */
  failed = 0;
  /** Turned away because the waiting room was full. */
  dropped = 0;
  /** Turned away on purpose: rate limited, queue full, refused by a partition or a down node. */
  rejected = 0;
  /** Waiting calls answered unserved because their client had given up (a server skipping expired requests). */
  expired = 0;
  /** Latency of the calls it answered successfully (a client's: of its requests, end to end). */
  readonly latency = new Histogram();

  /** Calls answered successfully: every one has its latency recorded, so the histogram counts them. */
  get completed(): number {
    return this.latency.count;
  }

  reset(): void {
    this.arrivals = 0;
    this.failed = 0;
    this.dropped = 0;
    this.rejected = 0;
    this.expired = 0;
    this.latency.reset();
  }
}

/** End-to-end figures for the measured cohort: requests sent after the warm-up. */
export class EndToEndStats {
  sent = 0;
  failed = 0;
  timedOut = 0;
  retries = 0;
  /** Retries a client's retry budget did not allow (the request failed instead). */
  retriesDenied = 0;
  /** Measured requests not yet settled; counted, not derived, so conservation can be checked. */
  inFlight = 0;
  readonly latency = new Histogram();

  get completed(): number {
    return this.latency.count;
  }
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export function summarizeLatency(h: Histogram): LatencySummary {
  const [p50, p90, p95, p99, p999] = h.quantiles([0.5, 0.9, 0.95, 0.99, 0.999]);
  return { mean: h.mean, p50, p90, p95, p99, p999, max: h.max };
}

/**
 * Latency against percentile, as HdrHistogram plots it: five points to every halving of the
 * requests still slower, so the tail (p99, p99.9) is drawn as finely as the middle. The last
 * point is the slowest request, at percentile 1 − 1/count.
 */
export interface PercentileCurve {
  /** 0…1, ascending. */
  percentile: number[];
  latencyMs: number[];
}

const POINTS_PER_HALVING = 5;

export function percentileCurve(h: Histogram): PercentileCurve {
  const count = h.count;
  if (count === 0) return { percentile: [], latencyMs: [] };
  const percentile: number[] = [];
  // Down to the last point with two or more requests at or above it; the slowest one follows.
  for (let k = 0; count * 2 ** (-k / POINTS_PER_HALVING) >= 2; k++) percentile.push(1 - 2 ** (-k / POINTS_PER_HALVING));
  const latencyMs = h.quantiles(percentile);
  percentile.push(1 - 1 / count);
  latencyMs.push(h.max);
  return { percentile, latencyMs };
}

/** One window of simulated time, ready for a chart. */
export interface WindowPoint {
  /** End of the window, in simulated seconds. */
  tS: number;
  /** Requests settled per second (successes). */
  throughput: number;
  /** Failed ÷ settled in the window, 0…1. */
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  /** Per node, in design order. */
  utilization: number[];
  queue: number[];
  nodeRate: number[];
  /** 99th percentile latency of the calls each node answered successfully in the window; null where none. */
  nodeP99: (number | null)[];
  /** Messages held at the end of the window (queues; 0 for other kinds). */
  backlog?: number[];
  /** Age of the oldest waiting message at the end of the window, ms (a queue's consumer lag; 0 otherwise). */
  lagMs?: number[];
  /** Instances billed at the end of the window (a server's running and starting ones; 1 for most kinds). */
  instances?: number[];
  /** Per edge, in design order: requests sent per second and failures per second. */
  edgeRate: number[];
  edgeErrors: number[];
}

/** A ring of the most recent windows, so a long run keeps bounded memory. */
export class TimeSeries {
  private readonly points: WindowPoint[] = [];
  private start = 0;
  /** Total windows ever added; a reader's cursor counts in these. */
  total = 0;

  constructor(private readonly capacity = 3600) {}

  add(point: WindowPoint): void {
    if (this.points.length < this.capacity) this.points.push(point);
    else {
      this.points[this.start] = point;
      this.start = (this.start + 1) % this.capacity;
    }
    this.total++;
  }

  /** Windows added after `cursor` (a previous `total`), oldest first. */
  since(cursor: number): WindowPoint[] {
    const available = Math.min(this.total - cursor, this.points.length);
    const out: WindowPoint[] = [];
    for (let i = this.points.length - available; i < this.points.length; i++) {
      out.push(this.points[(this.start + i) % this.points.length]);
    }
    return out;
  }
}
