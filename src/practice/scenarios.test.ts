import { describe, expect, it } from 'vitest';
import type { Params } from '../model';
import { checkDesign } from './check';
import { rulesText } from './describe';
import { ruleBreaks } from './rules';
import { SCENARIOS } from './scenarios';

describe.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_, scenario) => {
  it('starts from a design that keeps the rules and fails', () => {
    expect(ruleBreaks(scenario.start, scenario)).toEqual([]);
    const result = checkDesign(scenario.start, scenario);
    expect(result.ok && result.passed).toBe(false);
  });

  it('has an answer that meets every requirement, the same every time', () => {
    const result = checkDesign(scenario.answer, scenario);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.results.filter((r) => !r.passed)).toEqual([]);
    const again = checkDesign(scenario.answer, scenario);
    expect(again.ok && again.results).toEqual(result.results);
  });
});

it('gives each brief’s designs the check’s seed and length, so a fixed-length Run measures what Check does', () => {
  for (const { check, start, answer } of SCENARIOS) {
    for (const design of [start, answer]) expect({ seed: design.seed, ...design.run }).toEqual({ seed: check.seed, durationS: check.durationS, warmupS: check.warmupS });
  }
});

it('gives each scenario its own id', () => {
  expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
});

it('fails the last scenario’s three servers on the loss of any one, as its brief says', () => {
  const survive = SCENARIOS.find((s) => s.id === 'survive-a-failure')!;
  const result = checkDesign(survive.start, survive);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  expect(result.results.map((r) => r.passed)).toEqual([true, true, true, true, false]);
});

describe('following the daily peak', () => {
  const day = SCENARIOS.find((s) => s.id === 'daily-peak')!;
  const withApp = (params: Params) => ({
    ...day.start,
    nodes: day.start.nodes.map((n) => (n.id === 'app' ? { ...n, params: { ...n.params, ...params } } : n)),
  });
  const outcome = (params: Params) => {
    const result = checkDesign(withApp(params), day);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return Object.fromEntries(result.results.map((r) => [r.requirement, r.passed]));
  };

  it('is no fixed size: five instances are over budget, four too slow at the peak', () => {
    // 5 × $70.08 = $350.40; four instances serve 1,600 a second at most, below the peak's 1,700.
    expect(outcome({ instances: 5 })).toEqual({ rules: true, p99: true, errorRate: true, cost: false });
    expect(outcome({ instances: 4 })).toMatchObject({ p99: false, cost: true });
  });

  it('punishes a floor of one (the morning climb outruns a 30 s start-up) and the cautious default target', () => {
    expect(outcome({ instances: 1, maxInstances: 8, targetUtilization: 0.7 })).toMatchObject({ p99: false });
    expect(outcome({ instances: 2, maxInstances: 8 })).toMatchObject({ p99: true, cost: false });
  });

  it('fixes how long an instance takes to start', () => {
    const fast = checkDesign(withApp({ instances: 2, maxInstances: 8, targetUtilization: 0.7, provisionS: 1 }), day);
    expect(fast.ok && fast.results[0]).toMatchObject({ passed: false });
  });
});

describe('taming the tail of a search', () => {
  const search = SCENARIOS.find((s) => s.id === 'search-tail')!;
  const outcome = (design: typeof search.answer) => {
    const result = checkDesign(design, search);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result.results;
  };

  it('is not met by copies alone: without hedging they shorten no tail', () => {
    const unhedged = { ...search.answer, nodes: search.answer.nodes.map((n) => (n.kind === 'loadBalancer' ? { ...n, params: { ...n.params, hedgeAfterMs: 0 } } : n)) };
    expect(outcome(unhedged).find((r) => r.requirement === 'p99')).toMatchObject({ passed: false, measured: expect.stringMatching(/^p99 6\d/) });
  });

  it('needs every shard it is given: one left out is a broken rule, not a faster search', () => {
    const withoutFour = { ...search.start, edges: search.start.edges.filter((e) => e.target !== 'shard-4') };
    expect(outcome(withoutFour)[0]).toMatchObject({ passed: false, measured: 'Shard 4 is never called: the brief provides it for the design to use', nodeId: 'shard-4' });
  });
});

describe('a brief’s own nodes', () => {
  const slow = SCENARIOS.find((s) => s.id === 'slow-dependency')!;

  it('must stay, as the brief gives them', () => {
    const without = { ...slow.answer, nodes: slow.answer.nodes.filter((n) => n.id !== 'payments'), edges: slow.answer.edges.filter((e) => e.target !== 'payments') };
    const missing = checkDesign(without, slow);
    expect(missing.ok && missing.results[0]).toMatchObject({ passed: false, measured: 'Payment provider is missing: the brief provides it' });
    const faster = {
      ...slow.answer,
      nodes: slow.answer.nodes.map((n) => (n.id === 'payments' ? { ...n, params: { ...n.params, serviceTimeMs: 10 } } : n)),
    };
    const changed = checkDesign(faster, slow);
    expect(changed.ok && changed.results[0]).toMatchObject({ passed: false, measured: 'Payment provider’s service time is 10, the brief’s 100' });
  });

  it('are slowed by the brief during the check, not by the design’s own faults', () => {
    // Blocking servers grind to a halt while the provider is slow, and only then.
    const result = checkDesign({ ...slow.start, faults: [] }, slow);
    expect(result.ok && result.results[1]).toMatchObject({ passed: false, measured: expect.stringMatching(/second ending at (2\d|3\d|4[0-5]) s/) });
  });
});

describe('recovering from a retry storm', () => {
  const storm = SCENARIOS.find((s) => s.id === 'retry-storm')!;
  const outcome = (client: Params, server: Params = {}, servers = 2) => {
    const apps = storm.start.nodes.filter((n) => n.kind === 'server');
    const design = {
      ...storm.start,
      nodes: [
        ...storm.start.nodes.map((n) =>
          n.kind === 'client' ? { ...n, params: { ...n.params, ...client } } : n.kind === 'server' ? { ...n, params: { ...n.params, ...server } } : n,
        ),
        ...Array.from({ length: servers - apps.length }, (_, i) => ({ ...apps[0], id: `extra-${i}`, label: `Extra ${i}` })),
      ],
      edges: [...storm.start.edges, ...Array.from({ length: servers - apps.length }, (_, i) => ({ ...storm.start.edges[1], id: `x${i}`, target: `extra-${i}` }))],
    };
    const result = checkDesign(design, storm);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return Object.fromEntries(result.results.map((r) => [r.requirement, r.passed]));
  };

  it('starts down for good after the burst: nothing is answered after it', () => {
    const result = checkDesign(storm.start, storm);
    expect(result.ok && result.results.find((r) => r.requirement === 'recovers')).toMatchObject({ passed: false, measured: expect.stringMatching(/^nothing was answered in the second ending at 3\d s$/) });
  });

  it('is not met by a retry budget alone (the backlog takes too long to drain), and is by a bounded queue, or LIFO skipping expired requests', () => {
    expect(outcome({ retryBudgetPercent: 10 })).toMatchObject({ rules: true, recovers: false });
    expect(outcome({}, { queueCapacity: 20 })).toEqual({ rules: true, recovers: true, errorRate: true, cost: true });
    // Skipping requests whose client gave up is not enough while the oldest live one is served first; nor is serving the
    // newest first while the old backlog is still served when it comes up (LIFO's long tail); both together are.
    expect(outcome({}, { expiredRequests: 'skip' })).toMatchObject({ recovers: false });
    expect(outcome({}, { queueOrder: 'lifo' })).toMatchObject({ recovers: false, errorRate: true });
    expect(outcome({}, { queueOrder: 'lifo', expiredRequests: 'skip' })).toEqual({ rules: true, recovers: true, errorRate: true, cost: true });
  });

  it('says under the brief that the app’s timeout and retries are fixed, and what is left', () => {
    expect(rulesText(storm)).toMatch(/^The brief fixes the clients’ traffic, their timeout, retries and backoff and what each kind/);
    expect(rulesText(storm)).toMatch(/queue sizes, retry budgets and health checks\.$/);
    expect(rulesText(SCENARIOS[0])).toMatch(/clients’ traffic and what each kind .* timeouts, retries and health checks\.$/);
  });

  it('fixes the app’s retry policy, and has no money for a third server', () => {
    expect(outcome({ retries: 0 })).toMatchObject({ rules: false });
    expect(outcome({}, {}, 3)).toMatchObject({ rules: true, recovers: true, cost: false });
  });
});

describe('keeping the front page fast when its cache expires', () => {
  const stampede = SCENARIOS.find((s) => s.id === 'cache-stampede')!;
  const withCache = (params: Params) => ({
    ...stampede.start,
    nodes: stampede.start.nodes.map((n) => (n.id === 'cache' ? { ...n, params: { ...n.params, ...params } } : n)),
  });
  const results = (params: Params) => {
    const result = checkDesign(withCache(params), stampede);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result.results;
  };
  const slowest = (params: Params) => results(params).find((r) => r.requirement === 'p99EverySecond')!;

  it('starts with a database that melts down: some second’s p99 is seconds', () => {
    expect(slowest({})).toMatchObject({ passed: false, measured: expect.stringMatching(/: p99 [\d,]+ ms$/) });
    expect(Number(/p99 ([\d,]+) ms/.exec(slowest({}).measured)![1].replace(/,/g, ''))).toBeGreaterThan(5000);
  });

  it('needs both coalescing (one query a feed) and stale-while-revalidate (nobody waits for it)', () => {
    expect(slowest({ coalescing: 'on' }).passed).toBe(false);
    expect(slowest({ staleWhileRevalidateS: 5 }).passed).toBe(false);
    expect(slowest({ coalescing: 'on', staleWhileRevalidateS: 5 }).passed).toBe(true);
  });

  it('keeps feeds at most 5 s old: a longer TTL, or none, breaks its rules', () => {
    expect(results({ ttlSeconds: null })[0]).toMatchObject({ passed: false, measured: 'Feed cache’s TTL is empty, the brief’s 5' });
  });
});
