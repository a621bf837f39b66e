/**
 * Client traffic against closed forms: the number of requests in an interval is the integral
 * of the rate over it (Poisson: within a few standard deviations, √count), for every shape.
 */
import { describe, expect, it } from 'vitest';
import { ZipfSampler } from './distributions';
import { RandomStream } from './random';
import { Simulation } from './simulation';
import { designOf } from './testSupport';

function sentBetween(client: Record<string, unknown>, fromS: number, toS: number): number {
  const design = designOf(
    [
      { id: 'users', kind: 'client', params: client },
      { id: 'app', kind: 'server', params: { workers: 1000, serviceTimeMs: 1 } },
    ],
    [{ from: 'users', to: 'app' }],
  );
  const sim = new Simulation(design);
  sim.runUntil(fromS * 1000);
  const before = sim.e2e.sent;
  sim.runUntil(toS * 1000);
  return sim.e2e.sent - before;
}

/** Poisson counts: the mean within 5 standard deviations. */
const poissonClose = (count: number, mean: number) => expect(Math.abs(count - mean)).toBeLessThan(5 * Math.sqrt(mean) + 1);

describe('traffic shapes', () => {
  it('constant: λT requests', () => poissonClose(sentBetween({ ratePerSecond: 500 }, 0, 100), 50_000));

  it('uniform arrivals are evenly spaced: exactly λT', () => {
    expect(sentBetween({ ratePerSecond: 250, arrivals: 'uniform' }, 0, 40)).toBe(10_000);
  });

  it('ramp: the area under a straight line, then the new rate', () => {
    const ramp = { ratePerSecond: 100, traffic: 'ramp', rampToRatePerSecond: 900, shapeStartS: 10, shapeEndS: 30 };
    poissonClose(sentBetween(ramp, 10, 30), ((100 + 900) / 2) * 20);
    poissonClose(sentBetween(ramp, 30, 60), 900 * 30);
    poissonClose(sentBetween(ramp, 0, 10), 100 * 10);
  });

  it('spike: the rate × k between the two times', () => {
    const spike = { ratePerSecond: 200, traffic: 'spike', spikeFactor: 5, shapeStartS: 20, shapeEndS: 30 };
    poissonClose(sentBetween(spike, 20, 30), 1000 * 10);
    poissonClose(sentBetween(spike, 30, 50), 200 * 20);
  });

  it('sine: over whole periods the mean rate is the base rate', () => {
    const sine = { ratePerSecond: 400, traffic: 'sine', sineAmplitude: 0.8, periodS: 20 };
    poissonClose(sentBetween(sine, 0, 100), 400 * 100);
    // First half-period: ∫ λ(1 + a sin(2πt/P)) dt = λ(P/2 + aP/π).
    poissonClose(sentBetween(sine, 0, 10), 400 * (10 + (0.8 * 20) / Math.PI));
  });

  it('a ramp down to zero stops sending (and does not hang)', () => {
    const down = { ratePerSecond: 300, traffic: 'ramp', rampToRatePerSecond: 0, shapeStartS: 5, shapeEndS: 10 };
    expect(sentBetween(down, 10, 1000)).toBe(0);
    poissonClose(sentBetween(down, 5, 10), 150 * 5);
    expect(sentBetween({ ...down, arrivals: 'uniform' }, 10, 1000)).toBe(0);
  });

  it('a spike of ×0 is an outage: nothing is sent inside it, traffic resumes after', () => {
    const outage = { ratePerSecond: 300, traffic: 'spike', spikeFactor: 0, shapeStartS: 5, shapeEndS: 15 };
    expect(sentBetween(outage, 5.01, 15)).toBe(0);
    poissonClose(sentBetween(outage, 15, 35), 300 * 20);
  });
});

describe('several clients and live rates', () => {
  it('two Poisson clients merge into one Poisson stream: each sends its own λT, and an M/M/1 behind them sees λ₁ + λ₂', () => {
    const design = designOf(
      [
        { id: 'web', kind: 'client', params: { ratePerSecond: 300 } },
        { id: 'mobile', kind: 'client', params: { ratePerSecond: 700 } },
        { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 0.5 } },
      ],
      [
        { from: 'web', to: 'app' },
        { from: 'mobile', to: 'app' },
      ],
    );
    const sim = new Simulation(design, { warmupMs: 5_000 });
    sim.runUntil(205_000);
    poissonClose(sim.stats[0].arrivals, 300 * 200);
    poissonClose(sim.stats[1].arrivals, 700 * 200);
    // M/M/1 with λ = 1000/s and μ = 2000/s: mean time in system 1/(μ − λ) = 1 ms.
    expect(Math.abs(sim.e2e.latency.mean / 1 - 1)).toBeLessThan(0.03);
  });

  it('a rate raised live applies at once, from 0 as from a trickle', () => {
    for (const from of [0, 0.01]) {
      const design = designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: from } },
          { id: 'app', kind: 'server', params: { workers: 1000, serviceTimeMs: 1 } },
        ],
        [{ from: 'users', to: 'app' }],
      );
      const sim = new Simulation(design);
      sim.runUntil(1_000);
      const client = design.nodes[0];
      sim.setNodeParams(client.id, { ...client.params, ratePerSecond: 500 });
      const before = sim.e2e.sent;
      sim.runUntil(21_000);
      poissonClose(sim.e2e.sent - before, 500 * 20);
    }
  });
});

describe('keys', () => {
  it('Zipf ranks follow k^−s / H(n, s) (chi-square style check on the head)', () => {
    const n = 1000;
    const s = 1.1;
    const zipf = new ZipfSampler(n, s);
    const rng = new RandomStream(9, 'zipf');
    const draws = 400_000;
    const counts = new Array(n + 1).fill(0);
    for (let i = 0; i < draws; i++) counts[zipf.sample(() => rng.next())]++;
    let h = 0;
    for (let k = 1; k <= n; k++) h += k ** -s;
    for (const k of [1, 2, 3, 5, 10, 50, 100]) {
      const expected = (draws * k ** -s) / h;
      expect(Math.abs(counts[k] - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
    expect(counts[0]).toBe(0);
  });
});
