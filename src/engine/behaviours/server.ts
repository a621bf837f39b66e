/**
 * A server does its own work (one service time at its station), then calls its outgoing
 * edges in order, each as its `when` allows, then responds. A failed call fails the request.
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

export class ServerBehaviour extends InOrderRouting {
  private readonly scaler: Autoscaler;

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.scaler = new Autoscaler(sim, node, params);
  }

  configure(params: Params): void {
    this.scaler.configure(params);
  }

  resetFigures(): void {
    this.scaler.rebase();
    this.scaler.resetAverage();
  }

  instances(): number {
    return this.scaler.billed;
  }

  billedInstances(): number {
    return this.scaler.averageBilled();
  }
}
