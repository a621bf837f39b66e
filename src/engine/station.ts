/**
 * The queueing core every node shares: `workers` parallel slots and a FIFO waiting room of
 * call ids. It keeps the time integrals behind utilisation and mean queue length; the
 * simulation decides when calls enter, start and leave.
 */
import { distCode, lognormalSigma, type Dist } from './distributions';
import type { ServiceDistribution } from '../model/params';

export interface StationConfig {
  workers: number;
  /** Mean service time for reads and for writes (equal except for databases). */
  readMeanMs: number;
  writeMeanMs: number;
  distribution: ServiceDistribution;
  cv: number;
  /** Waiting room size; Infinity when unbounded. */
  queueCapacity: number;
  /** A free worker takes the newest waiting call instead of the oldest. */
  lifo?: boolean;
  /** Waiting calls whose client gave up are answered unserved instead of taking a worker. */
  skipExpired?: boolean;
}

/** Whether a station does work of its own; one that does not passes calls straight through. */
export function doesOwnWork(config: StationConfig): boolean {
  return config.readMeanMs !== 0 || config.writeMeanMs !== 0;
}

export class Station {
  workers = 1;
  readMeanMs = 0;
  writeMeanMs = 0;
  dist: Dist = 0;
  sigma = 0;
  queueCapacity = Infinity;
  /** A free worker takes the newest waiting call (last in, first out). */
  lifo = false;
  /** Answer waiting calls nobody waits for any more unserved (deadline propagation). */
  skipExpired = false;
  /** First in, first out, serving everything: the common case, taken without further checks. */
  plainFifo = true;
  /** No work of its own: calls pass straight through without queueing (a bare balancer). */
  passThrough = false;
  /** Service time multiplier while a `slow` fault is active. */
  slowdown = 1;
  /** Told whenever a worker frees up: queues that feed this station pull their next message. */
  onIdle: (() => void) | null = null;

  busy = 0;
  private ring = new Int32Array(64);
  private head = 0;
  queueLength = 0;

  // Time integrals since the last reset, for utilisation and mean queue length.
  private lastT = 0;
  busyArea = 0;
  capacityArea = 0;
  queueArea = 0;

  constructor(config: StationConfig) {
    this.configure(config);
  }

  configure(config: StationConfig): void {
    this.workers = config.workers;
    this.readMeanMs = config.readMeanMs;
    this.writeMeanMs = config.writeMeanMs;
    this.dist = distCode(config.distribution);
    this.sigma = lognormalSigma(config.cv);
    this.queueCapacity = config.queueCapacity;
    this.lifo = config.lifo === true;
    this.skipExpired = config.skipExpired === true;
    this.plainFifo = !this.lifo && !this.skipExpired;
    this.passThrough = !doesOwnWork(config);
  }

  /** Brings the time integrals up to `now`; call before any change of busy or queue. */
  account(now: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      // Workers taken away while busy (fewer instances, a live edit) finish their calls first:
      // until then they are still there, and utilisation never reads above 100 %.
      this.capacityArea += (this.busy > this.workers ? this.busy : this.workers) * dt;
      this.queueArea += this.queueLength * dt;
      this.lastT = now;
    }
  }

  resetIntegrals(now: number): void {
    this.lastT = now;
    this.busyArea = 0;
    this.capacityArea = 0;
    this.queueArea = 0;
  }

  hasIdleWorker(): boolean {
    return this.busy < this.workers;
  }

  hasRoom(): boolean {
    return this.queueLength < this.queueCapacity;
  }

  push(call: number): void {
    if (this.queueLength === this.ring.length) this.growRing();
    this.ring[(this.head + this.queueLength) & (this.ring.length - 1)] = call;
    this.queueLength++;
  }

  /** The call that has waited longest (the queue must not be empty). */
  oldest(): number {
    return this.ring[this.head];
  }

  /** Removes the waiting call a free worker takes next: the oldest, or with `lifo` the newest. */
  take(): number {
    if (!this.lifo) return this.shift();
    this.queueLength--;
    return this.ring[(this.head + this.queueLength) & (this.ring.length - 1)];
  }

  shift(): number {
    const call = this.ring[this.head];
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.queueLength--;
    return call;
  }

  /** Removes every waiting call (a node going down), returning them in order. */
  drain(): number[] {
    const calls: number[] = [];
    while (this.queueLength > 0) calls.push(this.shift());
    return calls;
  }

  private growRing(): void {
    const ring = new Int32Array(this.ring.length * 2);
    for (let i = 0; i < this.queueLength; i++) ring[i] = this.ring[(this.head + i) & (this.ring.length - 1)];
    this.ring = ring;
    this.head = 0;
  }
}
