import { describe, expect, it } from 'vitest';
import { simulate, type Sketch } from '../testDesigns';
import { ShardMap } from './shardRouter';

function sharded(strategy: string, shards: number, client: Record<string, unknown>): Sketch {
  return {
    nodes: [
      { id: 'users', kind: 'client', params: { ratePerSecond: 10_000, ...client } },
      { id: 'router', kind: 'shardRouter', params: { strategy } },
      ...Array.from({ length: shards }, (_, i) => ({ id: `db${i}`, kind: 'server', params: { workers: 100, serviceTimeMs: 1 } })),
    ],
    edges: [
      { source: 'users', target: 'router' },
      ...Array.from({ length: shards }, (_, i) => ({ source: 'router', target: `db${i}` })),
    ],
  };
}

const shardArrivals = (sketch: Sketch, shards: number, seconds = 30) => {
  const sim = simulate(sketch, seconds);
  return Array.from({ length: shards }, (_, i) => sim.stats[2 + i].arrivals);
};

describe('shard router', () => {
  it('hash sharding balances uniform keys within 2 %', () => {
    const counts = shardArrivals(sharded('hash', 4, { keys: 1_000_000 }), 4);
    const mean = counts.reduce((a, b) => a + b) / 4;
    for (const c of counts) expect(Math.abs(c / mean - 1)).toBeLessThan(0.02);
  });

  it('range sharding under Zipf makes the first shard as hot as the popularity mass of its range', () => {
    const keys = 10_000;
    const s = 1;
    const w = Array.from({ length: keys }, (_, k) => Math.pow(k + 1, -s));
    const total = w.reduce((a, b) => a + b);
    const expected = [0, 1, 2, 3].map((r) => w.slice((r * keys) / 4, ((r + 1) * keys) / 4).reduce((a, b) => a + b) / total);
    const counts = shardArrivals(sharded('range', 4, { keys, keyDistribution: 'zipf', zipfExponent: s }), 4);
    const sent = counts.reduce((a, b) => a + b);
    counts.forEach((c, r) => expect(Math.abs(c / sent - expected[r])).toBeLessThan(0.01));
    expect(counts[0] / sent).toBeGreaterThan(0.8);
  });

  it('range splits 0…keys−1 contiguously in edge order', () => {
    const map = new ShardMap('range', ['a', 'b', 'c'], 100);
    expect([0, 333, 334, 666, 667, 999].map((k) => map.shardOf(k, 1000))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('consistent hashing moves about 1/n of the keys when a shard is added; modulo hashing moves most', () => {
    const keys = 100_000;
    const moved = (strategy: 'hash' | 'consistentHash') => {
      const before = new ShardMap(strategy, ['s0', 's1', 's2', 's3'], 100);
      const after = new ShardMap(strategy, ['s0', 's1', 's2', 's3', 's4'], 100);
      let n = 0;
      for (let k = 0; k < keys; k++) if (before.shardOf(k, keys) !== after.shardOf(k, keys)) n++;
      return n / keys;
    };
    // A new fifth shard should take 1/5 of the keys, all of them from the others.
    expect(Math.abs(moved('consistentHash') - 1 / 5)).toBeLessThan(0.04);
    // hash mod n keeps a key only when h mod 4 = h mod 5: 1/5 of the time, so 4/5 move.
    expect(Math.abs(moved('hash') - 4 / 5)).toBeLessThan(0.01);
  });

  it('directory sharding assigns each new key to the shard with the fewest keys, and remembers it', () => {
    const map = new ShardMap('directory', ['a', 'b', 'c'], 100);
    const first = Array.from({ length: 9 }, (_, k) => map.shardOf(k * 7, 100));
    expect(first).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(map.shardOf(7, 100)).toBe(1);
  });

  it('a down shard fails the requests for its keys only', () => {
    const sketch = sharded('hash', 4, { keys: 100_000 });
    sketch.faults = [{ atS: 0, action: 'kill', target: 'db0' }];
    const sim = simulate(sketch, 10);
    const failed = sim.e2e.failed / sim.e2e.sent;
    expect(Math.abs(failed - 0.25)).toBeLessThan(0.02);
  });
});
