/**
 * Circuit breakers, one per edge (threshold 0 = none). Closed, a breaker lets calls through
 * and opens when `threshold` failures fall within its window; open, it fails calls fast; after
 * `openMs` it turns half-open and lets `probes` calls through, closing when they all succeed and
 * opening again at the first failure. The simulation asks before it sends over an edge with a
 * breaker and reports every answer that comes back; the breakers keep their own figures and a
 * log of their transitions.
 */
import type { Params } from '../model/params';

export const BREAKER_CLOSED = 0;
export const BREAKER_OPEN = 1;
export const BREAKER_HALF_OPEN = 2;
export type BreakerStateName = 'closed' | 'open' | 'halfOpen';
export const BREAKER_STATE_NAMES: readonly BreakerStateName[] = ['closed', 'open', 'halfOpen'];

/** admit()'s answer for a call let through a half-open breaker as a probe; also the call's flag bit. */
export const PROBE = 1;

export interface BreakerTransition {
  tMs: number;
  edge: string;
  state: BreakerStateName;
}

/** Transitions kept: the oldest half goes when the log is full. */
const LOG_LIMIT = 10_000;

export class Breakers {
  /** Failures within the window that open the breaker; 0 = the edge has none. */
  readonly threshold: Int32Array;
  readonly state: Uint8Array;
  /** Times each breaker opened, and calls it failed fast, since measurement began. */
  readonly opens: Float64Array;
  readonly rejected: Float64Array;
  readonly log: BreakerTransition[] = [];

  private readonly windowMs: Float64Array;
  private readonly openMs: Float64Array;
  private readonly probes: Int32Array;
  /** When the breaker last opened. */
  private readonly since: Float64Array;
  /** Half-open: probes in flight, and probes that succeeded. */
  private readonly probing: Int32Array;
  private readonly probeOk: Int32Array;
  /** The last `threshold` failure times, in a ring per edge. */
  private readonly failures: Float64Array[];
  private readonly failHead: Int32Array;
  private readonly failCount: Int32Array;

  constructor(private readonly edgeIds: readonly string[]) {
    const edges = edgeIds.length;
    this.threshold = new Int32Array(edges);
    this.state = new Uint8Array(edges);
    this.opens = new Float64Array(edges);
    this.rejected = new Float64Array(edges);
    this.windowMs = new Float64Array(edges);
    this.openMs = new Float64Array(edges);
    this.probes = new Int32Array(edges);
    this.since = new Float64Array(edges);
    this.probing = new Int32Array(edges);
    this.probeOk = new Int32Array(edges);
    this.failures = edgeIds.map(() => new Float64Array(0));
    this.failHead = new Int32Array(edges);
    this.failCount = new Int32Array(edges);
  }

  /** Applies an edge's (restored) params; a new threshold starts the breaker afresh, closed. */
  configure(edge: number, params: Params): void {
    const threshold = (params.breakerFailures as number | undefined) ?? 0;
    if (threshold !== this.threshold[edge]) {
      this.threshold[edge] = threshold;
      this.failures[edge] = new Float64Array(threshold);
      this.failHead[edge] = 0;
      this.failCount[edge] = 0;
      this.state[edge] = BREAKER_CLOSED;
    }
    this.windowMs[edge] = ((params.breakerWindowS as number | undefined) ?? 10) * 1000;
    this.openMs[edge] = ((params.breakerOpenS as number | undefined) ?? 5) * 1000;
    this.probes[edge] = (params.breakerProbes as number | undefined) ?? 1;
  }

  has(edge: number): boolean {
    return this.threshold[edge] > 0;
  }

  /**
   * Whether the breaker lets a call through at `now`: −1 refuse (counted when `measuring`),
   * 0 pass, PROBE pass as a half-open probe. An open breaker whose time is up turns half-open.
   */
  admit(edge: number, now: number, measuring: boolean): number {
    if (this.threshold[edge] === 0) return 0;
    const state = this.state[edge];
    if (state === BREAKER_CLOSED) return 0;
    if (state === BREAKER_OPEN) {
      if (now < this.since[edge] + this.openMs[edge]) {
        if (measuring) this.rejected[edge]++;
        return -1;
      }
      this.set(edge, BREAKER_HALF_OPEN, now);
      this.probing[edge] = 0;
      this.probeOk[edge] = 0;
    }
    if (this.probing[edge] + this.probeOk[edge] < this.probes[edge]) {
      this.probing[edge]++;
      return PROBE;
    }
    if (measuring) this.rejected[edge]++;
    return -1;
  }

  /** Whether admit() would let a call through at `now`, without changing anything. */
  wouldAdmit(edge: number, now: number): boolean {
    if (this.threshold[edge] === 0) return true;
    const state = this.state[edge];
    if (state === BREAKER_CLOSED) return true;
    if (state === BREAKER_OPEN && now < this.since[edge] + this.openMs[edge]) return false;
    return state === BREAKER_OPEN || this.probing[edge] + this.probeOk[edge] < this.probes[edge];
  }

  /** An answer came back over the edge (`flags` are the call's: PROBE marks a probe). */
  record(edge: number, ok: boolean, flags: number, now: number, measuring: boolean): void {
    const state = this.state[edge];
    if ((flags & PROBE) !== 0) {
      if (state !== BREAKER_HALF_OPEN) return;
      this.probing[edge]--;
      if (!ok) this.open(edge, now, measuring);
      else if (++this.probeOk[edge] >= this.probes[edge]) {
        this.set(edge, BREAKER_CLOSED, now);
        this.failCount[edge] = 0;
      }
      return;
    }
    if (ok || state !== BREAKER_CLOSED) return;
    const ring = this.failures[edge];
    const threshold = ring.length;
    const head = this.failHead[edge];
    ring[head] = now;
    const next = head + 1 === threshold ? 0 : head + 1;
    this.failHead[edge] = next;
    if (this.failCount[edge] < threshold) this.failCount[edge]++;
    // With a full ring, `next` holds the oldest of the last `threshold` failures.
    if (this.failCount[edge] === threshold && now - ring[next] <= this.windowMs[edge]) this.open(edge, now, measuring);
  }

  /** The worst breaker among `edges`: open, half-open, closed, or null when none has one. */
  worstOf(edges: ArrayLike<number>): BreakerStateName | null {
    let worst = -1;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      if (this.threshold[e] === 0) continue;
      const state = this.state[e];
      const rank = state === BREAKER_OPEN ? 2 : state === BREAKER_HALF_OPEN ? 1 : 0;
      if (rank > worst) worst = rank;
    }
    return worst < 0 ? null : worst === 2 ? 'open' : worst === 1 ? 'halfOpen' : 'closed';
  }

  /** The measured period begins. */
  resetFigures(): void {
    this.opens.fill(0);
    this.rejected.fill(0);
  }

  private open(edge: number, now: number, measuring: boolean): void {
    this.set(edge, BREAKER_OPEN, now);
    this.since[edge] = now;
    if (measuring) this.opens[edge]++;
  }

  private set(edge: number, state: number, now: number): void {
    this.state[edge] = state;
    this.log.push({ tMs: now, edge: this.edgeIds[edge], state: BREAKER_STATE_NAMES[state] });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, LOG_LIMIT / 2);
  }
}
