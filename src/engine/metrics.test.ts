/**
 * How figures are gathered: a completed request's latency is bucketed once per client and
 * folded into the client's, the end-to-end and the window's histograms between slices of the
 * run. These tests check the folded figures against the same run read in other ways.
 */
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram';
import { Simulation } from './simulation';
import { designOf } from './testSupport';

/** Two clients at different rates, with timeouts, into one server that sometimes saturates. */
const twoClients = designOf(
  [
    { id: 'web', kind: 'client', params: { ratePerSecond: 900 } },
    { id: 'mobile', kind: 'client', params: { ratePerSecond: 500, timeoutMs: 15 } },
    { id: 'app', kind: 'server', params: { workers: 2, serviceTimeMs: 1.3, queueCapacity: 50 } },
  ],
  [
    { from: 'web', to: 'app' },
    { from: 'mobile', to: 'app' },
  ],
);
const WEB = 0;
const MOBILE = 1;

function latencyBits(h: Histogram) {
  return { count: h.count, sum: h.sum, min: h.min, max: h.max, counts: Array.from(h.counts) };
}

describe('figures gathered between slices', () => {
  it('are the same bit for bit however the run is sliced (sums included)', () => {
    const whole = new Simulation(twoClients, { warmupMs: 2000 });
    whole.runUntil(30_000);
    const sliced = new Simulation(twoClients, { warmupMs: 2000 });
    for (let t = 0; t < 30_000; ) {
      t = Math.min(30_000, t + 137.3);
      sliced.runUntil(t);
    }
    expect(latencyBits(sliced.e2e.latency)).toEqual(latencyBits(whole.e2e.latency));
    for (const n of [WEB, MOBILE]) {
      expect(latencyBits(sliced.stats[n].latency)).toEqual(latencyBits(whole.stats[n].latency));
    }
    expect(sliced.series.since(0)).toEqual(whole.series.since(0));
  });

  it('are whole after every slice: sent = completed + failed + in flight, and end to end is the union of the clients', () => {
    const sim = new Simulation(twoClients, { warmupMs: 1000 });
    for (let t = 0; t < 20_000; ) {
      t += 333.3;
      sim.runUntil(t);
      const e = sim.e2e;
      expect(e.sent).toBe(e.completed + e.failed + e.inFlight);
      const union = new Histogram();
      union.addCounts(sim.stats[WEB].latency);
      union.addCounts(sim.stats[MOBILE].latency);
      expect(union.count).toBe(e.completed);
      expect(Array.from(union.counts)).toEqual(Array.from(e.latency.counts));
      expect(union.quantile(0.99)).toBe(e.latency.quantile(0.99));
    }
    expect(sim.e2e.completed).toBeGreaterThan(15_000);
    expect(sim.e2e.timedOut).toBeGreaterThan(0);
  });

  it("windows count every completion once: their throughputs add up to the run's completions", () => {
    // No warm-up, so the measured figures and the windows cover the same requests.
    const sim = new Simulation(twoClients, { warmupMs: 0 });
    sim.runUntil(20_000); // the 20th window closes at exactly 20 s
    const windows = sim.series.since(0);
    expect(windows).toHaveLength(20);
    const completed = windows.reduce((total, w) => total + w.throughput, 0);
    expect(completed).toBe(sim.e2e.completed);
    const failed = windows.reduce((total, w) => total + w.errorRate * (w.throughput / (1 - w.errorRate)), 0);
    expect(failed).toBeCloseTo(sim.e2e.failed, 6);
  });

  it("a window's node rates are arrivals per second, a client's the requests it sends, across the warm-up too", () => {
    // Evenly spaced arrivals, and a warm-up that ends in the middle of the third window.
    const even = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 400, arrivals: 'uniform' } },
        { id: 'lb', kind: 'loadBalancer', params: { algorithm: 'roundRobin' } },
        { id: 'a', kind: 'server', params: { workers: 4, serviceTimeMs: 1 } },
        { id: 'b', kind: 'server', params: { workers: 4, serviceTimeMs: 1 } },
      ],
      [
        { from: 'users', to: 'lb' },
        { from: 'lb', to: 'a' },
        { from: 'lb', to: 'b' },
      ],
    );
    const sim = new Simulation(even, { warmupMs: 2500 });
    sim.runUntil(6000);
    const windows = sim.series.since(0);
    expect(windows).toHaveLength(6);
    for (const w of windows) {
      // ±1: a window edge may fall between an arrival and its delivery.
      for (const [node, rate] of [[0, 400], [1, 400], [2, 200], [3, 200]]) {
        expect(Math.abs(w.nodeRate[node] - rate)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('a node’s latency per window', () => {
  it('is its calls’ latency in that window: with no edge latency, the end-to-end p99 to within a bucket', () => {
    const sim = new Simulation(designOf([{ id: 'users', kind: 'client', params: { ratePerSecond: 700 } }, { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 1 } }], [{ from: 'users', to: 'app' }]), { warmupMs: 3000 });
    sim.runUntil(40_000);
    const windows = sim.series.since(0);
    expect(windows).toHaveLength(40);
    for (const w of windows) {
      expect(Math.abs(w.nodeP99[1]! - w.p99) / w.p99).toBeLessThan(0.01);
      // A client's latency is its requests' end to end, and counts measured requests only.
      if (w.tS > 3) expect(Math.abs(w.nodeP99[0]! - w.p99) / w.p99).toBeLessThan(0.01);
      else expect(w.nodeP99[0]).toBeNull();
    }
    // Windows differ (a queue at ρ = 0.7 comes and goes): each is its own, not the run's so far.
    expect(new Set(windows.map((w) => w.nodeP99[1])).size).toBeGreaterThan(30);
  });

  it('is null for a window in which the node answered nothing', () => {
    const sim = new Simulation(designOf([{ id: 'users', kind: 'client', params: { ratePerSecond: 0.3 } }, { id: 'app', kind: 'server', params: { serviceTimeMs: 1 } }], [{ from: 'users', to: 'app' }]));
    sim.runUntil(60_000);
    const windows = sim.series.since(0);
    const idle = windows.filter((w) => w.throughput === 0);
    expect(idle.length).toBeGreaterThan(20);
    for (const w of idle) expect(w.nodeP99[1]).toBeNull();
    for (const w of windows.filter((x) => x.throughput > 0)) expect(w.nodeP99[1]).toBeGreaterThan(0);
  });
});
