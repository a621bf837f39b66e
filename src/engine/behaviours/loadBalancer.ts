/**
 * A load balancer sends each request down exactly one outgoing edge, chosen by its
 * algorithm (see balancers.ts), and passes the response back — or, with `hedgeAfterMs`, a
 * second copy to another target when the first is slow (hedging.ts). It counts its own
 * requests in flight per target and feeds observed latencies to the algorithms that use them.
 */
import type { LbAlgorithm, Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import { RandomStream } from '../random';
import type { Simulation } from '../simulation';
import { createBalancer, type Balancer, type Pick, type Targets } from './balancers';
import { Hedges } from './hedging';

export class LoadBalancerBehaviour extends Behaviour {
  private balancer: Balancer;
  private algorithm: LbAlgorithm;
  private virtualNodes: number;
  private readonly rng: RandomStream;
  readonly targets: Targets;
  private readonly edges: Int32Array;
  private readonly pick: RequestView;
  private healthCheckMs = 0;
  private readonly healthTimer: number;
  private checking = false;
  private hedgeAfterMs = 0;
  private readonly hedges: Hedges;
  /** The call being sent in served(): an answer that comes back during the send clears it, and nothing is armed. */
  private sending = -1;

  constructor(sim: Simulation, node: number, id: string, params: Params, seed: number) {
    super(sim, node);
    this.rng = new RandomStream(seed, `routing:${id}`);
    this.pick = new RequestView(sim);
    this.edges = sim.outgoing[node];
    const count = this.edges.length;
    this.targets = {
      count,
      ids: Array.from(this.edges, (e) => sim.nodeIds[sim.edgeTarget[e]]),
      weights: Float64Array.from(this.edges, (e) => sim.edgeWeight[e]),
      inFlight: new Int32Array(count),
      healthy: new Uint8Array(count).fill(1),
    };
    this.algorithm = params.algorithm as LbAlgorithm;
    this.virtualNodes = params.virtualNodes as number;
    this.balancer = createBalancer(this.algorithm, this.virtualNodes);
    this.healthTimer = sim.registerTimer(() => this.healthCheck());
    this.configureChecks(params);
    this.hedgeAfterMs = (params.hedgeAfterMs as number | undefined) ?? 0;
    this.hedges = new Hedges(
      sim,
      (target) => this.targets.inFlight[target]++,
      (target, ok, responseMs) => this.settle(target, ok, responseMs),
    );
  }

  /**
   * Active health checks every interval: a target is healthy when its node is up and the edge
   * to it is not cut. Between checks the balancer keeps what it last saw, so a server that
   * dies keeps receiving (failing) traffic until the next check.
   */
  private healthCheck(): void {
    this.checking = false;
    if (this.healthCheckMs <= 0) return;
    const sim = this.sim;
    for (let i = 0; i < this.edges.length; i++) {
      const e = this.edges[i];
      this.targets.healthy[i] = sim.nodeDown[sim.edgeTarget[e]] === 0 && sim.edgeCut[e] === 0 ? 1 : 0;
    }
    this.arm();
  }

  private arm(): void {
    if (this.checking || this.healthCheckMs <= 0) return;
    this.checking = true;
    // Checks fall on multiples of the interval, so they do not depend on when params changed.
    // At a check, now / interval can round to just below a whole number and name now again:
    // the next check is then one interval later, never at the same instant (an endless loop).
    const now = this.sim.now;
    let next = (Math.floor(now / this.healthCheckMs) + 1) * this.healthCheckMs;
    if (next <= now) next += this.healthCheckMs;
    this.sim.at(next, this.healthTimer);
  }

  private configureChecks(params: Params): void {
    this.healthCheckMs = ((params.healthCheckIntervalS as number | undefined) ?? 0) * 1000;
    if (this.healthCheckMs <= 0) this.targets.healthy.fill(1);
    this.arm();
  }

  configure(params: Params): void {
    this.configureChecks(params);
    this.hedgeAfterMs = (params.hedgeAfterMs as number | undefined) ?? 0;
    const algorithm = params.algorithm as LbAlgorithm;
    const virtualNodes = params.virtualNodes as number;
    if (algorithm !== this.algorithm || virtualNodes !== this.virtualNodes) {
      this.algorithm = algorithm;
      this.virtualNodes = virtualNodes;
      this.balancer = createBalancer(algorithm, virtualNodes);
    }
  }

  /** Edge weights may change while running. */
  refreshWeights(): void {
    this.edges.forEach((e, i) => (this.targets.weights[i] = this.sim.edgeWeight[e]));
  }

  served(call: number): void {
    if (this.targets.count === 0) {
      this.sim.respond(call, false);
      return;
    }
    this.pick.request = this.sim.calls.request[call];
    this.pick.now = this.sim.now;
    const target = this.balancer.pick(this.targets, this.pick, this.rng);
    this.sim.calls.stage[call] = target;
    this.targets.inFlight[target]++;
    if (this.hedgeAfterMs > 0 && this.targets.count > 1) this.sendHedged(call, target);
    else this.sim.send(call, this.edges[target]);
  }

  returned(call: number, ok: boolean): void {
    if (call === this.sending) this.sending = -1;
    if (this.hedges.has(call)) {
      this.hedges.firstReturned(call, ok);
      return;
    }
    this.settle(this.sim.calls.stage[call], ok, this.sim.now - this.sim.calls.mark[call]);
    this.sim.respond(call, ok);
  }

  /** A copy sent to `target` has come back. */
  private settle(target: number, ok: boolean, responseMs: number): void {
    this.targets.inFlight[target]--;
    if (ok) this.balancer.observe?.(target, responseMs, this.sim.now);
  }

  /** Sends the call's first copy, and arms its hedge unless the call was answered on the spot (a refusal). */
  private sendHedged(call: number, target: number): void {
    this.sending = call;
    const child = this.sim.send(call, this.edges[target]);
    if (this.sending === call && child >= 0) this.hedges.arm(call, child, target, this.hedgeAfterMs);
    this.sending = -1;
  }

  /** A hedge's timer: the copy goes to the least busy healthy target other than the first. */
  callTimer(call: number): void {
    const target = this.hedgeTarget(this.sim.calls.stage[call]);
    this.hedges.due(call, target >= 0 ? this.edges[target] : -1, target);
  }

  /** The healthy target with the fewest calls in flight other than `first` (the next one round from it on a tie); −1 if none. */
  private hedgeTarget(first: number): number {
    const { count, inFlight, healthy } = this.targets;
    let best = -1;
    for (let k = 1; k < count; k++) {
      const t = (first + k) % count;
      if (healthy[t] === 1 && (best < 0 || inFlight[t] < inFlight[best])) best = t;
    }
    return best;
  }

  detachedReturned(call: number, ok: boolean): void {
    this.hedges.detachedReturned(call, ok);
  }
}

/** The request being balanced as the algorithms see it: its key and session are drawn only if one looks. */
class RequestView implements Pick {
  request = 0;
  now = 0;
  constructor(private readonly sim: Simulation) {}
  get key(): number {
    return this.sim.keyOf(this.request);
  }
  get session(): number {
    return this.sim.sessionOf(this.request);
  }
}
