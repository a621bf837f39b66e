/**
 * Hedged requests, as in Dean and Barroso's "The Tail at Scale": when the target a balancer
 * chose has not answered within `hedgeAfterMs`, a copy goes to a second target, and the call
 * is answered by whichever copy succeeds first. The other runs on, detached, its answer
 * ignored: hedging buys a shorter tail with extra load. A copy failing does not fail the
 * call while the other may still succeed; a failure before the hedge is sent is the call's
 * (retrying is the client's business, not the hedge's).
 *
 * The state lives in arrays indexed by call id, beside the simulation's call table: the
 * balancer's call (the parent) and its two copies (the children).
 */
import type { Simulation } from '../simulation';
import { grown } from '../tables';

const NONE = -1;

export class Hedges {
  /** Parent: when its hedge is due (NaN when none is armed), so a timer left by an earlier use of the id is recognised. */
  private dueAt = new Float64Array(0);
  /** Parent: its first copy, and its hedge (NONE until sent, and once it has lost or failed). */
  private first = new Int32Array(0);
  private hedge = new Int32Array(0);
  /** Parent: 1 once its first copy has failed with the hedge still out. */
  private firstFailed = new Uint8Array(0);
  /** Child: the parent it answers for, NONE once its parent stopped waiting. */
  private owner = new Int32Array(0);
  /** Child: the target it went to, and when it was sent. */
  private target = new Int32Array(0);
  private sentAt = new Float64Array(0);

  /** A hedge being sent, and a detached answer that came back during the send (a refusal on the spot). */
  private sendingHedge = false;
  private early = NONE;
  private earlyOk = false;

  constructor(
    private readonly sim: Simulation,
    /** The balancer's bookkeeping for a copy's target: one more in flight… */
    private readonly sent: (target: number) => void,
    /** …and one back, answered ok (with its response time) or not. */
    private readonly settle: (target: number, ok: boolean, responseMs: number) => void,
  ) {}

  /** The first copy of `parent` left for `target` as `child`: the hedge is due `afterMs` from now. */
  arm(parent: number, child: number, target: number, afterMs: number): void {
    this.fit(Math.max(parent, child));
    this.dueAt[parent] = this.sim.now + afterMs;
    this.first[parent] = child;
    this.hedge[parent] = NONE;
    this.firstFailed[parent] = 0;
    this.track(child, parent, target);
    this.sim.callAt(this.dueAt[parent], parent);
  }

  /** Whether `parent` is a hedged call still waiting (its first copy's answer is handled here). */
  has(parent: number): boolean {
    return parent < this.dueAt.length && !Number.isNaN(this.dueAt[parent]);
  }

  /**
   * The hedge timer of `parent`: sends a copy down `edge` to `target` (−1: there is none to
   * send to) if the first is still out.
   */
  due(parent: number, edge: number, target: number): void {
    if (!this.has(parent) || this.dueAt[parent] !== this.sim.now || this.hedge[parent] !== NONE || target < 0) return;
    this.sendingHedge = true;
    this.early = NONE;
    const child = this.sim.sendDetached(this.sim.calls.request[parent], edge);
    this.sendingHedge = false;
    if (child < 0) return;
    this.fit(child);
    this.hedge[parent] = child;
    this.track(child, parent, target);
    this.sent(target);
    if (this.early === child) this.detachedReturned(child, this.earlyOk);
  }

  /** The first copy of a hedged `parent` is back. */
  firstReturned(parent: number, ok: boolean): void {
    const child = this.first[parent];
    this.settle(this.target[child], ok, this.sim.now - this.sentAt[child]);
    this.owner[child] = NONE;
    const hedge = this.hedge[parent];
    if (!ok && hedge !== NONE) {
      this.firstFailed[parent] = 1;
      return;
    }
    if (hedge !== NONE) this.owner[hedge] = NONE;
    this.finish(parent, ok);
  }

  /** A detached copy is back: a hedge, or a first copy whose parent stopped waiting for it. */
  detachedReturned(child: number, ok: boolean): void {
    if (this.sendingHedge) {
      // Answered before due() could note whose copy it is: due() hands it back.
      this.early = child;
      this.earlyOk = ok;
      return;
    }
    if (child >= this.owner.length) return;
    this.settle(this.target[child], ok, this.sim.now - this.sentAt[child]);
    const parent = this.owner[child];
    this.owner[child] = NONE;
    if (parent === NONE) return;
    if (ok) {
      // The hedge won: the first copy runs on unwatched, and comes back here when it ends.
      if (this.firstFailed[parent] === 0) {
        const first = this.first[parent];
        this.owner[first] = NONE;
        this.sim.detach(first);
      }
      this.finish(parent, true);
    } else if (this.firstFailed[parent] === 1) {
      this.finish(parent, false);
    } else {
      this.hedge[parent] = NONE;
    }
  }

  private finish(parent: number, ok: boolean): void {
    this.dueAt[parent] = NaN;
    this.sim.respond(parent, ok && !this.sim.killedInside(parent));
  }

  private track(child: number, parent: number, target: number): void {
    this.owner[child] = parent;
    this.target[child] = target;
    this.sentAt[child] = this.sim.now;
  }

  /** Grows the arrays to hold id `id` (the call table grows as calls in flight do). */
  private fit(id: number): void {
    if (id < this.dueAt.length) return;
    const size = Math.max(this.sim.calls.capacity, id + 1);
    this.dueAt = grown(this.dueAt, size, NaN);
    this.first = grown(this.first, size, NONE);
    this.hedge = grown(this.hedge, size, NONE);
    this.firstFailed = grown(this.firstFailed, size);
    this.owner = grown(this.owner, size, NONE);
    this.target = grown(this.target, size);
    this.sentAt = grown(this.sentAt, size);
  }
}
