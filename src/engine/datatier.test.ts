/** Conservation, determinism and summary figures with every new kind and every fault. */
import { describe, expect, it } from 'vitest';
import { runDesign } from './run';
import { summarize } from './report';
import { design, simulate, stableJson, type Sketch } from './testDesigns';

/** Paths of every number in `value` that is NaN or infinite (JSON would hide them as null). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

/** One design with every kind, a breaker, a health-checked pool and every fault action. */
const everything: Sketch = {
  seed: 7,
  nodes: [
    { id: 'users', kind: 'client', params: { ratePerSecond: 2000, readRatio: 0.8, keys: 5000, keyDistribution: 'zipf', timeoutMs: 200, retries: 2, backoffMs: 20 } },
    { id: 'limiter', kind: 'rateLimiter', params: { ratePerSecond: 1800, burst: 50 } },
    { id: 'cdn', kind: 'cdn', params: { capacity: 500, hitTimeMs: 0.5 } },
    { id: 'lb', kind: 'loadBalancer', params: { algorithm: 'leastConnections', healthCheckIntervalS: 1 } },
    { id: 'app1', kind: 'server', params: { workers: 8, serviceTimeMs: 2, errorRate: 0.01 } },
    { id: 'app2', kind: 'server', params: { workers: 8, serviceTimeMs: 2 } },
    { id: 'cache', kind: 'cache', params: { capacity: 1000, eviction: 'lfu', ttlSeconds: 5 } },
    { id: 'router', kind: 'shardRouter', params: { strategy: 'consistentHash' } },
    { id: 'dbA', kind: 'database', params: { replicas: 2, replication: 'quorum' } },
    { id: 'dbB', kind: 'database', params: { replicas: 1, replication: 'async' } },
    { id: 'events', kind: 'queue', params: { capacity: 5000, partitions: 4 } },
    { id: 'worker', kind: 'server', params: { workers: 2, serviceTimeMs: 3 } },
  ],
  edges: [
    { id: 'u-l', source: 'users', target: 'limiter' },
    { id: 'l-c', source: 'limiter', target: 'cdn' },
    { id: 'c-lb', source: 'cdn', target: 'lb', params: { latencyMs: 5, breakerFailures: 20, breakerWindowS: 1, breakerOpenS: 1 } },
    { id: 'lb-1', source: 'lb', target: 'app1' },
    { id: 'lb-2', source: 'lb', target: 'app2' },
    { id: 'a1-c', source: 'app1', target: 'cache' },
    { id: 'a2-c', source: 'app2', target: 'cache' },
    { id: 'a1-q', source: 'app1', target: 'events', params: { when: 'writes' } },
    { id: 'a2-q', source: 'app2', target: 'events', params: { when: 'writes' } },
    { id: 'c-r', source: 'cache', target: 'router', params: { latencyMs: 1 } },
    { id: 'r-a', source: 'router', target: 'dbA' },
    { id: 'r-b', source: 'router', target: 'dbB' },
    { id: 'q-w', source: 'events', target: 'worker', params: { latencyMs: 2 } },
  ],
  faults: [
    { atS: 3, action: 'kill', target: 'app1', durationS: 3 },
    { atS: 4, action: 'slow', target: 'app2', factor: 3, durationS: 2 },
    { atS: 5, action: 'addLatency', target: 'c-r', latencyMs: 20, durationS: 2 },
    { atS: 6, action: 'cut', target: 'r-b', durationS: 1 },
    { atS: 7, action: 'cut', target: 'dbB', durationS: 2 },
    { atS: 8, action: 'flush', target: 'cache' },
    { atS: 9, action: 'spike', target: 'users', factor: 2, durationS: 2 },
    { atS: 10, action: 'kill', target: 'worker' },
    { atS: 11, action: 'revive', target: 'worker' },
    { atS: 12, action: 'heal', target: 'r-b' },
  ],
};

describe('every kind and every fault together', () => {
  it('conserves requests at every snapshot: sent = completed + failed + in flight', () => {
    const sim = simulate(everything, 0, 1);
    for (let t = 250; t <= 15_000; t += 250) {
      sim.runUntil(t);
      const e = sim.e2e;
      expect(e.sent).toBe(e.completed + e.failed + e.inFlight);
      const s = summarize(sim, 0);
      expect(nonFinite(s)).toEqual([]);
    }
    sim.drain();
    expect(sim.e2e.inFlight).toBe(0);
    expect(sim.requests.live).toBe(0);
    expect(sim.calls.live).toBe(0);
  });

  it('is bit-for-bit reproducible from the seed', () => {
    const a = stableJson(everything, 14, 1);
    const b = stableJson(everything, 14, 1);
    expect(a).toBe(b);
    const other = stableJson({ ...everything, seed: 8 }, 14, 1);
    expect(other).not.toBe(a);
  });

  it('reports the new figures and the design’s monthly cost', () => {
    const s = runDesign(design(everything), { durationS: 14, warmupS: 1 });
    // ALB 22.27 + 3 servers × 70.08 + cache 113.88 + CDN 87.04 + router 62.05
    // + databases (3 + 2 instances) × 124.83 + queue 70.08 + limiter 6.
    const expected = 22.27 + 3 * 70.08 + 113.88 + 87.04 + 62.05 + 5 * 124.83 + 70.08 + 6;
    expect(s.costPerMonth).toBeCloseTo(expected, 2);
    expect(s.nodes.dbA.costPerMonth).toBeCloseTo(3 * 124.83, 2);
    expect(s.nodes.cache.hitRatio).toBeGreaterThan(0);
    expect(s.nodes.events.backlog).not.toBeNull();
    expect(s.nodes.events.consumerLagMs).not.toBeNull();
    expect(s.nodes.dbB.staleReads).toBeGreaterThan(0);
    expect(s.nodes.app1.staleReads).toBeNull();
    expect(s.nodes.cdn.breaker).not.toBeNull();
    expect(s.nodes.app1.breaker).toBeNull();
    expect(s.edges['c-lb'].breaker).not.toBeNull();
    expect(s.edges['r-b'].cut).toBe(false);
    expect(s.nodes.worker.state).toBe('up');
    expect(s.faults.map((f) => f.action)).toContain('flush');
    expect(s.faults.filter((f) => f.ended).length).toBe(6);
  });

  it('reports node state live: down and slowed', () => {
    const sim = simulate(everything, 4.5);
    const s = summarize(sim, 0);
    expect(s.nodes.app1.state).toBe('down');
    expect(s.nodes.app2.state).toBe('slowed');
    expect(s.nodes.app2.slowdown).toBe(3);
  });
});
