/**
 * The inspector's queueing theory against the textbook: each expected wait is computed here from
 * the nominal rates with the closed form, and both the node's prediction (from measured
 * arrivals) and its measured wait (by Little's law) must land on it.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { runDesign } from '../engine';
import { erlangC } from '../engine/closedForms';
import { designOf, singleStation } from '../engine/testSupport';
import { stationTheory } from './queueing';

const within = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / expected, `got ${actual}, expected ${expected} ± ${relative * 100} %`).toBeLessThan(relative);

function theoryOf(design: Design, id: string, durationS: number) {
  const summary = runDesign(design, { durationS, warmupS: 20 });
  return stationTheory(design, design.nodes.find((n) => n.id === id)!, summary.nodes[id], summary.durationS);
}

describe('queueing theory beside a node', () => {
  it('M/M/4 at ρ = 0.8: Erlang C’s mean wait C(4, 3.2) ÷ (4 − 3.2) × 1 ms', () => {
    const t = theoryOf(singleStation(3200, { workers: 4, serviceTimeMs: 1 }), 'app', 300)!;
    const expected = erlangC(4, 3.2) / (4 - 3.2); // ≈ 0.745 ms
    expect(t.model).toBe('M/M/4');
    expect(t.method).toBe('Erlang C');
    within(t.predictedWaitMs!, expected, 0.03);
    within(t.measuredWaitMs, expected, 0.05);
    within(t.utilization, 0.8, 0.01);
    expect(t.saturatesAtPerSecond).toBe(4000);
  });

  it('M/D/1 at ρ = 0.7: Pollaczek–Khinchine’s ρS ÷ 2(1 − ρ)', () => {
    const t = theoryOf(singleStation(70, { workers: 1, serviceTimeMs: 10, serviceDistribution: 'constant' }), 'app', 3000)!;
    const expected = (0.7 * 10) / (2 * 0.3); // 11.67 ms
    expect(t.model).toBe('M/D/1');
    expect(t.method).toBe('Pollaczek–Khinchine');
    within(t.predictedWaitMs!, expected, 0.03);
    within(t.measuredWaitMs, expected, 0.05);
  });

  it('M/G/1 with lognormal work (cv 2) at ρ = 0.5: ρS(1 + cv²) ÷ 2(1 − ρ)', () => {
    const t = theoryOf(singleStation(50, { workers: 1, serviceTimeMs: 10, serviceDistribution: 'lognormal', serviceTimeCv: 2 }), 'app', 6000)!;
    const expected = (0.5 * 10 * 5) / (2 * 0.5); // 25 ms
    expect(t.model).toBe('M/G/1');
    within(t.predictedWaitMs!, expected, 0.03);
    within(t.measuredWaitMs, expected, 0.1);
  });

  it('predicts nothing for a node offered more than it can serve, and says where it saturates', () => {
    const t = theoryOf(singleStation(120, { workers: 1, serviceTimeMs: 10 }), 'app', 60)!;
    expect(t.predictedWaitMs).toBeNull();
    within(t.utilization, 1.2, 0.03);
    expect(t.saturatesAtPerSecond).toBe(100);
  });

  it('leaves out what one station does not describe', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 200 } },
        { id: 'blocking', kind: 'server', params: { callMode: 'blocking' } },
        { id: 'scaling', kind: 'server', params: { maxInstances: 4 } },
        { id: 'db', kind: 'database', params: { replicas: 1, readTimeMs: 5, writeTimeMs: 5 } },
        { id: 'mixed', kind: 'database', params: { readTimeMs: 2, writeTimeMs: 10 } },
      ],
      [
        { from: 'users', to: 'blocking' },
        { from: 'blocking', to: 'scaling' },
        { from: 'scaling', to: 'db' },
        { from: 'scaling', to: 'mixed' },
      ],
    );
    const summary = runDesign(design, { durationS: 20, warmupS: 1 });
    for (const id of ['users', 'blocking', 'scaling', 'db', 'mixed']) {
      expect(summary.nodes[id].arrivals + summary.nodes[id].completed, id).toBeGreaterThan(200);
      expect(stationTheory(design, design.nodes.find((n) => n.id === id)!, summary.nodes[id], summary.durationS), id).toBeNull();
    }
    // The same server without calls to wait on is one station again; too few arrivals say nothing.
    const app = design.nodes.find((n) => n.id === 'scaling')!;
    const fixed = { ...app, params: { ...app.params, maxInstances: 1 } };
    expect(stationTheory(design, fixed, summary.nodes.scaling, summary.durationS)).not.toBeNull();
    expect(stationTheory(design, fixed, { ...summary.nodes.scaling, arrivals: 150 }, summary.durationS)).toBeNull();
  });
});
