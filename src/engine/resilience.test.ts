import { describe, expect, it } from 'vitest';
import type { ClientBehaviour } from './behaviours/client';
import { simulate, type Sketch } from './testDesigns';

const direct = (client: Record<string, unknown>, server: Record<string, unknown>, edge: Record<string, unknown> = {}): Sketch => ({
  nodes: [
    { id: 'users', kind: 'client', params: client },
    { id: 'api', kind: 'server', params: server },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'api', params: edge }],
});

describe('client timeouts and retries', () => {
  it('M/M/1: the fraction timed out is P(sojourn > t) = e^{−(μ−λ)t}', () => {
    // λ = 500/s, μ = 1000/s, t = 2 ms: e^{−1}. A timed-out request still occupies the server.
    const sim = simulate(direct({ ratePerSecond: 500, timeoutMs: 2 }, { workers: 1, serviceTimeMs: 1 }), 125, 5);
    const fraction = sim.e2e.timedOut / sim.e2e.sent;
    expect(Math.abs(fraction - Math.exp(-1))).toBeLessThan(0.01);
    expect(sim.e2e.failed).toBe(sim.e2e.timedOut);
  });

  it('with failure probability f and R retries the offered load is λ(1 − f^(R+1))/(1 − f)', () => {
    const f = 0.3;
    const R = 3;
    const lambda = 1000;
    const sim = simulate(
      direct({ ratePerSecond: lambda, retries: R, backoffMs: 1 }, { workers: 100, serviceTimeMs: 1, errorRate: f }),
      65,
      5,
    );
    const offered = sim.stats[1].arrivals / 60;
    expect(Math.abs(offered / ((lambda * (1 - f ** (R + 1))) / (1 - f)) - 1)).toBeLessThan(0.015);
    // A request fails only when every attempt does: f^(R+1).
    expect(Math.abs(sim.e2e.failed / sim.e2e.sent - f ** (R + 1))).toBeLessThan(0.002);
  });

  it('retries back off exponentially with full jitter: uniform on [0, backoff × 2^(k−1)]', () => {
    const sim = simulate(direct({ ratePerSecond: 100, retries: 3, backoffMs: 100 }, { workers: 10, serviceTimeMs: 1, errorRate: 1 }), 1);
    const client = sim.behaviours[0] as ClientBehaviour;
    for (const k of [1, 2, 3]) {
      const cap = 100 * 2 ** (k - 1);
      const draws = Array.from({ length: 20_000 }, () => client.backoff(k));
      const mean = draws.reduce((a, b) => a + b) / draws.length;
      expect(Math.abs(mean / (cap / 2) - 1)).toBeLessThan(0.02);
      expect(Math.max(...draws)).toBeLessThanOrEqual(cap);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    }
    // Every attempt failed: each request was tried 1 + 3 times.
    sim.drain();
    expect(sim.stats[1].arrivals).toBe(sim.e2e.sent * 4);
    expect(sim.e2e.failed).toBe(sim.e2e.sent);
  });

  it('retries turn an overload into a retry storm: offered load multiplies and goodput collapses', () => {
    const base = { ratePerSecond: 900, timeoutMs: 20, backoffMs: 10 };
    const server = { workers: 1, serviceTimeMs: 1 };
    const without = simulate(direct({ ...base, retries: 0 }, server), 35, 5);
    const storm = simulate(direct({ ...base, retries: 3 }, server), 35, 5);
    expect(storm.stats[1].arrivals).toBeGreaterThan(1.8 * without.stats[1].arrivals);
    expect(storm.e2e.completed).toBeLessThan(without.e2e.completed);
  });
});

describe('retry budget', () => {
  // Every attempt fails at once: each failure would retry, so the budget alone sets how many do.
  const failing = (budget: number | null) =>
    simulate(direct({ ratePerSecond: 1000, retries: 3, backoffMs: 0, retryBudgetPercent: budget }, { workers: 100, serviceTimeMs: 1, errorRate: 1 }), 60);

  it('a budget of b % lets retries add b % of the requests sent, plus the second’s worth saved at the start', () => {
    const sim = failing(10);
    sim.drain();
    const e = sim.e2e;
    // Saved: 10 % of 1000 req/s for a second = 100 retries; then 0.1 per request sent.
    const allowed = 100 + 0.1 * e.sent;
    expect(e.retries).toBeLessThanOrEqual(allowed);
    expect(e.retries).toBeGreaterThan(allowed - 2);
    expect(sim.stats[1].arrivals).toBe(e.sent + e.retries);
    // A request fails once its retries run out or the budget refuses the next one.
    expect(e.failed).toBe(e.sent);
    expect(e.retriesDenied).toBeGreaterThan(0.85 * e.sent);
    expect(e.retriesDenied).toBeLessThanOrEqual(e.sent);
  });

  it('a budget of 0 % allows no retries; none (empty) allows every one', () => {
    const none = failing(0);
    none.drain();
    expect(none.e2e.retries).toBe(0);
    expect(none.stats[1].arrivals).toBe(none.e2e.sent);
    expect(none.e2e.retriesDenied).toBe(none.e2e.sent);
    const unlimited = failing(null);
    unlimited.drain();
    expect(unlimited.stats[1].arrivals).toBe(unlimited.e2e.sent * 4);
    expect(unlimited.e2e.retriesDenied).toBe(0);
  });

  it('a retry storm outlasts the spike that set it off (a metastable failure); a budget or a bounded queue lets it recover', () => {
    // 500 req/s onto 666 req/s of capacity, doubled for 5 s. Timed-out requests stay queued and
    // are served for nobody, and every timeout comes back up to three times.
    const answeredBetween = (fromS: number, toS: number, budget: number | null, queueCapacity: number | null = null) => {
      const client = { ratePerSecond: 500, traffic: 'spike', spikeFactor: 2, shapeStartS: 20, shapeEndS: 25, timeoutMs: 300, retries: 3, backoffMs: 0, retryBudgetPercent: budget };
      const sim = simulate(direct(client, { workers: 8, serviceTimeMs: 12, queueCapacity }), fromS, 5);
      const before = sim.e2e.completed;
      sim.runUntil(toS * 1000);
      return (sim.e2e.completed - before) / (toS - fromS);
    };
    // Before the spike, every request sent is answered.
    expect(answeredBetween(10, 20, null)).toBeGreaterThan(480);
    // 25 s after it ended, without a budget hardly anything is answered in time…
    expect(answeredBetween(50, 60, null)).toBeLessThan(25);
    // …with retries held to 10 % of requests, or a waiting room of 20 that turns the excess away, all is.
    expect(answeredBetween(50, 60, 10)).toBeGreaterThan(480);
    expect(answeredBetween(50, 60, null, 20)).toBeGreaterThan(480);
  });
});

describe('graceful degradation', () => {
  // Users → API → recommendations, which fail 30 % of calls.
  const withRecommendations = (api: Record<string, unknown>, faults: Sketch['faults'] = []): Sketch => ({
    nodes: [
      { id: 'users', kind: 'client', params: { ratePerSecond: 1000 } },
      { id: 'api', kind: 'server', params: { workers: 100, serviceTimeMs: 1, ...api } },
      { id: 'recs', kind: 'server', params: { workers: 100, serviceTimeMs: 1, errorRate: 0.3 } },
    ],
    edges: [
      { source: 'users', target: 'api' },
      { source: 'api', target: 'recs' },
    ],
    faults,
  });

  it('a failed call fails the request, unless the server degrades: then it answers, and counts the calls it answered around', () => {
    const strict = simulate(withRecommendations({}), 60, 5);
    strict.drain();
    expect(Math.abs(strict.e2e.failed / strict.e2e.sent - 0.3)).toBeLessThan(0.01);
    expect(strict.behaviours[1].degraded()).toBeNull();

    const degrading = simulate(withRecommendations({ onCallFailure: 'degrade' }), 60, 5);
    degrading.drain();
    expect(degrading.e2e.failed).toBe(0);
    expect(Math.abs(degrading.behaviours[1].degraded()! / degrading.e2e.sent - 0.3)).toBeLessThan(0.01);
  });

  it('answers around a dependency that is down, in parallel as in sequence, but not around its own death', () => {
    for (const fanOut of ['sequential', 'parallel']) {
      const sim = simulate(withRecommendations({ onCallFailure: 'degrade', fanOut }, [{ atS: 10, action: 'kill', target: 'recs' }]), 20);
      sim.drain();
      expect(sim.e2e.failed).toBe(0);
      // Every call from 10 s on fails, and 30 % before.
      const expected = 0.3 * 10_000 + 10_000;
      expect(Math.abs(sim.behaviours[1].degraded()! / expected - 1)).toBeLessThan(0.03);
    }
    const apiDown = simulate(withRecommendations({ onCallFailure: 'degrade' }, [{ atS: 10, action: 'kill', target: 'api' }]), 20);
    apiDown.drain();
    expect(Math.abs(apiDown.e2e.failed / 10_000 - 1)).toBeLessThan(0.03);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold within the window, fails fast, probes half-open, and closes after recovery', () => {
    const sketch = direct(
      { ratePerSecond: 1000 },
      { workers: 100, serviceTimeMs: 1, serviceDistribution: 'constant' },
      { breakerFailures: 5, breakerWindowS: 1, breakerOpenS: 2, breakerProbes: 2 },
    );
    sketch.faults = [{ atS: 10, action: 'kill', target: 'api', durationS: 5 }];
    const sim = simulate(sketch, 30);
    const log = sim.breakers.log;
    // Opens within the first few failures after the kill (5 failures at 1000/s ≈ 5 ms).
    expect(log[0].state).toBe('open');
    expect(log[0].tMs).toBeGreaterThanOrEqual(10_000);
    expect(log[0].tMs).toBeLessThan(10_050);
    // Each open period lasts the configured 2 s before a half-open attempt (the next request after it).
    for (let i = 1; i < log.length; i++) {
      if (log[i].state === 'halfOpen') {
        expect(log[i].tMs - log[i - 1].tMs).toBeGreaterThanOrEqual(2000);
        expect(log[i].tMs - log[i - 1].tMs).toBeLessThan(2050);
      }
    }
    // Probes fail while the server is down; the first half-open after the revival closes it.
    const closed = log.find((t) => t.state === 'closed')!;
    expect(closed.tMs).toBeGreaterThanOrEqual(15_000);
    expect(closed.tMs).toBeLessThan(17_100);
    expect(log.filter((t) => t.state === 'closed')).toHaveLength(1);
    // While open, calls failed fast: the down server saw only the first failures and the probes.
    const opens = log.filter((t) => t.state === 'open').length;
    expect(sim.stats[1].rejected).toBeLessThanOrEqual(5 + 2 * opens);
    expect(sim.breakers.rejected[0]).toBeGreaterThan(4000);
  });

  it('stays closed while failures are fewer than the threshold within the window', () => {
    // 1000/s with a 0.1 % error rate: about 1 failure a second, never 5 within 100 ms... almost.
    const sim = simulate(
      direct({ ratePerSecond: 1000 }, { workers: 100, serviceTimeMs: 1, errorRate: 0.001 }, { breakerFailures: 5, breakerWindowS: 0.1 }),
      30,
    );
    expect(sim.breakers.log).toHaveLength(0);
  });
});

describe('load-balancer health checks', () => {
  const pool: Sketch = {
    nodes: [
      { id: 'users', kind: 'client', params: { ratePerSecond: 1000, arrivals: 'uniform' } },
      { id: 'lb', kind: 'loadBalancer', params: { healthCheckIntervalS: 1 } },
      ...[0, 1, 2, 3].map((i) => ({ id: `s${i}`, kind: 'server', params: { workers: 10, serviceTimeMs: 1 } })),
    ],
    edges: [{ source: 'users', target: 'lb' }, ...[0, 1, 2, 3].map((i) => ({ source: 'lb', target: `s${i}` }))],
    faults: [
      { atS: 10.3, action: 'kill', target: 's0' },
      { atS: 20.3, action: 'revive', target: 's0' },
    ],
  };

  it('a down server receives traffic only until the next check, and again after it recovers', () => {
    const sim = simulate(pool, 10.3);
    sim.runUntil(11_000.5);
    // Round robin: a quarter of the 700 requests between the kill and the check at 11 s fail.
    expect(Math.abs(sim.e2e.failed / 175 - 1)).toBeLessThan(0.03);
    const failed = sim.e2e.failed;
    const s0 = sim.stats[2].arrivals;
    sim.runUntil(21_000);
    expect(sim.e2e.failed).toBe(failed);
    expect(sim.stats[2].arrivals).toBe(s0);
    sim.runUntil(22_000);
    expect(sim.stats[2].arrivals - s0).toBeGreaterThan(200);
  });

  it('an interval whose multiples round back onto the check time still moves on', () => {
    // 4589.254043473586 / 917.8508086947172 rounds to just under 5: the fifth check used to
    // schedule the next one at its own instant, forever.
    const sketch = { ...pool, nodes: pool.nodes.map((n) => (n.id === 'lb' ? { ...n, params: { healthCheckIntervalS: 0.9178508086947172 } } : n)) };
    const sim = simulate(sketch, 0);
    // A wall-clock budget, so the old endless loop fails the test instead of hanging it.
    expect(sim.runFor(5_000, 10_000)).toBe(true);
    expect(sim.now).toBe(10_000);
    expect(sim.e2e.sent).toBeGreaterThan(9_000);
  });

  it('without health checks a dead server keeps failing its share', () => {
    const sketch = { ...pool, nodes: pool.nodes.map((n) => (n.id === 'lb' ? { ...n, params: { healthCheckIntervalS: 0 } } : n)) };
    const sim = simulate(sketch, 20.3);
    expect(Math.abs(sim.e2e.failed / 2500 - 1)).toBeLessThan(0.02);
  });
});

describe('faults', () => {
  it('slow multiplies service time: M/M/1 at 1 ms slowed ×2 has mean sojourn 2/(1 − 0.4)', () => {
    const sketch = direct({ ratePerSecond: 200 }, { workers: 1, serviceTimeMs: 1 });
    sketch.faults = [{ atS: 0, action: 'slow', target: 'api', factor: 2 }];
    const sim = simulate(sketch, 305, 5);
    expect(Math.abs(sim.e2e.latency.mean / (2 / (1 - 0.4)) - 1)).toBeLessThan(0.03);
  });

  it('addLatency adds to both directions of an edge, and ends after its duration', () => {
    const sketch = direct({ ratePerSecond: 100 }, { workers: 100, serviceTimeMs: 1, serviceDistribution: 'constant' });
    sketch.faults = [{ atS: 1, action: 'addLatency', target: 'e1', latencyMs: 10, durationS: 1 }];
    const sim = simulate(sketch, 1.5, 1.1);
    expect(sim.e2e.latency.min).toBeCloseTo(21, 6);
    expect(sim.e2e.latency.max).toBeCloseTo(21, 6);
    sim.runUntil(4000);
    expect(sim.e2e.latency.min).toBeCloseTo(1, 6);
  });

  it('cut fails every call over the edge until heal', () => {
    const sketch = direct({ ratePerSecond: 1000, arrivals: 'uniform' }, { workers: 100, serviceTimeMs: 1 });
    sketch.faults = [
      { atS: 5, action: 'cut', target: 'e1' },
      { atS: 7, action: 'heal', target: 'e1' },
    ];
    const sim = simulate(sketch, 10);
    expect(Math.abs(sim.e2e.failed - 2000)).toBeLessThanOrEqual(1);
  });

  it('spike multiplies a client’s rate for its duration', () => {
    const sketch = direct({ ratePerSecond: 1000 }, { workers: 100, serviceTimeMs: 1 });
    sketch.faults = [{ atS: 10, action: 'spike', target: 'users', factor: 3, durationS: 10 }];
    const sim = simulate(sketch, 10);
    const before = sim.e2e.sent;
    sim.runUntil(20_000);
    expect(Math.abs((sim.e2e.sent - before) / 30_000 - 1)).toBeLessThan(0.02);
    const during = sim.e2e.sent;
    sim.runUntil(30_000);
    expect(Math.abs((sim.e2e.sent - during) / 10_000 - 1)).toBeLessThan(0.03);
  });

  it('a spike applies at once, even to a client at a trickle, and its end too', () => {
    // 0.01 req/s: the pending arrival is ~100 s away. ×50,000 makes it 500 req/s from 10 s to
    // 30 s; back at 0.01 req/s, almost nothing is sent in the next 20 s.
    const sketch = direct({ ratePerSecond: 0.01 }, { workers: 1000, serviceTimeMs: 1 });
    sketch.faults = [{ atS: 10, action: 'spike', target: 'users', factor: 50_000, durationS: 20 }];
    const sim = simulate(sketch, 10);
    const before = sim.e2e.sent;
    sim.runUntil(30_000);
    // Poisson count, mean λT = 10,000: within 5 standard deviations.
    expect(Math.abs(sim.e2e.sent - before - 500 * 20)).toBeLessThan(5 * Math.sqrt(500 * 20));
    const during = sim.e2e.sent;
    sim.runUntil(50_000);
    expect(sim.e2e.sent - during).toBeLessThanOrEqual(2);
  });

  it('kill fails requests in the node and waiting for it; injectFault works live', () => {
    const sim = simulate(direct({ ratePerSecond: 900 }, { workers: 1, serviceTimeMs: 1 }), 5);
    expect(sim.injectFault({ atS: 0, action: 'kill', target: 'api' })).toBe(true);
    expect(sim.stations[1].queueLength).toBe(0);
    sim.runUntil(6000);
    expect(sim.stats[1].completed).toBeGreaterThan(0);
    const completed = sim.e2e.completed;
    sim.runUntil(7000);
    expect(sim.e2e.completed).toBe(completed);
    expect(sim.injectFault({ atS: 0, action: 'flush', target: 'api' })).toBe(false);
    expect(() => sim.injectFault({ atS: 0, action: 'kill', target: 'nope' })).toThrow(/nope/);
  });
});
