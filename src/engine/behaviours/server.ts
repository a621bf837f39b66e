/**
 * A server does its own work (one service time at its station), then calls its outgoing
 * edges in order, each as its `when` allows, then responds — or, with `fanOut: parallel`,
 * calls them all at once and responds when the last has returned. A failed call fails the request,
 * unless the server degrades gracefully: then it answers without what the call would have given.
 * In `blocking` mode the worker stays held until the response, as a thread per request does.
 * Its instances share the station; with room between `instances` and `maxInstances`, an
 * autoscaler sets how many take requests.
 */
import type { Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import type { Simulation } from '../simulation';
import { Autoscaler } from './autoscaler';

/** Calls the outgoing edges in order after the node's own work, then responds: a server's routing, shared with the rate limiter. */
export class InOrderRouting extends Behaviour {
  served(call: number): void {
    this.next(call);
  }

  returned(call: number, ok: boolean): void {
    if (ok) this.next(call);
    else this.sim.respond(call, false);
  }

  /** Sends the call to its next eligible outgoing edge, or responds when none is left. */
  private next(call: number): void {
    const edge = this.sim.nextEdge(call);
    if (edge < 0) this.sim.respond(call, true);
    else this.sim.send(call, edge);
  }
}

/**
 * A scattered call's stage counts its children still out, with these bits beside the count.
 * Marked per call, not read from the params, so a call keeps its mode across a live edit.
 */
const SCATTERED = 1 << 29;
const CHILD_FAILED = 1 << 30;
const OUTSTANDING = SCATTERED - 1;

export class ServerBehaviour extends InOrderRouting {
  private readonly scaler: Autoscaler;
  private parallel = false;
  /** A failed call out is answered around (graceful degradation) instead of failing the request. */
  private degrade = false;
  /** Calls out that failed and were answered around, since measurement began. */
  private degradedCalls = 0;

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.scaler = new Autoscaler(sim, node, params);
    this.configureRouting(params);
  }

  configure(params: Params): void {
    this.scaler.configure(params);
    this.configureRouting(params);
  }

  private configureRouting(params: Params): void {
    this.parallel = params.fanOut === 'parallel';
    this.degrade = params.onCallFailure === 'degrade';
  }

  served(call: number): void {
    if (this.parallel) this.scatter(call);
    else super.served(call);
  }

  returned(call: number, ok: boolean): void {
    // Degrading answers around a failed call, but not around the server's own death.
    if (!ok && this.degrade && !this.sim.killedInside(call)) {
      if (this.sim.measuring) this.degradedCalls++;
      ok = true;
    }
    if ((this.sim.calls.stage[call] & SCATTERED) !== 0) this.gathered(call, ok);
    else super.returned(call, ok);
  }

  /**
   * Sends the call to every outgoing edge that carries its request at once. The count is set
   * before the first send: a child refused on the spot (a cut edge, a node down) returns
   * inside the loop, and the call must not answer until the last child has been sent.
   */
  private scatter(call: number): void {
    const sim = this.sim;
    const edges = sim.outgoing[this.node];
    const request = sim.calls.request[call];
    let count = 0;
    for (let i = 0; i < edges.length; i++) if (sim.carries(edges[i], request)) count++;
    if (count === 0) {
      sim.respond(call, true);
      return;
    }
    sim.calls.stage[call] = SCATTERED | count;
    // Stops at the last send: its answer may already have released the call.
    for (let i = 0, sent = 0; sent < count; i++) {
      if (!sim.carries(edges[i], request)) continue;
      sent++;
      sim.send(call, edges[i]);
    }
  }

  /** A scattered child is back: the call answers with the last, failed if any child failed. */
  private gathered(call: number, ok: boolean): void {
    const calls = this.sim.calls;
    const stage = (calls.stage[call] - 1) | (ok ? 0 : CHILD_FAILED);
    calls.stage[call] = stage;
    if ((stage & OUTSTANDING) === 0) this.sim.respond(call, (stage & CHILD_FAILED) === 0);
  }

  resetFigures(): void {
    this.scaler.rebase();
    this.scaler.resetAverage();
    this.degradedCalls = 0;
  }

  degraded(): number | null {
    return this.degrade || this.degradedCalls > 0 ? this.degradedCalls : null;
  }

  instances(): number {
    return this.scaler.billed;
  }

  billedInstances(): number {
    return this.scaler.averageBilled();
  }
}
