/**
 * A server does its own work (one service time at its station), then calls its outgoing
 * edges in order, each as its `when` allows, then responds. A failed call fails the request.
 * In `blocking` mode the worker stays held until the response, as a thread per request does.
 */
import { Behaviour } from '../behaviour';

export class ServerBehaviour extends Behaviour {
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
