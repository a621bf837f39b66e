import { describe, expect, it } from 'vitest';
import { erlangC } from '../engine/closedForms';
import { designOf } from '../engine/testSupport';
import { compareCapacity } from './capacity';

describe('comparing by capacity', () => {
  it('a server’s workers: each value carries the load at which its M/M/c sojourn time’s p99 reaches the target', () => {
    const design = {
      ...designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
          { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 10 } },
        ],
        [{ from: 'users', to: 'app' }],
      ),
      run: { durationS: 600, warmupS: 10 },
    };
    const seen: unknown[] = [];
    const result = compareCapacity(design, { target: 'app', key: 'workers' }, [1, 2, 0], { p99Ms: 100, errorRate: 0.01, queueLagMs: 1000 }, (v) => seen.push(v.value));
    expect(seen).toEqual([1, 2, 0]);
    const [one, two, none] = result.variants;
    if (!one.ok || !two.ok) throw new Error('a variant did not run');
    // One worker of 10 ms: p99 = ln 100 / (μ − λ) ≤ 100 ms at λ = 100 − 46.05 ≈ 54 req/s.
    expect(Math.abs(one.carriedPerSecond! - 53.95) / 53.95).toBeLessThan(0.05);
    // Two: the sojourn is the M/M/2 wait (none with probability 1 − C, else exponential at rate
    // θ = 2μ − λ) plus an exponential service, so P(T > t) = (1 − C)e^(−μt) + C(μe^(−θt) − θe^(−μt))/(μ − θ);
    // solved here for P(T > 100 ms) = 1 %: λ ≈ 152 req/s, more than twice one worker's (pooling).
    const mu = 100;
    const tail = (lambda: number) => {
      const c = erlangC(2, lambda / mu);
      const theta = 2 * mu - lambda;
      return (1 - c) * Math.exp(-mu * 0.1) + (c * (mu * Math.exp(-theta * 0.1) - theta * Math.exp(-mu * 0.1))) / (mu - theta);
    };
    let lo = 1;
    let hi = 199.9;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (tail(mid) < 0.01) lo = mid;
      else hi = mid;
    }
    expect(Math.abs(two.carriedPerSecond! - lo) / lo).toBeLessThan(0.05);
    expect(two.carriedPerSecond!).toBeGreaterThan(2 * one.carriedPerSecond!);
    expect(one.limit?.nodeId).toBe('app');
    expect(none).toEqual({ value: 0, ok: false, problem: expect.stringMatching(/workers/i) });
  });
});
