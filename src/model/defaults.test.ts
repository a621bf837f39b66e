/**
 * Format version 1's defaults are a contract: links leave out every param at its default
 * (src/share/document.ts), so restore() must fill in the same value for as long as version 1
 * links exist. Changing a default means a new format version and a migration that writes the
 * old default into old documents; this table fails first to say so.
 */
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './params';
import { restore } from './restore';

const VERSION_1_DEFAULTS = {
  client: { ratePerSecond: 100, arrivals: 'poisson', traffic: 'constant', rampToRatePerSecond: 1000, spikeFactor: 5, shapeStartS: 10, shapeEndS: 20, sineAmplitude: 0.5, periodS: 60, readRatio: 0.9, keys: 1000, keyDistribution: 'uniform', zipfExponent: 1, sessions: 100, timeoutMs: 0, retries: 0, backoffMs: 100, retryBudgetPercent: null, costPerMonth: 0 },
  loadBalancer: { algorithm: 'roundRobin', virtualNodes: 100, serviceTimeMs: 0, workers: 1000, healthCheckIntervalS: 5, costPerMonth: 22.27,
    // Added within version 1: no hedging, as every balancer was before.
    hedgeAfterMs: 0 },
  server: { workers: 4, serviceTimeMs: 10, serviceDistribution: 'exponential', serviceTimeCv: 1, queueCapacity: null, callMode: 'async', errorRate: 0, costPerMonth: 70.08,
    // Added within version 1: one instance and no autoscaling, as every server was before.
    instances: 1, maxInstances: 1, targetUtilization: 0.6, scaleIntervalS: 10, provisionS: 30,
    // Added within version 1: outgoing calls one after another, and every waiting request served oldest first, as before.
    fanOut: 'sequential', onCallFailure: 'fail', queueOrder: 'fifo', expiredRequests: 'serve' },
  cache: { capacity: 1000, eviction: 'lru', ttlSeconds: null, staleWhileRevalidateS: 0, hitTimeMs: 1, writePolicy: 'writeThrough', coalescing: 'off', workers: 64, costPerMonth: 113.88 },
  cdn: { capacity: 10000, eviction: 'lru', ttlSeconds: null, staleWhileRevalidateS: 0, hitTimeMs: 5, writePolicy: 'writeThrough', coalescing: 'off', workers: 64, costPerMonth: 87.04 },
  shardRouter: { strategy: 'hash', virtualNodes: 100, costPerMonth: 62.05 },
  database: { workers: 16, readTimeMs: 5, writeTimeMs: 10, serviceDistribution: 'exponential', serviceTimeCv: 1, queueCapacity: null, replicas: 0, replication: 'async', replicationLagMs: 50, costPerMonth: 124.83 },
  queue: { capacity: null, partitions: 1, consumption: 'shared', costPerMonth: 70.08 },
  rateLimiter: { algorithm: 'tokenBucket', ratePerSecond: 100, burst: 20, costPerMonth: 6 },
} as const;

const VERSION_1_EDGE_DEFAULTS = { latencyMs: 0, weight: 1, when: 'always', breakerFailures: 0, breakerWindowS: 10, breakerOpenS: 5, breakerProbes: 3 };

describe('format version 1 defaults', () => {
  it('are what restore() fills in for a param left out, for every kind and for edges', () => {
    const nodes = NODE_KINDS.map((kind) => ({ id: kind, kind }));
    const result = restore({ version: 1, nodes, edges: [{ id: 'e1', source: 'client', target: 'server' }] });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(Object.fromEntries(result.design.nodes.map((n) => [n.kind, n.params]))).toEqual(VERSION_1_DEFAULTS);
    expect(result.design.edges[0].params).toEqual(VERSION_1_EDGE_DEFAULTS);
    expect(result.design.run).toEqual({ durationS: 60, warmupS: 5 });
    expect(result.design.seed).toBe(1);
  });
});
