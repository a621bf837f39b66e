/**
 * A load balancer sends each request down exactly one outgoing edge, chosen by its
 * algorithm (see balancers.ts), and passes the response back. It counts its own requests in
 * flight per target and feeds observed latencies to the algorithms that use them.
 */
import type { LbAlgorithm, Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import { RandomStream } from '../random';
import type { Simulation } from '../simulation';
import { createBalancer, type Balancer, type Pick, type Targets } from './balancers';

export class LoadBalancerBehaviour extends Behaviour {
  private balancer: Balancer;
  private algorithm: LbAlgorithm;
  private virtualNodes: number;
  private readonly rng: RandomStream;
  readonly targets: Targets;
  private readonly edges: Int32Array;
  private readonly pick: Pick = { key: 0, session: 0, now: 0 };

  constructor(sim: Simulation, node: number, id: string, params: Params, seed: number) {
    super(sim, node);
    this.rng = new RandomStream(seed, `routing:${id}`);
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
  }

  configure(params: Params): void {
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
    const request = this.sim.calls.request[call];
    this.pick.key = this.sim.requests.key[request];
    this.pick.session = this.sim.requests.session[request];
    this.pick.now = this.sim.now;
    const target = this.balancer.pick(this.targets, this.pick, this.rng);
    this.sim.calls.stage[call] = target;
    this.targets.inFlight[target]++;
    this.sim.send(call, this.edges[target]);
  }

  returned(call: number, ok: boolean): void {
    const target = this.sim.calls.stage[call];
    this.targets.inFlight[target]--;
    if (ok) this.balancer.observe?.(target, this.sim.now - this.sim.calls.mark[call], this.sim.now);
    this.sim.respond(call, ok);
  }
}
