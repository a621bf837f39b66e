/**
 * The registry of kinds: how each kind's params configure its station, and which behaviour
 * drives it. Adding a kind means a behaviour file and an entry here.
 */
import type { DesignNode } from '../model/types';
import type { NodeKind, Params, ServiceDistribution } from '../model/params';
import type { Behaviour } from './behaviour';
import { ClientBehaviour } from './behaviours/client';
import { LoadBalancerBehaviour } from './behaviours/loadBalancer';
import { ServerBehaviour } from './behaviours/server';
import type { Simulation } from './simulation';
import type { StationConfig } from './station';

const PASS_THROUGH: StationConfig = {
  workers: 1,
  readMeanMs: 0,
  writeMeanMs: 0,
  distribution: 'constant',
  cv: 0,
  queueCapacity: Infinity,
};

const capacity = (value: unknown) => (value === null || value === undefined ? Infinity : (value as number));

export function stationConfig(kind: NodeKind, p: Params): StationConfig {
  switch (kind) {
    case 'server':
      return {
        workers: p.workers as number,
        readMeanMs: p.serviceTimeMs as number,
        writeMeanMs: p.serviceTimeMs as number,
        distribution: p.serviceDistribution as ServiceDistribution,
        cv: p.serviceTimeCv as number,
        queueCapacity: capacity(p.queueCapacity),
      };
    case 'loadBalancer':
      return {
        workers: p.workers as number,
        readMeanMs: p.serviceTimeMs as number,
        writeMeanMs: p.serviceTimeMs as number,
        distribution: 'exponential',
        cv: 1,
        queueCapacity: Infinity,
      };
    default:
      return PASS_THROUGH;
  }
}

export function createBehaviour(sim: Simulation, index: number, node: DesignNode, seed: number): Behaviour {
  switch (node.kind) {
    case 'client':
      return new ClientBehaviour(sim, index, node.id, node.params, seed);
    case 'loadBalancer':
      return new LoadBalancerBehaviour(sim, index, node.id, node.params, seed);
    case 'server':
      return new ServerBehaviour(sim, index);
    default:
      throw new Error(`The engine cannot simulate '${node.kind}' nodes yet.`);
  }
}
