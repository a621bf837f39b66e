/**
 * Realistic designs for link-length tests and measurements: the sort of thing a person
 * builds on the canvas (dragged positions, labels, a handful of tuned params per node).
 */
import { DEFAULT_RUN, restore } from '../model/restore';
import type { Design } from '../model/types';

interface Raw {
  id: string;
  kind: string;
  label: string;
  params?: Record<string, unknown>;
}

/** A 30-node web architecture: edge, balancing, app tier, caches, shards, a queue and workers. */
export function realisticDesign(): Design {
  const nodes: Raw[] = [
    { id: 'web-users', kind: 'client', label: 'Web users', params: { ratePerSecond: 1200, readRatio: 0.95, keys: 50000, keyDistribution: 'zipf', zipfExponent: 1.1, sessions: 2000, timeoutMs: 2000, retries: 2 } },
    { id: 'mobile-users', kind: 'client', label: 'Mobile users', params: { ratePerSecond: 800, traffic: 'spike', spikeFactor: 3, shapeStartS: 20, shapeEndS: 30, readRatio: 0.8, keys: 50000, keyDistribution: 'zipf' } },
    { id: 'cdn', kind: 'cdn', label: 'CDN', params: { capacity: 20000, ttlSeconds: 300 } },
    { id: 'limiter', kind: 'rateLimiter', label: 'Rate limiter', params: { ratePerSecond: 2500, burst: 200 } },
    { id: 'lb', kind: 'loadBalancer', label: 'Load balancer', params: { algorithm: 'leastConnections' } },
    ...Array.from({ length: 8 }, (_, i): Raw => ({
      id: `app-${i + 1}`,
      kind: 'server',
      label: `App ${i + 1}`,
      params: { workers: 8, serviceTimeMs: 12, queueCapacity: 200, serviceDistribution: 'lognormal', serviceTimeCv: 1.5 },
    })),
    { id: 'session-cache', kind: 'cache', label: 'Session cache', params: { capacity: 5000, hitTimeMs: 0.5 } },
    { id: 'object-cache', kind: 'cache', label: 'Object cache', params: { capacity: 20000, eviction: 'lfu', ttlSeconds: 60 } },
    { id: 'shards', kind: 'shardRouter', label: 'Shard router', params: { strategy: 'consistentHash' } },
    ...Array.from({ length: 4 }, (_, i): Raw => ({
      id: `db-${i + 1}`,
      kind: 'database',
      label: `Shard ${i + 1}`,
      params: { workers: 32, readTimeMs: 4, writeTimeMs: 9, replicas: 2, replication: 'quorum', replicationLagMs: 20 },
    })),
    { id: 'events', kind: 'queue', label: 'Events', params: { capacity: 100000, partitions: 8 } },
    ...Array.from({ length: 4 }, (_, i): Raw => ({
      id: `worker-${i + 1}`,
      kind: 'server',
      label: `Worker ${i + 1}`,
      params: { workers: 2, serviceTimeMs: 40, callMode: 'blocking' },
    })),
    { id: 'search-lb', kind: 'loadBalancer', label: 'Search balancer', params: { algorithm: 'powerOfTwoChoices' } },
    { id: 'search-1', kind: 'server', label: 'Search 1', params: { workers: 4, serviceTimeMs: 25 } },
    { id: 'search-2', kind: 'server', label: 'Search 2', params: { workers: 4, serviceTimeMs: 25 } },
    { id: 'search-3', kind: 'server', label: 'Search 3', params: { workers: 4, serviceTimeMs: 25 } },
    { id: 'analytics', kind: 'database', label: 'Analytics DB', params: { writeTimeMs: 30 } },
  ];
  const edges: [string, string, Record<string, unknown>?][] = [
    ['web-users', 'cdn', { latencyMs: 20 }],
    ['mobile-users', 'cdn', { latencyMs: 45 }],
    ['cdn', 'limiter', { latencyMs: 30 }],
    ['limiter', 'lb'],
    ...Array.from({ length: 8 }, (_, i): [string, string] => ['lb', `app-${i + 1}`]),
    ...Array.from({ length: 8 }, (_, i): [string, string, Record<string, unknown>] => [`app-${i + 1}`, 'session-cache', { latencyMs: 1 }]),
    ['session-cache', 'object-cache'],
    ['object-cache', 'shards', { latencyMs: 2 }],
    ...Array.from({ length: 4 }, (_, i): [string, string] => ['shards', `db-${i + 1}`]),
    ['app-1', 'events', { when: 'writes' }],
    ['app-2', 'search-lb', { when: 'reads' }],
    ...Array.from({ length: 4 }, (_, i): [string, string] => ['events', `worker-${i + 1}`]),
    ['worker-1', 'analytics'],
    ['worker-2', 'analytics'],
    ['search-lb', 'search-1'],
    ['search-lb', 'search-2'],
    ['search-lb', 'search-3'],
  ];
  const result = restore({
    format: 'archsim.design',
    version: 1,
    name: 'Social feed, sharded, with search and analytics',
    seed: 20240611,
    run: { durationS: 120, warmupS: DEFAULT_RUN.warmupS },
    // Columns of a left-to-right layout, with the unevenness of hand-placed nodes.
    nodes: nodes.map((node, i) => ({
      ...node,
      position: { x: 40 + Math.floor(i / 6) * 260 + (i % 3) * 7.25, y: 30 + (i % 6) * 140 + ((i * 37) % 19) + 0.5 },
    })),
    edges: edges.map(([source, target, params], i) => ({ id: `e-${i + 1}`, source, target, params })),
    faults: [
      { atS: 30, action: 'kill', target: 'app-3', durationS: 20 },
      { atS: 60, action: 'addLatency', target: 'e-3', latencyMs: 200, durationS: 10 },
    ],
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

/** A big synthetic design (n servers behind balancers) to see how links grow. */
export function largeDesign(servers: number): Design {
  const nodes: Raw[] = [{ id: 'users', kind: 'client', label: 'Users', params: { ratePerSecond: 5000 } }];
  const edges: { source: string; target: string; params?: Record<string, unknown> }[] = [];
  const balancers = Math.ceil(servers / 10);
  nodes.push({ id: 'edge', kind: 'loadBalancer', label: 'Edge balancer' });
  edges.push({ source: 'users', target: 'edge', params: { latencyMs: 25 } });
  for (let b = 0; b < balancers; b++) {
    nodes.push({ id: `lb-${b + 1}`, kind: 'loadBalancer', label: `Zone ${b + 1}`, params: { algorithm: 'leastConnections' } });
    edges.push({ source: 'edge', target: `lb-${b + 1}` });
  }
  for (let s = 0; s < servers; s++) {
    nodes.push({ id: `app-${s + 1}`, kind: 'server', label: `App ${s + 1}`, params: { workers: 4 + (s % 3), serviceTimeMs: 10 + (s % 7) } });
    edges.push({ source: `lb-${Math.floor(s / 10) + 1}`, target: `app-${s + 1}`, params: { latencyMs: 1 } });
  }
  const result = restore({
    name: `${servers} servers`,
    seed: 7,
    nodes: nodes.map((node, i) => ({ ...node, position: { x: (i % 12) * 220, y: Math.floor(i / 12) * 140 } })),
    edges,
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}
