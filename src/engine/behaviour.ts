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

  /**
   * A detached call this node started (a queue's message to a consumer, a replica applying a
   * write) has finished. The call id is already released: read its fields, do not keep it.
   */
  detachedReturned(_call: number, _ok: boolean): void {}

  /** A detached call this node sent over an edge has reached its target. */
  detachedDelivered(_call: number): void {}

  /** A timer set with Simulation.callAt for `call` has fired; the call may be long answered. */
  callTimer(_call: number): void {}

  /** Params changed while running; the station's own params are applied by the simulation. */
  configure(_params: Params): void {}

  /** The measured period begins: forget figures gathered during the warm-up. */
  resetFigures(): void {}

  /** Something changed that may let this node make progress (a node revived, an edge healed). */
  wake(): void {}

  /** The node was killed: whatever it keeps only in memory is lost. */
  killed(): void {}

  /** `flush` fault; false where it does not apply. */
  flush(): boolean {
    return false;
  }

  /** `cut`/`heal` aimed at the node itself (a database's primary–replica link); false where it does not apply. */
  partition(_cut: boolean): boolean {
    return false;
  }

  /** Instances running now (a database's primary plus its replicas, a server's as autoscaling has set them). */
  instances(): number {
    return 1;
  }

  /** Instances a month's bill counts: the average since the figures began where the count changes (autoscaling). */
  billedInstances(): number {
    return this.instances();
  }

  /** Kind-specific figures for summaries; null where a figure does not apply. */
  hitRatio(): number | null {
    return null;
  }
  backlog(): number | null {
    return null;
  }
  /** Age of the oldest message waiting, in ms (a queue's consumer lag). */
  lagMs(): number | null {
    return null;
  }
  /** The longest any message has waited since measurement began, in ms, counting those still waiting (queues). */
  longestWaitMs(): number | null {
    return null;
  }
  staleReads(): number | null {
    return null;
  }
  /** Failed calls out the node answered around, degrading gracefully (servers that do); null otherwise. */
  degraded(): number | null {
    return null;
  }
  /** Read misses for a key the node was already fetching (caches); null for other kinds. */
  concurrentMisses(): number | null {
    return null;
  }
}
