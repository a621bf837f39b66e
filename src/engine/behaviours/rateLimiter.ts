/**
 * A rate limiter admits a request (and forwards it to its outgoing edges in order, as a server
 * with no work of its own) or rejects it at once with a 429.
 *
 * - tokenBucket: a bucket of `burst` tokens (at least 1) refilled at `ratePerSecond`; a request
 *   takes a token or is rejected. Long-run admissions: min(offered, rate).
 * - leakyBucket: a queue of `burst` places drained at exactly `ratePerSecond` (the station does
 *   the spacing: one worker, constant service 1/rate); a full bucket rejects.
 * - fixedWindow: at most `ratePerSecond` admissions per calendar second.
 * - slidingWindow: the sliding-window counter (as in Cloudflare's limiter): the previous
 *   second's count weighted by how much of it still overlaps the last 1 s, plus this second's.
 */
import type { Params } from '../../model/params';
import type { Simulation } from '../simulation';
import { InOrderRouting } from './server';

type Algorithm = 'tokenBucket' | 'leakyBucket' | 'fixedWindow' | 'slidingWindow';

const WINDOW_MS = 1000;

/** Once admitted, a request is routed exactly as a server routes it. */
export class RateLimiterBehaviour extends InOrderRouting {
  private algorithm: Algorithm = 'tokenBucket';
  private ratePerMs = 0;
  private burst = 0;
  private tokens = 0;
  private refilledAt = 0;
  private windowStart = 0;
  private windowCount = 0;
  private previousCount = 0;

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.configure(params);
    this.tokens = Math.max(1, this.burst);
  }

  configure(p: Params): void {
    // Tokens earned until now were earned at the old rate (a rate raised from 0 must not
    // credit the time spent at 0).
    this.refill(this.sim.now);
    this.algorithm = p.algorithm as Algorithm;
    this.ratePerMs = (p.ratePerSecond as number) / 1000;
    this.burst = p.burst as number;
    this.tokens = Math.min(this.tokens, Math.max(1, this.burst));
  }

  arrive(call: number): void {
    if (this.admit()) this.sim.enter(call);
    else this.reject(call);
  }

  private reject(call: number): void {
    this.sim.stats[this.node].rejected++;
    this.sim.respond(call, false);
  }

  /** Token bucket: adds the tokens earned since the last refill, up to the bucket's size. */
  private refill(now: number): void {
    this.tokens = Math.min(Math.max(1, this.burst), this.tokens + (now - this.refilledAt) * this.ratePerMs);
    this.refilledAt = now;
  }

  private admit(): boolean {
    const now = this.sim.now;
    switch (this.algorithm) {
      case 'tokenBucket': {
        this.refill(now);
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return true;
        }
        return false;
      }
      case 'leakyBucket': {
        if (this.ratePerMs <= 0) return false;
        const station = this.sim.stations[this.node];
        return station.busy < station.workers || station.queueLength < station.queueCapacity;
      }
      case 'fixedWindow':
      case 'slidingWindow': {
        const limit = this.ratePerMs * WINDOW_MS;
        const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
        if (start !== this.windowStart) {
          this.previousCount = start - this.windowStart === WINDOW_MS ? this.windowCount : 0;
          this.windowCount = 0;
          this.windowStart = start;
        }
        let estimate = this.windowCount;
        if (this.algorithm === 'slidingWindow') estimate += this.previousCount * (1 - (now - start) / WINDOW_MS);
        if (estimate + 1 <= limit) {
          this.windowCount++;
          return true;
        }
        return false;
      }
    }
  }
}
