/**
 * Traces: single requests followed through the design, call by call, as a distributed tracer
 * records them — when each call was sent, arrived, waited, was served, answered and came back.
 * A replay of the design (its seed and run length) keeps the slowest requests it measured, a
 * failed one, and requests at the median and the 99th percentile for comparison.
 */

/** How a call ended. `open`: it had not come back when the replay ended. */
export type SpanOutcome = 'ok' | 'failed' | 'turnedAway' | 'open';

/** One call: a hop to a node, its time there, and the way back. Times are ms after the request was first sent. */
export interface Span {
  /** Index in the trace's spans of the call that made this one; −1 for a client's attempt, or for work nobody waits for. */
  parent: number;
  nodeId: string;
  /** The connection it went over; null for work inside a node (a replica applying a write). */
  edgeId: string | null;
  /** The client's attempt it belongs to: 0 for the first, 1 for the first retry… */
  attempt: number;
  /** Nobody waits for its answer: a queued message, a hedge's slower copy, a replica's write. */
  detached: boolean;
  /**
   * Still under way when the client stopped waiting for its attempt (an answer, a failure, a
   * timeout): work done after the fact — an attempt that timed out, a queued message handled later.
   */
  pastAnswer: boolean;
  sentMs: number;
  /** null: still travelling when the trace ended. */
  arrivedMs: number | null;
  /** When a worker took it up; null when it never was (turned away, or a node that does no work of its own). */
  serviceStartMs: number | null;
  serviceEndMs: number | null;
  /** When the node answered; null while it had not. */
  respondedMs: number | null;
  /** When the answer was back at the caller; null while it was not. */
  returnedMs: number | null;
  outcome: SpanOutcome;
  /** It waited for another request's fetch of the same key instead of making its own (a cache coalescing misses). */
  sharedFetch?: boolean;
}

/** Why a request was kept: among the slowest, a failure, or a typical one for comparison. */
export type TraceReason = 'slowest' | 'failed' | 'p50' | 'p99';

export interface Trace {
  reason: TraceReason;
  clientId: string;
  /** Simulated time it was sent, s. */
  sentAtS: number;
  /** From its first send to its answer (or to the client giving up), ms. */
  latencyMs: number;
  ok: boolean;
  /** Attempts the client made (1 without retries). */
  attempts: number;
  /** When the client stopped waiting for each attempt (its answer, a failure or a timeout), ms; the last is latencyMs. */
  attemptEndsMs: number[];
  /** In the order they were sent: a call's parent comes before it. */
  spans: Span[];
}

export interface TraceSet {
  ok: true;
  /** The replay's length and seed: the design's. */
  run: { durationS: number; warmupS: number; seed: number };
  /** Requests measured in the replay (after its warm-up), of which these were kept. */
  measured: number;
  /** Slowest first, then a failure (if any), then the p99 and p50 requests. */
  traces: Trace[];
  wallMs: number;
}

export interface TraceProblem {
  ok: false;
  problem: string;
}

export type TraceResult = TraceSet | TraceProblem;

/**
 * Time a request's critical path spent at one node, one way: where its time went. The shares
 * of a trace add up to its latency.
 */
export interface TimeShare {
  nodeId: string;
  /**
   * `network`: on the connection into the node and back; `queue`: waiting for a worker;
   * `service`: a worker's own time; `waiting`: the node waited on nothing that answered in
   * time — a call it gave up on or hedged, or (at a client) a timeout and a backoff before a retry;
   * `shared`: it waited for another request's fetch of the same key (a cache coalescing misses).
   */
  what: 'network' | 'queue' | 'service' | 'waiting' | 'shared';
  ms: number;
}
