/**
 * A server's queue order and what it does with requests whose client gave up: LIFO against
 * M/M/1's closed forms, and both under overload, where serving the oldest first answers hardly
 * anyone in time.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { singleStation } from './testSupport';
import type { Design } from '../model';

/** A simulation that keeps every answered request's end-to-end latency. */
class Recording extends Simulation {
  readonly latencies: number[] = [];
  protected override settleOk(request: number): void {
    if (this.requests.measured[request] === 1) this.latencies.push(this.now - this.requests.sentAt[request]);
    super.settleOk(request);
  }
}

function latencies(design: Design, untilS: number, warmupS: number): number[] {
  const sim = new Recording(design, { warmupMs: warmupS * 1000 });
  sim.runUntil(untilS * 1000);
  return sim.latencies;
}

const moment = (xs: number[], k: number) => xs.reduce((sum, x) => sum + x ** k, 0) / xs.length;

describe('LIFO, M/M/1 at ρ = 0.5 (λ = 500/s, μ = 1000/s)', () => {
  // Non-preemptive LIFO is work-conserving and blind to service times: the mean sojourn is FIFO's,
  // 1/(μ − λ). The wait is not: one who finds the server busy waits a busy period B (memoryless
  // service), so E[W²] = ρ·E[B²] with E[B²] = E[S²]/(1 − ρ)³ = 2/(μ²(1 − ρ)³) (Kleinrock).
  const lambda = 0.5;
  const mu = 1;
  const rho = lambda / mu;
  const lifo = latencies(singleStation(500, { workers: 1, serviceTimeMs: 1, queueOrder: 'lifo' }), 1010, 10);
  const fifo = latencies(singleStation(500, { workers: 1, serviceTimeMs: 1 }), 1010, 10);

  it('has the mean sojourn time of FIFO: 1/(μ − λ)', () => {
    expect(Math.abs(moment(lifo, 1) / (1 / (mu - lambda)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(moment(fifo, 1) / (1 / (mu - lambda)) - 1)).toBeLessThan(0.02);
  });

  it('has a larger second moment: E[T²] = E[W²] + 2E[W]E[S] + E[S²], E[W²] = 2ρ/(μ²(1 − ρ)³)', () => {
    const wait2 = (2 * rho) / (mu ** 2 * (1 - rho) ** 3);
    const wait = rho / (mu - lambda);
    const expected = wait2 + 2 * wait * (1 / mu) + 2 / mu ** 2;
    expect(expected).toBeCloseTo(12, 10);
    expect(Math.abs(moment(lifo, 2) / expected - 1)).toBeLessThan(0.04);
    // FIFO's sojourn is exponential with rate μ − λ: E[T²] = 2/(μ − λ)² = 8.
    expect(Math.abs(moment(fifo, 2) / 8 - 1)).toBeLessThan(0.03);
  });
});

describe('twice the traffic a server can take, clients giving up after 50 ms', () => {
  // 2,000 req/s evenly spaced onto one worker of a constant 1 ms: 1,000 a second can be served.
  const overloaded = (server: Record<string, unknown>) => {
    const design = singleStation(2000, { workers: 1, serviceTimeMs: 1, serviceDistribution: 'constant', ...server });
    design.nodes[0].params = { ...design.nodes[0].params, arrivals: 'uniform', timeoutMs: 50 };
    const sim = new Simulation(design, { warmupMs: 5000 });
    sim.runUntil(25_000);
    return {
      answered: sim.e2e.completed / 20,
      expired: sim.stats[1].expired / 20,
      served: sim.stats[1].completed / 20,
      latency: sim.e2e.latency,
      waiting: sim.stations[1].queueLength,
    };
  };

  it('serving the oldest first answers hardly anyone in time: the queue only grows, and each waits longer than the last', () => {
    expect(overloaded({}).answered).toBe(0);
  });

  it('skipping expired requests keeps the worker on live ones, yet the oldest live one is nearly expired: still almost no one', () => {
    const skip = overloaded({ expiredRequests: 'skip' });
    // The worker serves its 1,000 a second, each 1 ms, and drops the other 1,000 unserved…
    expect(skip.served).toBeCloseTo(1000, -1);
    expect(skip.expired).toBeCloseTo(1000, -1);
    // …but the head of the queue is always the one closest to its deadline.
    expect(skip.answered).toBeLessThan(10);
  });

  it('serving the newest first answers every one it serves at once, and skipping leaves no backlog', () => {
    for (const lifo of [overloaded({ queueOrder: 'lifo' }), overloaded({ queueOrder: 'lifo', expiredRequests: 'skip' })]) {
      expect(lifo.answered).toBeCloseTo(1000, -1);
      // The newest waits at most one service time: answered within 2 ms.
      expect(lifo.latency.quantile(0.99)).toBeLessThanOrEqual(2.02);
    }
    // Served newest first, the old ones never come up: they pile up (half of 25 s of arrivals)…
    expect(overloaded({ queueOrder: 'lifo' }).waiting).toBeGreaterThan(24_000);
    // …unless they are skipped once expired, from the old end: at most 50 ms of arrivals wait.
    const skipped = overloaded({ queueOrder: 'lifo', expiredRequests: 'skip' });
    expect(skipped.expired).toBeCloseTo(1000, -1);
    expect(skipped.waiting).toBeLessThanOrEqual(100);
  });
});
