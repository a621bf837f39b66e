/**
 * The engine against queueing theory's closed forms. Each expected value is computed here from
 * the textbook formula, never from the engine; runs are long enough that sampling error sits
 * well inside the tolerance (relative error of a few percent).
 */
import { describe, expect, it } from 'vitest';
import { mmcMeanResponse } from './closedForms';
import { runDesign } from './run';
import { designOf, singleStation } from './testSupport';

const within = (actual: number, expected: number, relative: number) => {
  expect(Math.abs(actual - expected) / expected, `got ${actual}, expected ${expected} ± ${relative * 100} %`).toBeLessThan(
    relative,
  );
};


describe('M/M/1 (λ = 700/s, μ = 1000/s, ρ = 0.7)', () => {
  const lambda = 0.7; // per ms
  const mu = 1;
  const s = runDesign(singleStation(700, { workers: 1, serviceTimeMs: 1 }), { durationS: 3000, warmupS: 10 });
  // Sojourn time in M/M/1 is exponential with rate μ − λ.
  const meanSojourn = 1 / (mu - lambda);

  it('mean response time is 1/(μ − λ)', () => within(s.endToEnd.latencyMs.mean, meanSojourn, 0.02));
  it('p50 and p99 follow the exponential sojourn distribution', () => {
    within(s.endToEnd.latencyMs.p50, Math.log(2) * meanSojourn, 0.03);
    within(s.endToEnd.latencyMs.p99, Math.log(100) * meanSojourn, 0.03);
  });
  it('utilisation is ρ and mean queue length is ρ²/(1 − ρ)', () => {
    within(s.nodes.app.utilization, 0.7, 0.01);
    within(s.nodes.app.meanQueueLength, 0.7 ** 2 / 0.3, 0.04);
  });
  it('throughput equals the arrival rate', () => within(s.endToEnd.throughputPerSecond, 700, 0.01));
});

describe('M/M/c via Erlang C (c = 4, a = 3.2, ρ = 0.8)', () => {
  const c = 4;
  const lambda = 3.2; // per ms
  const mu = 1;
  const s = runDesign(singleStation(3200, { workers: c, serviceTimeMs: 1 }), { durationS: 1500, warmupS: 10 });
  it('mean response time is C(c, a)/(cμ − λ) + 1/μ', () => {
    const expected = mmcMeanResponse(c, lambda, mu);
    within(s.endToEnd.latencyMs.mean, expected, 0.02);
  });
  it('utilisation is λ/(cμ)', () => within(s.nodes.app.utilization, 0.8, 0.01));
});

describe('M/D/1 and M/G/1 via Pollaczek–Khinchine', () => {
  it('M/D/1 (ρ = 0.7): W = S + ρS/(2(1 − ρ))', () => {
    const s = runDesign(singleStation(700, { workers: 1, serviceTimeMs: 1, serviceDistribution: 'constant' }), {
      durationS: 2000,
      warmupS: 10,
    });
    within(s.endToEnd.latencyMs.mean, 1 + 0.7 / (2 * 0.3), 0.02);
  });

  it('M/G/1 with lognormal service (cv = 1.5, ρ = 0.5): W = S + λE[S²]/(2(1 − ρ))', () => {
    const cv = 1.5;
    const lambda = 0.5;
    const secondMoment = 1 + cv * cv; // E[S²] = Var + mean² with mean 1 ms
    const s = runDesign(
      singleStation(500, { workers: 1, serviceTimeMs: 1, serviceDistribution: 'lognormal', serviceTimeCv: cv }),
      { durationS: 4000, warmupS: 10 },
    );
    within(s.endToEnd.latencyMs.mean, 1 + (lambda * secondMoment) / (2 * (1 - 0.5)), 0.03);
  });
});

describe('M/M/1/K blocking (ρ = 0.9, K = 5: one in service, four waiting)', () => {
  const rho = 0.9;
  const K = 5;
  const s = runDesign(singleStation(900, { workers: 1, serviceTimeMs: 1, queueCapacity: K - 1 }), {
    durationS: 1000,
    warmupS: 10,
  });
  const blocking = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));

  it('the fraction dropped is (1 − ρ)ρ^K / (1 − ρ^(K+1))', () => {
    within(s.nodes.app.dropped / s.nodes.app.arrivals, blocking, 0.02);
    within(s.endToEnd.failed / s.endToEnd.sent, blocking, 0.02);
  });
  it('every failure is a drop and the throughput is λ(1 − P_K)', () => {
    expect(s.nodes.app.dropped).toBe(s.nodes.app.failed);
    within(s.endToEnd.throughputPerSecond, 900 * (1 - blocking), 0.01);
  });
});

describe('Tandem (Jackson) network', () => {
  it('two M/M/1 stations in series: W = 1/(μ₁ − λ) + 1/(μ₂ − λ)', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 600 } },
        { id: 'a', kind: 'server', params: { workers: 1, serviceTimeMs: 0.5 } },
        { id: 'b', kind: 'server', params: { workers: 1, serviceTimeMs: 1 } },
      ],
      [
        { from: 'users', to: 'a' },
        { from: 'a', to: 'b' },
      ],
    );
    const s = runDesign(design, { durationS: 2000, warmupS: 10 });
    within(s.endToEnd.latencyMs.mean, 1 / (2 - 0.6) + 1 / (1 - 0.6), 0.02);
    within(s.nodes.a.utilization, 0.3, 0.02);
    within(s.nodes.b.utilization, 0.6, 0.02);
  });

  it('edge latency adds twice per hop (there and back)', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'a', kind: 'server', params: { workers: 100, serviceTimeMs: 2, serviceDistribution: 'constant' } },
      ],
      [{ from: 'users', to: 'a', params: { latencyMs: 7 } }],
    );
    const s = runDesign(design, { durationS: 20, warmupS: 1 });
    expect(s.endToEnd.latencyMs.mean).toBeCloseTo(2 + 2 * 7, 9);
    expect(s.endToEnd.latencyMs.max).toBeCloseTo(16, 9);
  });
});

describe('Blocking calls hold the worker (thread-pool exhaustion)', () => {
  const design = (callMode: string) =>
    designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'api', kind: 'server', params: { workers: 4, serviceTimeMs: 2, serviceDistribution: 'constant', callMode } },
        { id: 'slow', kind: 'server', params: { workers: 1000, serviceTimeMs: 20, serviceDistribution: 'constant' } },
      ],
      [
        { from: 'users', to: 'api' },
        { from: 'api', to: 'slow' },
      ],
    );

  it('by Little’s law a blocking worker is busy λ(S_own + S_downstream)/c, an async one λS_own/c', () => {
    const blocking = runDesign(design('blocking'), { durationS: 500, warmupS: 5 });
    const async = runDesign(design('async'), { durationS: 500, warmupS: 5 });
    within(blocking.nodes.api.utilization, (0.1 * (2 + 20)) / 4, 0.03);
    within(async.nodes.api.utilization, (0.1 * 2) / 4, 0.03);
  });
});
