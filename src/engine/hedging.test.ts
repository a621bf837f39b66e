/**
 * Hedged requests against their closed form. A balancer in front of two servers whose workers
 * never run out, each an exponential of mean m: the answer is the sooner of the first copy X₁
 * and a hedge sent at h, h + X₂. So P(T > t) = e^(−t/m) below h and e^(−(2t − h)/m) above it;
 * the mean is m(1 − e^(−h/m)/2), and a share e^(−h/m) of requests send a hedge. Expected
 * values are computed here from those formulas, never from the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LB_ALGORITHMS, type Params } from '../model';
import { runDesign } from './run';
import { Simulation } from './simulation';
import { designOf } from './testSupport';

const within = (actual: number, expected: number, relative: number) => {
  expect(Math.abs(actual - expected) / expected, `got ${actual}, expected ${expected} ± ${relative * 100} %`).toBeLessThan(relative);
};

const M = 10;

/** Users → balancer (hedging after `hedgeAfterMs`) → servers a and b. */
function hedged(hedgeAfterMs: number, a: Params = {}, b: Params = {}, rate = 1000) {
  const server = { workers: 10_000, serviceTimeMs: M };
  return designOf(
    [
      { id: 'users', kind: 'client', params: { ratePerSecond: rate } },
      { id: 'lb', kind: 'loadBalancer', params: { algorithm: 'roundRobin', hedgeAfterMs } },
      { id: 'a', kind: 'server', params: { ...server, ...a } },
      { id: 'b', kind: 'server', params: { ...server, ...b } },
    ],
    [
      { from: 'users', to: 'lb' },
      { from: 'lb', to: 'a' },
      { from: 'lb', to: 'b' },
    ],
  );
}

/** The q-quantile of min(X₁, h + X₂). */
function hedgedQuantile(q: number, h: number, m: number): number {
  const below = -m * Math.log(1 - q);
  return below <= h ? below : (h - m * Math.log(1 - q)) / 2;
}

describe('hedging after 20 ms, on servers of exponential 10 ms', () => {
  const h = 20;
  const s = runDesign(hedged(h), { durationS: 200, warmupS: 5 });
  const plain = runDesign(hedged(0), { durationS: 200, warmupS: 5 });

  it('takes the sooner of the two copies: mean m(1 − e^(−h/m)/2), quantiles from the survival function', () => {
    within(s.endToEnd.latencyMs.mean, M * (1 - Math.exp(-h / M) / 2), 0.01);
    within(s.endToEnd.latencyMs.p50, hedgedQuantile(0.5, h, M), 0.02);
    within(s.endToEnd.latencyMs.p99, hedgedQuantile(0.99, h, M), 0.02);
    within(s.endToEnd.latencyMs.p999, hedgedQuantile(0.999, h, M), 0.04);
  });

  it('cuts the tail it was meant for: p99 from 46 ms to 33 ms', () => {
    within(plain.endToEnd.latencyMs.p99, M * Math.log(100), 0.02);
    expect(s.endToEnd.latencyMs.p99).toBeLessThan(0.75 * plain.endToEnd.latencyMs.p99);
  });

  it('pays with extra load: a share e^(−h/m) of requests send a second copy', () => {
    const copies = s.nodes.a.arrivals + s.nodes.b.arrivals;
    within(copies / s.nodes.lb.arrivals - 1, Math.exp(-h / M), 0.03);
    expect(s.endToEnd.failed).toBe(0);
  });
});

describe('what a hedged call answers', () => {
  // Constant times, round robin: every other request goes first to a, every other to b.
  const bad = { serviceTimeMs: 50, serviceDistribution: 'constant', errorRate: 1 };
  const good = { serviceTimeMs: 5, serviceDistribution: 'constant' };

  it('a hedge rescues a request whose first copy would fail later: none fail, the slow half answer at h + 5 ms', () => {
    const s = runDesign(hedged(10, bad, good, 200), { durationS: 50, warmupS: 1 });
    expect(s.endToEnd.failed).toBe(0);
    within(s.endToEnd.latencyMs.p50, 5, 0.005);
    within(s.endToEnd.latencyMs.max, 15, 0.005);
    // b takes its own half and a hedge for each of a's.
    within(s.nodes.b.arrivals / s.nodes.a.arrivals, 2, 0.01);
  });

  it('a failure before the hedge is due is the request’s: half fail when the hedge would come after it', () => {
    const s = runDesign(hedged(60, bad, good, 200), { durationS: 50, warmupS: 1 });
    within(s.endToEnd.failed / (s.endToEnd.completed + s.endToEnd.failed), 0.5, 0.01);
    within(s.nodes.b.arrivals, s.nodes.a.arrivals, 0.01);
  });

  it('fails when both copies fail, and only then', () => {
    const worse = { ...bad, serviceTimeMs: 30 };
    const s = runDesign(hedged(10, bad, worse, 200), { durationS: 50, warmupS: 1 });
    expect(s.endToEnd.completed).toBe(0);
    expect(s.endToEnd.failed).toBeGreaterThan(9000);
  });

  it('never sends a hedge to the same target, nor one with a single target', () => {
    const single = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 500 } },
        { id: 'lb', kind: 'loadBalancer', params: { hedgeAfterMs: 1 } },
        { id: 'a', kind: 'server', params: { workers: 10_000 } },
      ],
      [
        { from: 'users', to: 'lb' },
        { from: 'lb', to: 'a' },
      ],
    );
    const s = runDesign(single, { durationS: 20, warmupS: 1 });
    within(s.nodes.a.arrivals, s.nodes.lb.arrivals, 0.001);
  });
});

describe('hedging and the rest of the engine', () => {
  const settlesClean = (sim: Simulation) => {
    sim.drain();
    expect(sim.requests.live).toBe(0);
    expect(sim.calls.live).toBe(0);
    expect(sim.e2e.inFlight).toBe(0);
    expect(sim.e2e.sent).toBe(sim.e2e.completed + sim.e2e.failed);
  };

  it('drains to nothing: the losing copies return and are let go', () => {
    const sim = new Simulation(hedged(5), { warmupMs: 0 });
    sim.runUntil(20_000);
    settlesClean(sim);
  });

  it('switched on and off while running, every request settles', () => {
    const design = hedged(0);
    const lb = design.nodes.find((n) => n.id === 'lb')!;
    const sim = new Simulation(design, { warmupMs: 0 });
    for (let t = 1; t <= 20; t++) {
      sim.runUntil(t * 1000);
      sim.setNodeParams('lb', { ...lb.params, hedgeAfterMs: t % 2 === 1 ? 8 : 0 });
    }
    settlesClean(sim);
    expect(sim.e2e.failed).toBe(0);
  });

  it('a balancer killed with hedges out fails those requests, and they still settle', () => {
    const sim = new Simulation(hedged(5, {}, {}, 2000), { warmupMs: 0 });
    sim.runUntil(5000);
    sim.injectFault({ atS: 5, action: 'kill', target: 'lb' });
    sim.runUntil(6000);
    sim.injectFault({ atS: 6, action: 'revive', target: 'lb' });
    sim.runUntil(10_000);
    settlesClean(sim);
    expect(sim.e2e.failed).toBeGreaterThan(0);
  });

  it('a server killed mid-hedge: the other copy answers', () => {
    const sim = new Simulation(hedged(5, {}, {}, 2000), { warmupMs: 0 });
    sim.runUntil(5000);
    sim.injectFault({ atS: 5, action: 'kill', target: 'a' });
    sim.runUntil(10_000);
    settlesClean(sim);
    // Until a health check, half the requests still go first to a and fail there at once.
    expect(sim.e2e.completed).toBeGreaterThan(0.7 * sim.e2e.sent);
  });

  it('conserves requests under any mix of algorithms, error rates, edge latencies and faults (property)', () => {
    const server = fc.record({
      workers: fc.integer({ min: 1, max: 8 }),
      serviceTimeMs: fc.double({ min: 0, max: 20, noNaN: true }),
      serviceDistribution: fc.constantFrom('exponential', 'constant', 'lognormal'),
      errorRate: fc.constantFrom(0, 0, 0.1, 1),
      queueCapacity: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 })),
    });
    const fault = fc.record({
      atS: fc.double({ min: 0, max: 3, noNaN: true }),
      action: fc.constantFrom('kill', 'cut', 'slow', 'addLatency'),
      pick: fc.nat(),
      durationS: fc.double({ min: 0.1, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...LB_ALGORITHMS),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.array(server, { minLength: 2, maxLength: 4 }),
        fc.array(fc.constantFrom(0, 0, 1, 3), { minLength: 5, maxLength: 5 }),
        fc.array(fault, { maxLength: 4 }),
        fc.record({ timeoutMs: fc.constantFrom(0, 0, 15), retries: fc.integer({ min: 0, max: 2 }), ratePerSecond: fc.integer({ min: 50, max: 1500 }) }),
        (algorithm, hedgeAfterMs, servers, latencies, faults, client) => {
          const ids = servers.map((_, i) => `s${i}`);
          const design = designOf(
            [
              { id: 'users', kind: 'client', params: client },
              { id: 'lb', kind: 'loadBalancer', params: { algorithm, hedgeAfterMs, healthCheckIntervalS: 1 } },
              ...servers.map((params, i) => ({ id: ids[i], kind: 'server', params })),
            ],
            [{ from: 'users', to: 'lb', params: { latencyMs: latencies[0] } }, ...ids.map((id, i) => ({ from: 'lb', to: id, params: { latencyMs: latencies[i + 1] } }))],
          );
          const sim = new Simulation(design, { warmupMs: 0 });
          for (const f of faults) {
            const edge = f.action === 'cut' || f.action === 'addLatency';
            const targets = edge ? sim.edgeIds : ['lb', ...ids];
            sim.runUntil(f.atS * 1000);
            sim.injectFault({ atS: f.atS, action: f.action, target: targets[f.pick % targets.length], durationS: f.durationS, factor: 5, latencyMs: 20 });
          }
          sim.runUntil(4000);
          for (const id of ['lb', ...ids]) sim.injectFault({ atS: sim.now / 1000, action: 'revive', target: id });
          for (const id of sim.edgeIds) sim.injectFault({ atS: sim.now / 1000, action: 'heal', target: id });
          settlesClean(sim);
        },
      ),
      { numRuns: 60 },
    );
  });
});
