/**
 * A capacity search: the design run at multiples of its clients' traffic to find the most it
 * carries within a target p99 and error rate, and the load curve the runs trace on the way.
 */

/** What a design must keep to carry a load. */
export interface CapacityTarget {
  /** Highest acceptable 99th percentile of end-to-end latency, ms. */
  p99Ms: number;
  /** Highest acceptable share of failed requests, 0–1. */
  errorRate: number;
  /**
   * Longest any message may wait in a queue, ms: a queue answers its producers at once, so
   * only this says whether its consumers keep up. Ignored by designs without a queue.
   */
  queueLagMs: number;
}

/** One run of the design with every client's rate multiplied by `scale`. */
export interface LoadPoint {
  scale: number;
  /** Requests the clients sent per measured second. */
  offeredPerSecond: number;
  /** Requests answered successfully per measured second: throughput, as every other view counts it (failures are in errorRate). */
  throughputPerSecond: number;
  /**
   * 99th percentile latency, ms, with overdue requests (below) counted as slower than the
   * target: the figure the target is judged on. When more than 1 % are overdue it has no finite
   * value, and this is the answered requests' own p99 (the shortfall says how many are overdue).
   */
  p99Ms: number;
  /** Failed among answered (0 when none were). */
  errorRate: number;
  /**
   * Requests still unanswered at the end that had already waited longer than the target p99:
   * an overloaded design's backlog, counted as slow (otherwise a run too short to answer them
   * would hide them).
   */
  overdue: number;
  meets: boolean;
  /** The longest any message waited in a queue (those still waiting included), ms; null without queues. */
  queueLagMs: number | null;
  /** Why it does not meet the target, in words ("p99 1.2 s, over 200 ms"); null when it does. */
  shortfall: string | null;
  /** The busiest node that does work of its own, and how busy; null when none does. */
  busiest: { nodeId: string; utilization: number } | null;
}

/** What gives first: the worst finding at the lowest load that failed, else its busiest node. */
export interface CapacityLimit {
  nodeId?: string;
  text: string;
}

export interface CapacitySearch {
  ok: true;
  target: CapacityTarget;
  /** Every run's length and seed: the design's. */
  run: { durationS: number; warmupS: number; seed: number };
  /** The design's own traffic (scale 1). */
  baseline: LoadPoint;
  /** Every run, in order of scale. */
  points: LoadPoint[];
  /** The highest load that met the target; null when even the lowest tried did not. */
  carried: LoadPoint | null;
  /** The lowest load that did not; null when even the highest tried did (the search stopped at its run budget). */
  failed: LoadPoint | null;
  limit: CapacityLimit | null;
  wallMs: number;
}

/** The search could not start (a design whose clients send nothing, a target out of range). */
export interface CapacityProblem {
  ok: false;
  problem: string;
}

export type CapacityResult = CapacitySearch | CapacityProblem;

/** The target a search starts with when none is given: a common web SLO. */
export const DEFAULT_TARGET: CapacityTarget = { p99Ms: 200, errorRate: 0.001, queueLagMs: 1000 };
