/**
 * A server's instances and autoscaling, against what queueing theory and the target-tracking
 * rule say they must do.
 */
import { describe, expect, it } from 'vitest';
import { mmcMeanResponse } from './closedForms';
import { summarize } from './report';
import { Simulation } from './simulation';
import { designOf, singleStation } from './testSupport';

const APP = 1;


/** Instances taking requests: the station's workers over each instance's. */
const serving = (sim: Simulation, workersEach = 4) => sim.stations[APP].workers / workersEach;

/** Utilisation of the app between two moments of a run. */
function utilizationBetween(sim: Simulation, fromMs: number, toMs: number): number {
  sim.runUntil(fromMs);
  const start = sim.nodeAreas(APP);
  sim.runUntil(toMs);
  const end = sim.nodeAreas(APP);
  return (end.busy - start.busy) / (end.capacity - start.capacity);
}

describe('a server’s instances', () => {
  it('share one queue: three instances of four workers are an M/M/12 queue (Erlang C)', () => {
    // 1,000 requests/s of 10 ms: ten workers' worth of work on twelve.
    const design = singleStation(1000, { instances: 3, workers: 4, serviceTimeMs: 10 });
    const sim = new Simulation(design, { warmupMs: 20_000 });
    sim.runUntil(620_000);
    const expected = mmcMeanResponse(12, 1, 0.1); // per ms: λ = 1, μ = 0.1
    expect(Math.abs(sim.stats[APP].latency.mean - expected) / expected).toBeLessThan(0.03);
    expect(sim.behaviours[APP].instances()).toBe(3);
  });

  it('are billed each: the cost is the price of one times the instances', () => {
    const design = singleStation(10, { instances: 3, costPerMonth: 70 });
    const sim = new Simulation(design);
    sim.runUntil(1000);
    expect(summarize(sim, 0).nodes.app).toMatchObject({ instances: 3, costPerMonth: 210 });
  });
});

describe('autoscaling', () => {
  /** 1,000 requests/s of 10 ms (ten workers' worth), instances of 4 workers, aiming at 60 % busy. */
  const scaling = (extra: Record<string, unknown> = {}, rate = 1000) =>
    singleStation(rate, {
      workers: 4,
      serviceTimeMs: 10,
      instances: 1,
      maxInstances: 20,
      targetUtilization: 0.6,
      scaleIntervalS: 10,
      provisionS: 5,
      ...extra,
    });

  it('settles where target tracking says: ⌈load ÷ (workers × target)⌉ = ⌈10 ÷ 2.4⌉ = 5 instances, 50 % busy', () => {
    const sim = new Simulation(scaling());
    sim.runUntil(200_000);
    expect(serving(sim)).toBe(5);
    // Holding: ⌈5 × 0.5 ÷ 0.6⌉ is 5 again, every interval.
    const busy = utilizationBetween(sim, 200_000, 400_000);
    expect(serving(sim)).toBe(5);
    expect(Math.abs(busy - 0.5)).toBeLessThan(0.02);
  });

  it('brings new instances in only after their start-up time', () => {
    const sim = new Simulation(scaling({ provisionS: 7 }));
    // The first decision, at 10 s, finds one overloaded instance and asks for ⌈1 × 1 ÷ 0.6⌉ = 2.
    sim.runUntil(10_001);
    expect(serving(sim)).toBe(1);
    expect(sim.behaviours[APP].instances()).toBe(2); // billed while starting
    sim.runUntil(16_999);
    expect(serving(sim)).toBe(1);
    sim.runUntil(17_001);
    expect(serving(sim)).toBe(2);
  });

  it('scales out for a spike and back in after it, never below Instances', () => {
    // 300/s (3 workers' worth: 2 instances at 60 %) with ×3 from 60 s to 120 s (9: 4 instances).
    const design = scaling({ instances: 2 }, 300);
    design.nodes[0].params = { ...design.nodes[0].params, traffic: 'spike', spikeFactor: 3, shapeStartS: 60, shapeEndS: 120 };
    const sim = new Simulation(design);
    sim.runUntil(55_000);
    expect(serving(sim)).toBe(2);
    sim.runUntil(115_000);
    expect(serving(sim)).toBeGreaterThanOrEqual(4);
    sim.runUntil(250_000);
    expect(serving(sim)).toBe(2);
  });

  it('keeps to Max instances however far behind it is', () => {
    const sim = new Simulation(scaling({ maxInstances: 3 }));
    sim.runUntil(120_000);
    expect(serving(sim)).toBe(3);
    expect(sim.behaviours[APP].instances()).toBe(3);
  });

  it('does nothing with Max instances at or below Instances', () => {
    const sim = new Simulation(scaling({ instances: 2, maxInstances: 1 }));
    sim.runUntil(120_000);
    expect(serving(sim)).toBe(2);
  });

  it('starts when switched on mid-run, and stops when switched off', () => {
    const design = scaling({ maxInstances: 1 });
    const sim = new Simulation(design);
    sim.runUntil(30_000);
    expect(serving(sim)).toBe(1);
    const params = design.nodes[APP].params;
    sim.setNodeParams('app', { ...params, maxInstances: 20 });
    sim.runUntil(200_000);
    expect(serving(sim)).toBe(5);
    sim.setNodeParams('app', { ...params, instances: 3, maxInstances: 3 });
    expect(serving(sim)).toBe(3);
    sim.runUntil(260_000);
    expect(serving(sim)).toBe(3);
  });

  it('repeats bit for bit, and reports its instances and their cost', () => {
    const run = () => {
      const sim = new Simulation(scaling({ costPerMonth: 70 }), { warmupMs: 5000 });
      sim.runUntil(200_000);
      return sim;
    };
    const [a, b] = [run(), run()];
    expect(a.stats[APP].latency.mean).toBe(b.stats[APP].latency.mean);
    expect(a.events).toBe(b.events);
    expect(summarize(a, 0).nodes.app.instances).toBe(5);
  });

  it('bills the instances’ average over the measured time', () => {
    // One instance until the decision at 10 s, two billed from then (one of them starting).
    const sim = new Simulation(scaling({ provisionS: 7, costPerMonth: 70 }));
    sim.runUntil(19_999);
    const average = (1 * 10_000 + 2 * 9_999) / 19_999;
    expect(summarize(sim, 0).nodes.app).toMatchObject({ instances: 2, costPerMonth: Math.round(70 * average * 100) / 100 });
    // With a warm-up, from its end: two billed all along.
    const warm = new Simulation(scaling({ provisionS: 7, costPerMonth: 70 }), { warmupMs: 12_000 });
    warm.runUntil(19_999);
    expect(summarize(warm, 0).nodes.app.costPerMonth).toBe(140);
  });

  it('measures its first interval after a warm-up from the warm-up’s end, not across the reset', () => {
    // A warm-up that ends between decisions resets the integrals autoscaling reads: a decision
    // across the reset would see no work done and scale in.
    const sim = new Simulation(scaling(), { warmupMs: 95_000 });
    sim.runUntil(94_000);
    expect(serving(sim)).toBe(5);
    // The decision at 100 s reads 95 s to 100 s: still half busy, still 5.
    sim.runUntil(100_001);
    expect(serving(sim)).toBe(5);
  });
});

describe('a design with autoscaling', () => {
  it('restores its scaling params with their defaults', () => {
    const design = designOf([{ id: 'users', kind: 'client' }, { id: 'app', kind: 'server' }], [{ from: 'users', to: 'app' }]);
    expect(design.nodes[1].params).toMatchObject({ instances: 1, maxInstances: 1, targetUtilization: 0.6, scaleIntervalS: 10, provisionS: 30 });
  });
});

describe('instances taken away while busy', () => {
  it('finish their calls before they stop counting: utilisation never reads above 100 %', () => {
    // Twelve workers, ten busy on average; then cut to four while they are busy.
    const design = singleStation(1000, { workers: 12, serviceTimeMs: 10, queueCapacity: 100 });
    const sim = new Simulation(design);
    sim.runUntil(10_000);
    expect(sim.stations[APP].busy).toBeGreaterThan(4);
    sim.setNodeParams('app', { ...design.nodes[APP].params, workers: 4 });
    sim.runUntil(12_000);
    for (const w of sim.series.since(0)) expect(w.utilization[APP]).toBeLessThanOrEqual(1);
    const { busy, capacity } = sim.nodeAreas(APP);
    expect(busy).toBeLessThanOrEqual(capacity);
  });
});

describe('workers added while a queue holds messages', () => {
  it('take messages at once, not when the next one finishes', () => {
    // A queue with a backlog in front of one 10-second worker; a second worker arrives at 1 s.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 50 } },
        { id: 'topic', kind: 'queue' },
        { id: 'worker', kind: 'server', params: { workers: 1, serviceTimeMs: 10_000, serviceDistribution: 'constant' } },
      ],
      [
        { from: 'users', to: 'topic' },
        { from: 'topic', to: 'worker' },
      ],
    );
    const sim = new Simulation(design);
    sim.runUntil(1000);
    const worker = sim.stations[2];
    expect(worker.busy).toBe(1);
    sim.setNodeParams('worker', { ...design.nodes[2].params, workers: 2 });
    expect(worker.busy).toBe(2);
  });
});
