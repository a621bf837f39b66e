/**
 * What makes one kind of node different from another. The simulation owns the queueing
 * (every node is a station); a behaviour only decides what happens at three moments of a
 * call's life at its node. A new kind is a new subclass in behaviours/.
 */
import type { Params } from '../model/params';
import type { Simulation } from './simulation';

export abstract class Behaviour {
  constructor(
    protected readonly sim: Simulation,
    /** This node's index in the simulation. */
    readonly node: number,
  ) {}

  /** A call has arrived over an edge. By default it joins the station's queue. */
  arrive(call: number): void {
    this.sim.enter(call);
  }

  /** The station has finished the call's own work: route it on, or respond. */
  abstract served(call: number): void;

  /** A child call this node sent has come back; by default pass the outcome up. */
  returned(call: number, ok: boolean): void {
    this.sim.respond(call, ok);
  }

  /** Params changed while running; the station's own params are applied by the simulation. */
  configure(_params: Params): void {}

  /** Kind-specific figures for summaries; null where a figure does not apply. */
  hitRatio(): number | null {
    return null;
  }
  backlog(): number | null {
    return null;
  }
}
