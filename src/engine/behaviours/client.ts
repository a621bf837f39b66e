/**
 * A client: the source of requests. It is not a station; it decides when the next request
 * leaves, what it asks for (read or write, key, session), where it is sent, and how long the
 * client waits and retries.
 */
import type { Params, TrafficShape } from '../../model/params';
import { Behaviour } from '../behaviour';
import { ZipfSampler } from '../distributions';
import { hashUniform, RandomStream } from '../random';
import type { Simulation } from '../simulation';

// Counters of a request's attributes under its seed. Service demands count up from 0; these
// count down from −1, the key's last so that Zipf's rejection loop can go on down (−4, −5, …).
const WRITE_COUNTER = -1;
const SESSION_COUNTER = -2;
const KEY_COUNTER = -3;


export class ClientBehaviour extends Behaviour {
  private readonly arrivalRng: RandomStream;
  /** One number per request: its seed, from which everything else about it is drawn. */
  private readonly requestRng: RandomStream;
  private readonly retryRng: RandomStream;
  /** Zipf's rejection loop draws uniforms from here: the seed's key counters, one after another. */
  private readonly keyUniform: () => number;
  private keySeed = 0;
  private keyCounter = 0;

  private ratePerS = 0;
  private poisson = true;
  private shape: TrafficShape = 'constant';
  private rampToPerS = 0;
  private spikeFactor = 1;
  private shapeStartMs = 0;
  private shapeEndMs = 0;
  private sineAmplitude = 0;
  private periodMs = 1;
  private readRatio = 1;
  private keys = 1;
  private zipf: ZipfSampler | null = null;
  private sessions = 1;
  /** Sessions of different clients never collide (they are different users). */
  private readonly sessionBase: number;
  /** A fault-injected rate multiplier. */
  private spikeMultiplier = 1;
  /** Mean gap between arrivals while they are a plain Poisson stream at a constant rate; 0 otherwise. */
  private steadyGapMs = 0;

  timeoutMs = 0;
  retries = 0;
  backoffMs = 0;
  /** Retries allowed per request sent (the retry budget's share), or Infinity without a budget. */
  private retryShare = Infinity;
  /** The budget's balance, in retries: topped up from `sent` when a retry asks, up to `retryCap`. */
  private retryTokens = 0;
  private retryCap = 0;
  private sent = 0;
  private sentAtTopUp = 0;

  constructor(sim: Simulation, node: number, id: string, params: Params, seed: number) {
    super(sim, node);
    this.arrivalRng = new RandomStream(seed, `arrivals:${id}`);
    // Labelled as the stream of service demands it once was, so demands stay as they were.
    this.requestRng = new RandomStream(seed, `demand:${id}`);
    this.retryRng = new RandomStream(seed, `retries:${id}`);
    this.keyUniform = () => hashUniform(this.keySeed, this.keyCounter--);
    this.sessionBase = node * 16_777_216;
    this.configure(params);
  }

  configure(p: Params): void {
    this.ratePerS = p.ratePerSecond as number;
    this.poisson = p.arrivals !== 'uniform';
    this.shape = p.traffic as TrafficShape;
    this.rampToPerS = p.rampToRatePerSecond as number;
    this.spikeFactor = p.spikeFactor as number;
    this.shapeStartMs = (p.shapeStartS as number) * 1000;
    this.shapeEndMs = Math.max(this.shapeStartMs, (p.shapeEndS as number) * 1000);
    this.sineAmplitude = p.sineAmplitude as number;
    this.periodMs = (p.periodS as number) * 1000;
    this.readRatio = p.readRatio as number;
    const keys = p.keys as number;
    const exponent = p.zipfExponent as number;
    const zipf = p.keyDistribution === 'zipf' && exponent > 0;
    this.zipf = zipf ? new ZipfSampler(keys, exponent) : null;
    this.keys = keys;
    this.sessions = p.sessions as number;
    this.timeoutMs = p.timeoutMs as number;
    this.retries = p.retries as number;
    this.backoffMs = p.backoffMs as number;
    this.configureRetryBudget(p.retryBudgetPercent as number | null);
    this.updateSteadyGap();
  }

  /**
   * A retry budget, as Finagle's and Envoy's: each request sent earns `percent` % of a retry and
   * each retry spends one, so retries add at most that share to the load however much fails. A
   * second's worth at the base rate can be saved (at least one retry), and a new budget starts full.
   */
  private configureRetryBudget(percent: number | null): void {
    const hadBudget = this.retryShare !== Infinity;
    this.retryShare = percent === null ? Infinity : percent / 100;
    this.retryCap = this.retryShare === Infinity || this.retryShare === 0 ? 0 : Math.max(1, this.retryShare * this.ratePerS);
    this.retryTokens = hadBudget ? Math.min(this.retryTokens, this.retryCap) : this.retryCap;
  }

  /** Whether the retry budget lets one more retry leave now; if so, it is spent. */
  spendRetry(): boolean {
    if (this.retryShare === Infinity) return true;
    this.retryTokens = Math.min(this.retryCap, this.retryTokens + (this.sent - this.sentAtTopUp) * this.retryShare);
    this.sentAtTopUp = this.sent;
    if (this.retryTokens < 1) return false;
    this.retryTokens -= 1;
    return true;
  }

  get spike(): number {
    return this.spikeMultiplier;
  }

  set spike(factor: number) {
    this.spikeMultiplier = factor;
    this.updateSteadyGap();
  }

  /** The common case gets one draw per arrival, without looking at the traffic shape. */
  private updateSteadyGap(): void {
    const peak = this.maxRate();
    this.steadyGapMs = this.poisson && this.shape === 'constant' && peak > 0 ? 1000 / peak : 0;
  }

  served(): void {
    throw new Error('A client does not serve requests.');
  }

  /** Requests per second at simulated time `t` (ms), following the traffic shape. */
  rateAt(t: number): number {
    let rate = this.ratePerS;
    switch (this.shape) {
      case 'ramp':
        if (t >= this.shapeEndMs) rate = this.rampToPerS;
        else if (t > this.shapeStartMs) {
          const f = (t - this.shapeStartMs) / (this.shapeEndMs - this.shapeStartMs);
          rate = this.ratePerS + f * (this.rampToPerS - this.ratePerS);
        }
        break;
      case 'spike':
        if (t >= this.shapeStartMs && t < this.shapeEndMs) rate *= this.spikeFactor;
        break;
      case 'sine':
        rate *= 1 + this.sineAmplitude * Math.sin((2 * Math.PI * t) / this.periodMs);
        break;
    }
    return rate * this.spikeMultiplier;
  }

  /** An upper bound of rateAt over all time, for thinning. */
  private maxRate(): number {
    let max = this.ratePerS;
    if (this.shape === 'ramp') max = Math.max(max, this.rampToPerS);
    else if (this.shape === 'spike') max = Math.max(max, max * this.spikeFactor);
    else if (this.shape === 'sine') max *= 1 + this.sineAmplitude;
    return max * this.spikeMultiplier;
  }

  /**
   * When the next request leaves after `now`, or Infinity if never. Poisson arrivals with a
   * time-varying rate use thinning (Lewis & Shedler): candidates at the peak rate, each kept
   * with probability rate(t) / peak.
   */
  nextArrival(now: number): number {
    if (this.steadyGapMs > 0) return now + this.arrivalRng.exponential(this.steadyGapMs);
    return this.shapedArrival(now);
  }

  /** nextArrival's general case, kept apart so the common one stays small enough to inline. */
  private shapedArrival(now: number): number {
    const peak = this.maxRate();
    if (!(peak > 0)) return Infinity;
    let t = now;
    for (;;) {
      if (!(this.rateAt(t) > 0)) {
        // Memorylessness lets a Poisson stream restart where the rate turns positive again.
        const resume = this.resumeAfterZeroRate(t);
        if (resume === Infinity) return Infinity;
        t = resume > t ? resume : t + 1;
        if (!this.poisson) continue;
      }
      if (!this.poisson) {
        // Evenly spaced at the current rate, unless the traffic has stopped for good by then.
        const next = t + 1000 / this.rateAt(t);
        return this.rateAt(next) > 0 || this.resumeAfterZeroRate(next) !== Infinity ? next : Infinity;
      }
      if (this.shape === 'ramp' && (t < this.shapeStartMs || t >= this.shapeEndMs)) {
        // Outside the ramp the rate is constant: draw directly rather than thin, so a tiny
        // rate beside a large peak costs one draw, not millions.
        const next = t + this.arrivalRng.exponential(1000 / this.rateAt(t));
        if (t < this.shapeStartMs && next > this.shapeStartMs) {
          t = this.shapeStartMs;
          continue;
        }
        return next;
      }
      t += this.arrivalRng.exponential(1000 / peak);
      if (this.arrivalRng.next() * peak < this.rateAt(t)) return t;
    }
  }

  /**
   * Where a stretch of zero rate starting at `t` ends: the ramp's start, the spike's end, or
   * never (a ramp down to zero). Isolated zeros (a full-depth sine) return `t` itself.
   */
  private resumeAfterZeroRate(t: number): number {
    if (this.spikeMultiplier <= 0) return Infinity;
    switch (this.shape) {
      case 'ramp':
        if (t < this.shapeStartMs) return this.shapeStartMs;
        return t >= this.shapeEndMs && this.rampToPerS <= 0 ? Infinity : t;
      case 'spike':
        return t >= this.shapeStartMs && t < this.shapeEndMs ? this.shapeEndMs : Infinity;
      case 'sine':
        return t;
      default:
        return Infinity;
    }
  }

  /**
   * A new request's seed. What the request asks for is a pure function of it, drawn only when
   * a node looks (most designs never look at keys or sessions): the same request whichever
   * way it is routed, so runs compared side by side see the same requests.
   */
  newSeed(): number {
    this.sent++;
    return this.requestRng.int32();
  }

  isWriteFor(seed: number): boolean {
    return hashUniform(seed, WRITE_COUNTER) >= this.readRatio;
  }

  keyFor(seed: number): number {
    if (this.zipf === null) return Math.floor(hashUniform(seed, KEY_COUNTER) * this.keys);
    this.keySeed = seed;
    this.keyCounter = KEY_COUNTER;
    return this.zipf.sample(this.keyUniform) - 1;
  }

  /** Size of the keyspace keyFor draws from. */
  get keyspace(): number {
    return this.keys;
  }

  sessionFor(seed: number): number {
    return this.sessionBase + Math.floor(hashUniform(seed, SESSION_COUNTER) * this.sessions);
  }

  /** Delay before retry number `retry` (1-based): exponential backoff with full jitter. */
  backoff(retry: number): number {
    return this.retryRng.next() * this.backoffMs * Math.pow(2, retry - 1);
  }
}
