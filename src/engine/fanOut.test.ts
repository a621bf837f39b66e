/**
 * Parallel fan-out (scatter-gather) against order statistics. A front server with no work of
 * its own calls n leaves whose workers never run out (no queueing), each an exponential 10 ms:
 * in parallel the answer waits for the slowest, max of n exponentials, with mean m·H(n) and
 * P(max ≤ t) = (1 − e^(−t/m))^n; in sequence it is their sum, Erlang-n. Expected values are
 * computed here from those formulas, never from the engine.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../model';
import { runDesign } from './run';
import { Simulation } from './simulation';
import { designOf, type EdgeSketch, type NodeSketch } from './testSupport';

const within = (actual: number, expected: number, relative: number) => {
  expect(Math.abs(actual - expected) / expected, `got ${actual}, expected ${expected} ± ${relative * 100} %`).toBeLessThan(relative);
};

const MEAN_MS = 10;
const LEAVES = 10;

/** Users → front (fanOut as given, no work of its own) → `leaves` servers that never queue. */
function scatterGather(fanOut: string, rate: number, leaf: (i: number) => Params = () => ({}), front: Params = {}) {
  const leaves: NodeSketch[] = Array.from({ length: LEAVES }, (_, i) => ({
    id: `leaf${i + 1}`,
    kind: 'server',
    params: { workers: 10_000, serviceTimeMs: MEAN_MS, ...leaf(i) },
  }));
  const nodes: NodeSketch[] = [
    { id: 'users', kind: 'client', params: { ratePerSecond: rate } },
    { id: 'front', kind: 'server', params: { workers: 10_000, serviceTimeMs: 0, fanOut, ...front } },
    ...leaves,
  ];
  const edges: EdgeSketch[] = [{ from: 'users', to: 'front' }, ...leaves.map((l) => ({ from: 'front', to: l.id }))];
  return designOf(nodes, edges);
}

const harmonic = (n: number) => Array.from({ length: n }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);

/** The t with P(Erlang(n, mean m) ≤ t) = p, by bisection on the Poisson-sum form of its CDF. */
function erlangQuantile(n: number, m: number, p: number): number {
  const cdf = (t: number) => {
    let term = Math.exp(-t / m);
    let below = term;
    for (let i = 1; i < n; i++) {
      term *= t / m / i;
      below += term;
    }
    return 1 - below;
  };
  let lo = 0;
  let hi = 100 * n * m;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('scatter-gather to ten leaves of exponential 10 ms', () => {
  const parallel = runDesign(scatterGather('parallel', 500), { durationS: 200, warmupS: 5 });
  const sequential = runDesign(scatterGather('sequential', 500), { durationS: 200, warmupS: 5 });

  it('in parallel, the slowest leaf sets the latency: mean m·H(10), p99 from (1 − e^(−t/m))^10 = 0.99', () => {
    within(parallel.endToEnd.latencyMs.mean, MEAN_MS * harmonic(LEAVES), 0.01);
    within(parallel.endToEnd.latencyMs.p50, -MEAN_MS * Math.log(1 - 0.5 ** (1 / LEAVES)), 0.02);
    within(parallel.endToEnd.latencyMs.p99, -MEAN_MS * Math.log(1 - 0.99 ** (1 / LEAVES)), 0.03);
  });

  it('in sequence, the leaves add up: Erlang-10, mean 100 ms', () => {
    within(sequential.endToEnd.latencyMs.mean, LEAVES * MEAN_MS, 0.01);
    within(sequential.endToEnd.latencyMs.p99, erlangQuantile(LEAVES, MEAN_MS, 0.99), 0.03);
  });

  it('every leaf sees every request either way', () => {
    for (const summary of [parallel, sequential]) {
      const front = summary.nodes.front.arrivals;
      for (let i = 1; i <= LEAVES; i++) within(summary.nodes[`leaf${i}`].arrivals, front, 0.002);
    }
  });
});

describe('what a scattered call answers', () => {
  it('fails when any child fails: two leaves failing half their calls fail 1 − ½ · ½ of requests', () => {
    const design = scatterGather('parallel', 500, (i): Params => (i < 2 ? { errorRate: 0.5 } : {}));
    const s = runDesign(design, { durationS: 100, warmupS: 1 });
    within(s.endToEnd.failed / (s.endToEnd.completed + s.endToEnd.failed), 0.75, 0.01);
  });

  it('calls only the edges that carry the request: writes-only leaves see the writes alone', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 400, readRatio: 0.7 } },
        { id: 'front', kind: 'server', params: { workers: 10_000, serviceTimeMs: 1, fanOut: 'parallel' } },
        { id: 'all', kind: 'server', params: { workers: 10_000 } },
        { id: 'writes', kind: 'server', params: { workers: 10_000 } },
      ],
      [
        { from: 'users', to: 'front' },
        { from: 'front', to: 'all' },
        { from: 'front', to: 'writes', params: { when: 'writes' } },
      ],
    );
    const s = runDesign(design, { durationS: 100, warmupS: 1 });
    // Equal but for calls in flight when the warm-up ended.
    within(s.nodes.all.arrivals, s.nodes.front.arrivals, 0.0005);
    within(s.nodes.writes.arrivals / s.nodes.all.arrivals, 0.3, 0.02);
  });

  it('answers at once when no edge carries the request, and when the node has none', () => {
    const front = { id: 'front', kind: 'server', params: { serviceTimeMs: 2, serviceDistribution: 'constant', fanOut: 'parallel' } };
    const users = { id: 'users', kind: 'client', params: { ratePerSecond: 100, readRatio: 1 } };
    const alone = designOf([users, front], [{ from: 'users', to: 'front' }]);
    const readsOnly = designOf(
      [users, front, { id: 'writes', kind: 'server' }],
      [
        { from: 'users', to: 'front' },
        { from: 'front', to: 'writes', params: { when: 'writes' } },
      ],
    );
    for (const design of [alone, readsOnly]) {
      const s = runDesign(design, { durationS: 20, warmupS: 1 });
      expect(s.endToEnd.failed).toBe(0);
      expect(s.endToEnd.completed).toBeGreaterThan(1500);
      within(s.endToEnd.latencyMs.max, 2, 0.005);
    }
  });

  it('holds a blocking worker for its own work and the slowest child: utilisation λ × (1 + 10) ms, not λ × (1 + 2 × 10) ms', () => {
    // One worker, constant times: 40 requests a second hold it 11 ms each in parallel (44 %), 21 ms in sequence (84 %).
    const design = (fanOut: string) =>
      designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 40 } },
          { id: 'front', kind: 'server', params: { workers: 1, serviceTimeMs: 1, serviceDistribution: 'constant', callMode: 'blocking', fanOut } },
          { id: 'a', kind: 'server', params: { workers: 10_000, serviceTimeMs: 10, serviceDistribution: 'constant' } },
          { id: 'b', kind: 'server', params: { workers: 10_000, serviceTimeMs: 10, serviceDistribution: 'constant' } },
        ],
        [
          { from: 'users', to: 'front' },
          { from: 'front', to: 'a' },
          { from: 'front', to: 'b' },
        ],
      );
    within(runDesign(design('parallel'), { durationS: 500, warmupS: 5 }).nodes.front.utilization, 0.44, 0.02);
    within(runDesign(design('sequential'), { durationS: 500, warmupS: 5 }).nodes.front.utilization, 0.84, 0.02);
  });

  it('keeps each call in the mode it started in when fanOut is switched live, and every request settles', () => {
    const design = scatterGather('sequential', 300);
    const sim = new Simulation(design, { warmupMs: 0 });
    const front = design.nodes.find((n) => n.id === 'front')!;
    for (let t = 1; t <= 20; t++) {
      sim.runUntil(t * 1000);
      sim.setNodeParams('front', { ...front.params, fanOut: t % 2 === 0 ? 'sequential' : 'parallel' });
    }
    sim.drain();
    expect(sim.requests.live).toBe(0);
    expect(sim.calls.live).toBe(0);
    expect(sim.e2e.failed).toBe(0);
    expect(sim.e2e.sent).toBe(sim.e2e.latency.count);
  });
});
