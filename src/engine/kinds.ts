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
import { CacheBehaviour } from './behaviours/cache';
import { ShardRouterBehaviour } from './behaviours/shardRouter';
import { DatabaseBehaviour } from './behaviours/database';
import { QueueBehaviour } from './behaviours/queue';
import { RateLimiterBehaviour } from './behaviours/rateLimiter';
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
        // Its instances share one queue: together they are one station (autoscaling changes the count).
        workers: (p.workers as number) * ((p.instances as number | undefined) ?? 1),
        readMeanMs: p.serviceTimeMs as number,
        writeMeanMs: p.serviceTimeMs as number,
        distribution: p.serviceDistribution as ServiceDistribution,
        cv: p.serviceTimeCv as number,
        queueCapacity: capacity(p.queueCapacity),
        lifo: p.queueOrder === 'lifo',
        skipExpired: p.expiredRequests === 'skip',
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
    case 'cache':
    case 'cdn':
      // A lookup takes hitTimeMs, hit or miss; a miss then waits for what is behind the cache.
      return {
        workers: p.workers as number,
        readMeanMs: p.hitTimeMs as number,
        writeMeanMs: p.hitTimeMs as number,
        distribution: 'constant',
        cv: 0,
        queueCapacity: Infinity,
      };
    case 'database':
      return {
        workers: p.workers as number,
        readMeanMs: p.readTimeMs as number,
        writeMeanMs: p.writeTimeMs as number,
        distribution: p.serviceDistribution as ServiceDistribution,
        cv: p.serviceTimeCv as number,
        queueCapacity: capacity(p.queueCapacity),
      };
    case 'rateLimiter': {
      // A leaky bucket is a queue of `burst` places drained at exactly the rate.
      const rate = p.ratePerSecond as number;
      if (p.algorithm !== 'leakyBucket' || !(rate > 0)) return PASS_THROUGH;
      return {
        workers: 1,
        readMeanMs: 1000 / rate,
        writeMeanMs: 1000 / rate,
        distribution: 'constant',
        cv: 0,
        queueCapacity: p.burst as number,
      };
    }
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
      return new ServerBehaviour(sim, index, node.params);
    case 'cache':
    case 'cdn':
      return new CacheBehaviour(sim, index, node.params);
    case 'shardRouter':
      return new ShardRouterBehaviour(sim, index, node.params);
    case 'database':
      return new DatabaseBehaviour(sim, index, node.params, (p) => stationConfig('database', p));
    case 'queue':
      return new QueueBehaviour(sim, index, node.params);
    case 'rateLimiter':
      return new RateLimiterBehaviour(sim, index, node.params);
  }
}
