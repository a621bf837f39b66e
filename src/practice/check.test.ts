import { describe, expect, it } from 'vitest';
import { restored } from '../engine/testSupport';
import { checkDesign, errorRate } from './check';
import { fixedParams, ruleBreaks } from './rules';
import type { Requirement, Scenario } from './types';

/** Users → one server; `server` params on top of the catalogue's. */
function oneServer(client: Record<string, unknown>, server: Record<string, unknown> = {}) {
  return restored({
    name: 'one server',
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, params: client },
      { id: 'app', kind: 'server', label: 'App', position: { x: 300, y: 0 }, params: server },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'app', params: {} }],
  });
}

function scenarioOf(start: ReturnType<typeof oneServer>, requirements: Requirement[], hardware?: Scenario['hardware']): Scenario {
  return {
    id: 'test',
    title: 'Test',
    level: 'core',
    summary: '',
    brief: [],
    start,
    answer: start,
    hardware,
    check: { durationS: 60, warmupS: 5, seed: 1 },
    requirements,
    hints: [],
  };
}

describe('the brief’s rules', () => {
  it('fixes the catalogue’s instance, with the brief’s own hardware on top', () => {
    expect(fixedParams('server')).toEqual({
      workers: 4,
      serviceTimeMs: 10,
      serviceDistribution: 'exponential',
      serviceTimeCv: 1,
      errorRate: 0,
      costPerMonth: 70.08,
    });
    expect(fixedParams('database', { database: { workers: 4 } }).workers).toBe(4);
  });

  it('names each fixed param the design changed, and leaves the design’s own choices alone', () => {
    const start = oneServer({ ratePerSecond: 100 });
    const changed = oneServer(
      { ratePerSecond: 50, timeoutMs: 200, retries: 2 },
      { workers: 16, costPerMonth: 0, queueCapacity: 10, callMode: 'blocking' },
    );
    const breaks = ruleBreaks(changed, { start }).map((b) => `${b.nodeId}.${b.key}: ${b.value} for ${b.fixed}`);
    expect(breaks.sort()).toEqual(['app.costPerMonth: 0 for 70.08', 'app.workers: 16 for 4', 'users.ratePerSecond: 50 for 100']);
  });

  it('fixes more of the brief’s own nodes where the brief says so (an app’s shipped retries)', () => {
    const start = oneServer({ ratePerSecond: 100, timeoutMs: 300, retries: 3 });
    const changed = oneServer({ ratePerSecond: 100, timeoutMs: 300, retries: 0, retryBudgetPercent: 10 });
    const breaks = ruleBreaks(changed, { start, fixes: { client: ['timeoutMs', 'retries'] } }).map((b) => `${b.nodeId}.${b.key}: ${b.value} for ${b.fixed}`);
    expect(breaks).toEqual(['users.retries: 0 for 3']);
  });
});

describe('checking a design', () => {
  it('fails the rules when the traffic is changed, whatever the figures', () => {
    const start = oneServer({ ratePerSecond: 100 });
    const result = checkDesign(oneServer({ ratePerSecond: 10 }), scenarioOf(start, []));
    expect(result.ok && result.passed).toBe(false);
    expect(result.ok && result.results[0].measured).toBe('Users’s rate is 10, the brief’s 100');
  });

  it('fails the rules when the brief’s client is gone', () => {
    const start = oneServer({ ratePerSecond: 100 });
    const renamed = restored({
      ...start,
      nodes: start.nodes.map((n) => (n.id === 'users' ? { ...n, id: 'people' } : n)),
      edges: [{ id: 'e1', source: 'people', target: 'app', params: {} }],
    });
    const result = checkDesign(renamed, scenarioOf(start, []));
    expect(result.ok && result.results[0]).toMatchObject({ passed: false, measured: 'Users is missing: the brief’s traffic comes from it' });
  });

  it('measures p99 where every request takes exactly the service time', () => {
    // Evenly spaced arrivals 100 ms apart, a constant 10 ms of work: no request ever waits.
    const design = oneServer({ ratePerSecond: 10, arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const hardware = { server: { serviceDistribution: 'constant' } };
    const pass = checkDesign(design, scenarioOf(design, [{ kind: 'p99', maxMs: 10.2 }], hardware));
    const fail = checkDesign(design, scenarioOf(design, [{ kind: 'p99', maxMs: 9.8 }], hardware));
    expect(pass.ok && pass.passed).toBe(true);
    expect(fail.ok && fail.results[1]).toMatchObject({ passed: false, label: 'p99 latency at most 9.8 ms' });
  });

  it('counts requests left waiting past the bound as slower than it: newest-first under overload does not pass', () => {
    // 150 req/s, evenly spaced, onto one worker of a constant 10 ms (100 req/s). Served newest
    // first, the answered take about 10 ms while a backlog of 50 more a second never is.
    const hardware = { server: { serviceDistribution: 'constant', workers: 1 } };
    const lifo = oneServer({ ratePerSecond: 150, arrivals: 'uniform' }, { workers: 1, serviceDistribution: 'constant', queueOrder: 'lifo' });
    const result = checkDesign(lifo, scenarioOf(lifo, [{ kind: 'p99', maxMs: 100 }, { kind: 'errorRate', max: 0.001 }], hardware));
    if (!result.ok) throw new Error(result.problems.join('; '));
    const [, p99, errors] = result.results;
    expect(errors.passed).toBe(true); // nothing failed: the backlog simply waits
    expect(p99.passed).toBe(false);
    // Measured requests (sent in the 60 s after the warm-up) never answered and sent before the
    // last 100 ms: 50 a second for 59.9 s.
    const overdue = Number(/^p99 [\d.]+ ms of those answered, and ([\d,]+) still unanswered after 100 ms$/.exec(p99.measured)?.[1].replaceAll(',', ''));
    expect(Math.abs(overdue - 50 * 59.9)).toBeLessThan(20);
  });

  it('measures the median of every second: constant where nothing waits, nothing once the only server is lost', () => {
    const design = oneServer({ ratePerSecond: 10, arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const hardware = { server: { serviceDistribution: 'constant' } };
    const steady = (maxMs: number) => checkDesign(design, scenarioOf(design, [{ kind: 'p50EverySecond', maxMs }], hardware));
    const pass = steady(10.2);
    expect(pass.ok && pass.results[1]).toMatchObject({ passed: true, measured: expect.stringMatching(/: p50 10 ms$/) });
    expect(steady(9.8).ok && (steady(9.8) as { results: { passed: boolean }[] }).results[1].passed).toBe(false);
    const lost = checkDesign(
      design,
      scenarioOf(design, [
        { kind: 'p50EverySecond', maxMs: 1000 },
        { kind: 'survivesLoss', of: 'server', atS: 35, maxErrorRate: 1, maxP99Ms: 1e9 },
      ], hardware),
    );
    expect(lost.ok && lost.results[1].passed).toBe(true);
    // The loss is only in the loss requirement's own run: the main run is untouched.
    expect(lost.ok && lost.results[2]).toMatchObject({ passed: true, measured: expect.stringMatching(/: 50(\.\d+)? % failed/) });
  });

  it('measures the p99 of every second the same way: constant where nothing waits', () => {
    const design = oneServer({ ratePerSecond: 10, arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const brief = (maxMs: number) => scenarioOf(design, [{ kind: 'p99EverySecond', maxMs }], { server: { serviceDistribution: 'constant' } });
    const pass = checkDesign(design, brief(10.2));
    expect(pass.ok && pass.results[1]).toMatchObject({ passed: true, label: 'p99 latency at most 10.2 ms in every second', measured: expect.stringMatching(/: p99 10 ms$/) });
    const fail = checkDesign(design, brief(9.8));
    expect(fail.ok && fail.results[1].passed).toBe(false);
  });

  it('says a second in which nothing was answered fails the median, whatever its bound', () => {
    const design = oneServer({ ratePerSecond: 10, arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const brief = { ...scenarioOf(design, [{ kind: 'p50EverySecond', maxMs: 1e6 }], { server: { serviceDistribution: 'constant' } }) };
    const result = checkDesign(design, { ...brief, faults: [{ atS: 35, action: 'kill', target: 'app' }] });
    expect(result.ok && result.results[1]).toMatchObject({ passed: false, measured: 'nothing was answered in the second ending at 36 s' });
  });

  it('measures every second from a time on: down for five seconds, itself again after', () => {
    const design = oneServer({ ratePerSecond: 10, arrivals: 'uniform' }, { serviceDistribution: 'constant' });
    const hardware = { server: { serviceDistribution: 'constant' } };
    // Lost from 35 s to 40 s: every request sent meanwhile is refused at once.
    const recovers = (fromS: number, maxP99Ms: number) => {
      const brief = scenarioOf(design, [{ kind: 'recovers', fromS, maxP99Ms, maxErrorRate: 0 }], hardware);
      const result = checkDesign(design, { ...brief, faults: [{ atS: 35, action: 'kill', target: 'app', durationS: 5 }] });
      if (!result.ok) throw new Error(result.problems.join());
      return result.results[1];
    };
    expect(recovers(40, 10.2)).toEqual({
      requirement: 'recovers',
      label: 'From 40 s on, in every second: p99 at most 10.2 ms, errors at most 0 %',
      passed: true,
      measured: 'worst, the second ending at 41 s: p99 10 ms, 0 % failed',
    });
    expect(recovers(39, 10.2)).toMatchObject({ passed: false, measured: 'nothing was answered in the second ending at 40 s' });
    expect(recovers(40, 9.8)).toMatchObject({ passed: false, measured: expect.stringMatching(/: p99 10 ms, 0 % failed$/) });
  });

  it('sums the instances’ list prices', () => {
    const design = oneServer({ ratePerSecond: 10 });
    const result = checkDesign(design, scenarioOf(design, [{ kind: 'cost', maxPerMonth: 70 }]));
    expect(result.ok && result.results[1]).toEqual({ requirement: 'cost', label: 'Costs at most $70 a month', passed: false, measured: '$70 a month' });
    const enough = checkDesign(design, scenarioOf(design, [{ kind: 'cost', maxPerMonth: 70.08 }]));
    expect(enough.ok && enough.passed).toBe(true);
  });

  it('loses each node of the kind in turn: the only server, lost halfway, fails the requests sent after', () => {
    const design = oneServer({ ratePerSecond: 200 });
    const loss: Requirement = { kind: 'survivesLoss', of: 'server', atS: 35, maxErrorRate: 0.01, maxP99Ms: 1000 };
    const result = checkDesign(design, scenarioOf(design, [loss]));
    if (!result.ok) throw new Error(result.problems.join());
    // Measured from 5 s to 65 s; from 35 s every request is refused: half of them.
    const measured = result.results[1].measured;
    const failed = Number(/: ([\d.]+) % failed/.exec(measured)![1]) / 100;
    expect(failed).toBeGreaterThan(0.49);
    expect(failed).toBeLessThan(0.51);
    expect(result.results[1]).toMatchObject({ passed: false, nodeId: 'app' });
    expect(result.runs).toBe(2);
  });

  it('holds a loss to a bound of no errors at all, whichever server is lost first', () => {
    // An idle spare first, whose loss fails nothing; then the server every request needs.
    const design = restored({
      name: 'spare first',
      nodes: [
        { id: 'spare', kind: 'server', label: 'Spare', position: { x: 300, y: 200 }, params: {} },
        { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, params: { ratePerSecond: 200 } },
        { id: 'app', kind: 'server', label: 'App', position: { x: 300, y: 0 }, params: {} },
      ],
      edges: [{ id: 'e1', source: 'users', target: 'app', params: {} }],
    });
    const lost: Requirement = { kind: 'survivesLoss', of: 'server', atS: 35, maxErrorRate: 0, maxP99Ms: 1000 };
    const result = checkDesign(design, scenarioOf(design, [lost]));
    expect(result.ok && result.results[1]).toMatchObject({ passed: false, nodeId: 'app' });
  });

  it('measures the longest a queued message waits: a burst’s backlog over the drain rate', () => {
    // 800 messages/s for 10 s into a 400/s consumer: 4,000 wait at the burst's end, and the
    // last of them waits 4,000 / 400 = 10 s. Evenly spaced arrivals and constant service make
    // the fluid model exact, to within a message or two.
    const design = restored({
      name: 'burst',
      nodes: [
        {
          id: 'users',
          kind: 'client',
          position: { x: 0, y: 0 },
          params: { ratePerSecond: 200, arrivals: 'uniform', traffic: 'spike', spikeFactor: 4, shapeStartS: 20, shapeEndS: 30 },
        },
        { id: 'q', kind: 'queue', label: 'Queue', position: { x: 300, y: 0 }, params: {} },
        { id: 'app', kind: 'server', position: { x: 600, y: 0 }, params: { serviceDistribution: 'constant' } },
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'q', params: {} },
        { id: 'e2', source: 'q', target: 'app', params: {} },
      ],
    });
    const hardware = { server: { serviceDistribution: 'constant' } };
    const result = checkDesign(design, scenarioOf(design, [{ kind: 'queueLag', maxS: 9.9 }], hardware));
    if (!result.ok) throw new Error(result.problems.join());
    const waited = Number(/was ([\d.]+) s, in Queue/.exec(result.results[1].measured)![1]);
    expect(waited).toBeGreaterThanOrEqual(9.9);
    expect(waited).toBeLessThanOrEqual(10.1);
    expect(result.results[0].passed).toBe(true);
    expect(result.results[1]).toMatchObject({ passed: false, nodeId: 'q', label: 'Every queued message handled within 9.9 s' });
    const none = checkDesign(oneServer({ ratePerSecond: 10 }), scenarioOf(oneServer({ ratePerSecond: 10 }), [{ kind: 'queueLag', maxS: 1 }]));
    expect(none.ok && none.results[1]).toMatchObject({ passed: true, measured: 'no queue' });
  });

  it('passes a loss requirement with nothing of that kind to lose', () => {
    const design = oneServer({ ratePerSecond: 10 });
    const loss: Requirement = { kind: 'survivesLoss', of: 'database', atS: 20, maxErrorRate: 0, maxP99Ms: 1 };
    const result = checkDesign(design, scenarioOf(design, [loss]));
    expect(result.ok && result.results[1]).toMatchObject({ passed: true, measured: 'no database to lose' });
  });

  it('refuses a design that cannot run, with the problems Run would report', () => {
    const start = oneServer({ ratePerSecond: 10 });
    const broken = { ...start, edges: [] };
    expect(checkDesign(broken, scenarioOf(start, []))).toEqual({
      ok: false,
      problems: [expect.stringContaining('has no outgoing edge')],
    });
  });

  it('counts an error rate over settled requests, and 1 when none settled', () => {
    const summary = (completed: number, failed: number) =>
      ({ endToEnd: { completed, failed } }) as Parameters<typeof errorRate>[0];
    expect(errorRate(summary(990, 10))).toBe(0.01);
    expect(errorRate(summary(0, 0))).toBe(1);
  });
});
