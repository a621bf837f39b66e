import { describe, expect, it } from 'vitest';
import { simulate, type Sketch } from '../testDesigns';

function db(params: Record<string, unknown>, client: Record<string, unknown> = {}): Sketch {
  return {
    nodes: [
      { id: 'app', kind: 'client', params: { ratePerSecond: 200, readRatio: 0, ...client } },
      { id: 'db', kind: 'database', params: { workers: 200, ...params } },
    ],
    edges: [{ source: 'app', target: 'db' }],
  };
}

const meanLatency = (sketch: Sketch, seconds = 60) => simulate(sketch, seconds + 2, 2).e2e.latency.mean;

/** E[k-th smallest of r exponentials with mean m] = m Σ_{j=0}^{k−1} 1/(r − j). */
const expOrderStatistic = (k: number, r: number, m: number) => {
  let sum = 0;
  for (let j = 0; j < k; j++) sum += 1 / (r - j);
  return m * sum;
};

describe('replicated database', () => {
  const write = 10;
  const lag = 5;
  const base = { replicas: 4, writeTimeMs: write, replicationLagMs: lag };

  it('quorum write latency: primary write + lag + the majority’s order statistic of replica times', () => {
    // 5 copies: a majority is 3, the primary and the 2 fastest of 4 replicas.
    const expected = write + lag + expOrderStatistic(2, 4, write);
    const measured = meanLatency(db({ ...base, replication: 'quorum' }));
    expect(Math.abs(measured / expected - 1)).toBeLessThan(0.03);
  });

  it('sync waits for the slowest replica; async for none', () => {
    const sync = meanLatency(db({ ...base, replication: 'sync' }));
    expect(Math.abs(sync / (write + lag + expOrderStatistic(4, 4, write)) - 1)).toBeLessThan(0.03);
    const async = meanLatency(db({ ...base, replication: 'async' }));
    expect(Math.abs(async / write - 1)).toBeLessThan(0.03);
  });

  it('with constant times the quorum write takes exactly write + lag + write', () => {
    const sim = simulate(db({ ...base, replication: 'quorum', serviceDistribution: 'constant' }), 10);
    expect(sim.e2e.latency.min).toBeCloseTo(write + lag + write, 9);
    expect(sim.e2e.latency.max).toBeCloseTo(write + lag + write, 9);
  });

  it('async stale reads: a replica read misses writes acknowledged in the last lag + apply time', () => {
    // Writes to a key arrive as a Poisson stream of rate w; a replica applies each one
    // L + a after it is acknowledged, so a replica read is stale with probability 1 − e^{−w(L+a)}.
    const keys = 100;
    const rate = 5000;
    const readRatio = 0.9;
    const L = 20;
    const a = 2;
    const sim = simulate(
      db(
        { replicas: 2, replication: 'async', replicationLagMs: L, writeTimeMs: a, readTimeMs: 1, serviceDistribution: 'constant' },
        { ratePerSecond: rate, readRatio, keys },
      ),
      32,
      2,
    );
    const w = (rate * (1 - readRatio)) / keys / 1000; // writes per ms per key
    const replicaReads = sim.e2e.completed * readRatio * (2 / 3);
    const expected = replicaReads * (1 - Math.exp(-w * (L + a)));
    expect(Math.abs(sim.behaviours[1].staleReads()! / expected - 1)).toBeLessThan(0.04);
  });

  it('sync replication never serves a stale read', () => {
    const sim = simulate(db({ replicas: 2, replication: 'sync' }, { ratePerSecond: 2000, readRatio: 0.9, keys: 100 }), 20);
    expect(sim.behaviours[1].staleReads()).toBe(0);
  });

  describe('CAP under a partition between primary and replicas (from 10 s to 20 s)', () => {
    const partitioned = (replication: string) => {
      const sketch = db(
        { replicas: 2, replication, replicationLagMs: 10 },
        { ratePerSecond: 1000, readRatio: 0.8, keys: 200 },
      );
      sketch.faults = [{ atS: 10, action: 'cut', target: 'db', durationS: 10 }];
      const sim = simulate(sketch, 10);
      const before = { failed: sim.e2e.failed, stale: sim.behaviours[1].staleReads()! };
      sim.runUntil(20_000);
      const during = { failed: sim.e2e.failed - before.failed, stale: sim.behaviours[1].staleReads()! - before.stale };
      sim.runUntil(30_000);
      return { sim, during };
    };

    it('sync refuses writes (consistency first) and serves no stale reads', () => {
      const { sim, during } = partitioned('sync');
      // Every write in the 10 s partition fails: 1000/s × 0.2 × 10 s ≈ 2000.
      expect(Math.abs(during.failed / 2000 - 1)).toBeLessThan(0.06);
      expect(sim.stats[1].rejected).toBe(during.failed);
      expect(sim.behaviours[1].staleReads()).toBe(0);
    });

    it('async accepts writes (availability first) and serves stale reads until the partition heals', () => {
      const { sim, during } = partitioned('async');
      expect(during.failed).toBe(0);
      // 200 keys written at 1/s each over 10 s: replicas fall far behind on almost every key.
      expect(during.stale).toBeGreaterThan(0.5 * 1000 * 0.8 * (2 / 3) * 10 * 0.5);
      const afterHeal = sim.behaviours[1].staleReads()!;
      sim.runUntil(40_000);
      const lateStale = sim.behaviours[1].staleReads()! - afterHeal;
      // Healed: back to the small steady-state rate (1 − e^{−w(L+a)} with w = 1/s per key).
      expect(lateStale / 10).toBeLessThan(30);
    });
  });

  it('reads spread over primary and replicas, and utilisation counts every instance', () => {
    const sim = simulate(db({ replicas: 3, readTimeMs: 2 }, { readRatio: 1, ratePerSecond: 4000 }), 20);
    const areas = sim.nodeAreas(1);
    // 4000 reads/s × 2 ms over 4 instances × 200 connections: utilisation 8 / 800.
    expect(Math.abs(areas.busy / areas.capacity / 0.01 - 1)).toBeLessThan(0.03);
    expect(sim.behaviours[1].instances()).toBe(4);
  });
});
