import { describe, expect, it } from 'vitest';
import { design, simulate, type Sketch } from '../testDesigns';

function limited(algorithm: string, offered: number, rate: number, burst = 20, arrivals = 'poisson'): Sketch {
  return {
    nodes: [
      { id: 'users', kind: 'client', params: { ratePerSecond: offered, arrivals } },
      { id: 'limiter', kind: 'rateLimiter', params: { algorithm, ratePerSecond: rate, burst } },
      { id: 'api', kind: 'server', params: { workers: 100, serviceTimeMs: 1 } },
    ],
    edges: [
      { source: 'users', target: 'limiter' },
      { source: 'limiter', target: 'api' },
    ],
  };
}

/** Requests per second that got past the limiter, measured after a warm-up. */
function admitted(sketch: Sketch, seconds = 60) {
  const sim = simulate(sketch, seconds + 5, 5);
  return { perS: sim.stats[2].arrivals / seconds, sim };
}

describe('rate limiter', () => {
  for (const algorithm of ['tokenBucket', 'leakyBucket', 'fixedWindow', 'slidingWindow']) {
    it(`${algorithm} admits min(offered, rate) when overloaded, and rejects the rest with a count`, () => {
      const { perS, sim } = admitted(limited(algorithm, 500, 200));
      expect(Math.abs(perS / 200 - 1)).toBeLessThan(0.02);
      const rejected = sim.stats[1].rejected;
      expect(Math.abs(rejected / 60 / 300 - 1)).toBeLessThan(0.03);
      // A rejected request fails at once: end-to-end failures are the rejections.
      expect(sim.e2e.failed).toBe(rejected);
    });
  }

  it('token bucket passes everything (but rare bursts) when offered less than the rate', () => {
    const { perS } = admitted(limited('tokenBucket', 100, 200, 20, 'uniform'));
    expect(Math.abs(perS / 100 - 1)).toBeLessThan(0.01);
  });

  it('token bucket admits a burst of `burst` at once above the rate', () => {
    // 10 000 req/s offered to a limiter of 1/s with a burst of 50: the first 0.1 s admits the 50 tokens.
    const sim = simulate(limited('tokenBucket', 10_000, 1, 50, 'uniform'), 0.1);
    expect(sim.stats[2].arrivals).toBe(50);
  });

  it('a token bucket whose rate is raised live earns tokens at the old rate until then', () => {
    // One request a second, exactly on the second, against a bucket at rate 0: its 5 tokens go
    // at once, then nothing passes. Raised to 0.5/s at 100.5 s, it earns 1.25 tokens by 103 s
    // and admits at 103, 105, …, 119 s: 9 in the next 20 s. Crediting the half second before
    // the change at the new rate would admit at 102, 104, …, 120 s: 10.
    const sketch = limited('tokenBucket', 1, 0, 5, 'uniform');
    const sim = simulate(sketch, 100.5);
    expect(sim.stats[2].arrivals).toBe(5);
    const limiter = design(sketch).nodes[1];
    sim.setNodeParams(limiter.id, { ...limiter.params, ratePerSecond: 0.5 });
    sim.runUntil(120_500);
    expect(sim.stats[2].arrivals - 5).toBe(9);
  });
});
