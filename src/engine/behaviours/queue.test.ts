import { describe, expect, it } from 'vitest';
import { simulate, type Sketch } from '../testDesigns';

function pipeline(producer: Record<string, unknown>, consumer: Record<string, unknown>, queue: Record<string, unknown> = {}): Sketch {
  return {
    nodes: [
      { id: 'producer', kind: 'client', params: { ratePerSecond: 1000, ...producer } },
      { id: 'queue', kind: 'queue', params: queue },
      { id: 'worker', kind: 'server', params: { workers: 4, serviceTimeMs: 5, ...consumer } },
    ],
    edges: [
      { source: 'producer', target: 'queue' },
      { source: 'queue', target: 'worker' },
    ],
  };
}

describe('queue', () => {
  it('grows its backlog at (offered − consumed) per second', () => {
    // 1000 msg/s in; 4 workers × 1/5 ms = 800 msg/s out: the backlog grows by 200 a second.
    const deterministic = pipeline({ arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const sim = simulate(deterministic, 10);
    const at10 = sim.behaviours[1].backlog()!;
    sim.runUntil(60_000);
    const slope = (sim.behaviours[1].backlog()! - at10) / 50;
    expect(Math.abs(slope / 200 - 1)).toBeLessThan(0.01);
    // The producer is acknowledged at once: nothing fails, nothing waits.
    expect(sim.e2e.failed).toBe(0);
    expect(sim.e2e.latency.max).toBe(0);
  });

  it('the same under Poisson arrivals and exponential work, within sampling error', () => {
    const sim = simulate(pipeline({}, {}), 10);
    const at10 = sim.behaviours[1].backlog()!;
    sim.runUntil(70_000);
    const slope = (sim.behaviours[1].backlog()! - at10) / 60;
    expect(Math.abs(slope / 200 - 1)).toBeLessThan(0.05);
    // FIFO: everything behind the oldest message arrived while it waited, so lag ≈ backlog / offered rate.
    const lag = sim.behaviours[1].lagMs()!;
    expect(Math.abs(lag / ((sim.behaviours[1].backlog()! / 1000) * 1000) - 1)).toBeLessThan(0.05);
  });

  it('keeps consumers busy: throughput is the consumers’ capacity, whatever the partitions', () => {
    const sim = simulate(pipeline({}, {}, { partitions: 8 }), 35, 5);
    expect(sim.stats[2].completed / 30 / 800).toBeGreaterThan(0.99);
  });

  it('rejects when full and keeps a backlog at capacity', () => {
    const sim = simulate(pipeline({ arrivals: 'uniform' }, { serviceDistribution: 'constant' }, { capacity: 1000 }), 65, 5);
    expect(sim.behaviours[1].backlog()).toBeLessThanOrEqual(1000);
    // Once full, 200 of every 1000 a second are turned away.
    expect(Math.abs(sim.stats[1].rejected / 60 / 200 - 1)).toBeLessThan(0.02);
    expect(sim.e2e.failed).toBe(sim.stats[1].rejected);
  });

  it('under capacity, drains completely and frees every request', () => {
    const sim = simulate(pipeline({ ratePerSecond: 500 }, {}), 20);
    sim.drain();
    expect(sim.behaviours[1].backlog()).toBe(0);
    expect(sim.requests.live).toBe(0);
    expect(sim.calls.live).toBe(0);
    expect(sim.stats[2].completed).toBe(sim.stats[1].completed);
  });

  it('holds messages while its consumer is down and delivers them after it revives', () => {
    const sketch = pipeline({ ratePerSecond: 200 }, {});
    sketch.faults = [{ atS: 5, action: 'kill', target: 'worker', durationS: 5 }];
    const sim = simulate(sketch, 9.9);
    expect(sim.behaviours[1].backlog()!).toBeGreaterThan(800);
    sim.runUntil(12_000);
    expect(sim.behaviours[1].backlog()!).toBeLessThan(50);
  });

  it('every consumer does all its work: servers taking messages call what they are connected to', () => {
    // Two workers behind one queue, each writing to the database. The second consumer once
    // skipped its database call: the queue kept its consumer index in the call's stage, which
    // is the server's own position in its outgoing edges.
    const sketch: Sketch = {
      nodes: [
        { id: 'producer', kind: 'client', params: { ratePerSecond: 1000, readRatio: 0 } },
        { id: 'queue', kind: 'queue' },
        { id: 'w1', kind: 'server', params: { workers: 8, serviceTimeMs: 2 } },
        { id: 'w2', kind: 'server', params: { workers: 8, serviceTimeMs: 2 } },
        { id: 'db', kind: 'database', params: { workers: 32, writeTimeMs: 5 } },
      ],
      edges: [
        { source: 'producer', target: 'queue' },
        { source: 'queue', target: 'w1' },
        { source: 'queue', target: 'w2' },
        { source: 'w1', target: 'db' },
        { source: 'w2', target: 'db' },
      ],
    };
    const sim = simulate(sketch, 20);
    const [w1, w2, db] = [2, 3, 4].map((n) => sim.stats[n].arrivals);
    expect(w1).toBeGreaterThan(5000);
    expect(w2).toBeGreaterThan(5000);
    // Every message a worker takes becomes one database write (a few may still be in service).
    expect(Math.abs(db - (w1 + w2))).toBeLessThan(50);
  });
});

describe('queue consumption per partition (a Kafka consumer group)', () => {
  // 500 msg/s over 1000 keys; one consumer whose 10 workers at a constant 10 ms take 1000 msg/s.
  const grouped = (partitions: number, consumption: string) =>
    pipeline(
      { ratePerSecond: 500, arrivals: 'uniform', keys: 1000 },
      { workers: 10, serviceTimeMs: 10, serviceDistribution: 'constant' },
      { partitions, consumption },
    );

  it('hands out one message per partition at a time: 3 partitions consume 3 × 100 msg/s', () => {
    // Each partition gets about a third of 500 msg/s, more than the 100 msg/s that one message
    // at a time of 10 ms allows: all three stay busy, and the backlog grows by 200 a second.
    const sim = simulate(grouped(3, 'perPartition'), 40, 10);
    expect(Math.abs(sim.stats[2].completed / 30 / 300 - 1)).toBeLessThan(0.005);
    const at40 = sim.behaviours[1].backlog()!;
    sim.runUntil(50_000);
    expect(Math.abs((sim.behaviours[1].backlog()! - at40) / 10 / 200 - 1)).toBeLessThan(0.02);
  });

  it('with more partitions than the consumer can serve, or shared consumption, it keeps up', () => {
    for (const design of [grouped(20, 'perPartition'), grouped(3, 'shared')]) {
      const sim = simulate(design, 40, 10);
      expect(Math.abs(sim.stats[2].completed / 30 / 500 - 1)).toBeLessThan(0.005);
      expect(sim.behaviours[1].backlog()!).toBeLessThan(10);
    }
  });

  it('frees a partition whatever happens to its message: a consumer down, then back', () => {
    const sketch = grouped(3, 'perPartition');
    sketch.faults = [{ atS: 5, action: 'kill', target: 'worker', durationS: 5 }];
    const sim = simulate(sketch, 10);
    const backlog = sim.behaviours[1].backlog()!;
    expect(backlog).toBeGreaterThan(2000);
    sim.runUntil(20_000);
    // Back up, the three partitions consume 300 msg/s again: the backlog grows by 200 a second.
    expect(Math.abs((sim.behaviours[1].backlog()! - backlog) / 10 / 200 - 1)).toBeLessThan(0.05);
  });

  it('counts messages out against their new partitions when the partitions change live', () => {
    const sim = simulate(grouped(3, 'perPartition'), 10);
    sim.setNodeParams('queue', { ...sim.nodeParams[1], partitions: 1 });
    sim.runUntil(20_000);
    // One partition: one message at a time, 100 msg/s.
    const before = sim.stats[2].arrivals;
    sim.runUntil(30_000);
    expect(Math.abs((sim.stats[2].arrivals - before) / 10 / 100 - 1)).toBeLessThan(0.01);
  });
});

