import { describe, expect, it } from 'vitest';
import { runDesign } from '../engine';
import { mmcMeanResponse } from '../engine/closedForms';
import { balancedPool, designOf, restored, singleStation } from '../engine/testSupport';
import { compareValues, withParam } from './compare';


describe('comparing values of one param', () => {
  it('gives each run of an M/M/c server the mean response time Erlang C predicts', () => {
    // 60 requests/s, 10 ms each: one worker is 60 % busy, more wait less.
    const design = { ...singleStation(60, { workers: 1, serviceTimeMs: 10 }), run: { durationS: 4000, warmupS: 10 } };
    const result = compareValues(design, { target: 'app', key: 'workers' }, [1, 2, 4]);
    const lambda = 0.06; // per ms
    const mu = 0.1;
    for (const variant of result.variants) {
      if (!variant.ok) throw new Error(variant.problem);
      const c = variant.value as number;
      const expected = mmcMeanResponse(c, lambda, mu);
      expect(Math.abs(variant.latencyMs.mean - expected) / expected).toBeLessThan(0.03);
    }
  });

  it('runs every value with the same requests: a row is the run of the design with that value', () => {
    const design = balancedPool(900, 'roundRobin', 3, { workers: 2, serviceTimeMs: 5 });
    const result = compareValues(design, { target: 'lb', key: 'algorithm' }, ['roundRobin', 'leastConnections', 'roundRobin']);
    const [first, second, again] = result.variants;
    if (!first.ok || !second.ok) throw new Error('a variant failed');
    // The same value twice gives the same figures, bit for bit, and the same requests were sent.
    expect(again).toEqual(first);
    expect(second.sent).toBe(first.sent);
    const direct = runDesign(withParam(design, { target: 'lb', key: 'algorithm' }, 'leastConnections'), {
      ...design.run,
      seed: design.seed,
    });
    expect(second.latencyMs.p99).toBe(direct.endToEnd.latencyMs.p99);
    expect(result.run).toEqual({ durationS: design.run.durationS, warmupS: design.run.warmupS, seed: design.seed });
  });

  it('reports a value the design cannot take, and runs the others', () => {
    const design = singleStation(10, {});
    const result = compareValues(design, { target: 'app', key: 'workers' }, [0, 2]);
    expect(result.variants[0]).toEqual({ value: 0, ok: false, problem: expect.stringMatching(/workers/) });
    expect(result.variants[1].ok).toBe(true);
  });

  it('varies an edge’s param as well as a node’s', () => {
    const design = restored(singleStation(10, { serviceDistribution: 'constant' }));
    const edge = design.edges[0].id;
    const result = compareValues(design, { target: edge, key: 'latencyMs' }, [0, 5]);
    const [none, five] = result.variants;
    if (!none.ok || !five.ok) throw new Error('a variant failed');
    // 5 ms each way on the only edge: 10 ms more on every request.
    expect(five.latencyMs.mean - none.latencyMs.mean).toBeCloseTo(10, 1);
  });

  it('gives each row its p99 second by second, the seconds of a slowdown standing out', () => {
    // Evenly spaced requests, a constant 5 ms, never a wait: every second's p99 is 5 ms, and
    // 50 ms while a fault makes the server ten times slower (from 10 s to 14 s).
    const design = {
      ...designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 100, arrivals: 'uniform' } },
          { id: 'app', kind: 'server', params: { workers: 10, serviceTimeMs: 5, serviceDistribution: 'constant' } },
        ],
        [{ from: 'users', to: 'app' }],
      ),
      run: { durationS: 20, warmupS: 2 },
      faults: [{ atS: 10, action: 'slow' as const, target: 'app', factor: 10, durationS: 4 }],
    };
    const [row] = compareValues(design, { target: 'app', key: 'workers' }, [10]).variants;
    if (!row.ok) throw new Error(row.problem);
    // One value per measured second: those ending at 3 s … 22 s.
    expect(row.p99PerSecond).toHaveLength(20);
    const at = (tS: number) => row.p99PerSecond[tS - 3]!;
    const near = (value: number, expected: number) => Math.abs(value - expected) / expected < 0.004;
    for (let t = 3; t <= 10; t++) expect(near(at(t), 5)).toBe(true);
    // Requests that started in the slowdown take 50 ms, the last of them ending just after 14 s.
    for (let t = 11; t <= 15; t++) expect(near(at(t), 50)).toBe(true);
    for (let t = 16; t <= 22; t++) expect(near(at(t), 5)).toBe(true);
  });

  it('leaves a second in which nothing was answered empty, not 0', () => {
    const design = { ...singleStation(50, { serviceTimeMs: 2 }), run: { durationS: 10, warmupS: 0 }, faults: [{ atS: 3, action: 'kill' as const, target: 'app', durationS: 3 }] };
    const [row] = compareValues(design, { target: 'app', key: 'workers' }, [1]).variants;
    if (!row.ok) throw new Error(row.problem);
    // Down from 3 s to 6 s: the seconds ending at 5 and 6 s answered nothing.
    expect(row.p99PerSecond[4]).toBeNull();
    expect(row.p99PerSecond[5]).toBeNull();
    expect(row.p99PerSecond[1]).toBeGreaterThan(0);
    expect(row.p99PerSecond[8]).toBeGreaterThan(0);
  });
});
