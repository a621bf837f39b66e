/**
 * Property tests over random runnable designs: the engine never throws, never reports a
 * non-finite number, conserves requests at every snapshot, drains to empty, and repeats itself
 * bit for bit for the same seed. First for clients, balancers and servers in every
 * arrangement, then for every kind with faults of every action.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGraph,
  EDGE_PARAM_SPECS,
  FAULT_ACTIONS,
  LB_ALGORITHMS,
  NODE_KINDS,
  NODE_PARAM_SPECS,
  restore,
  type Design,
  type Params,
  type ParamSpec,
} from '../model';
import { paramValueArb } from '../model/arbitrary';
import { snapshot, summarize } from './report';
import { Simulation } from './simulation';
import { designOf, type EdgeSketch, type NodeSketch } from './testSupport';

const clientParams = fc.record({
  ratePerSecond: fc.double({ min: 1, max: 3000, noNaN: true }),
  arrivals: fc.constantFrom('poisson', 'uniform'),
  traffic: fc.constantFrom('constant', 'ramp', 'spike', 'sine'),
  rampToRatePerSecond: fc.double({ min: 0, max: 3000, noNaN: true }),
  spikeFactor: fc.double({ min: 0, max: 10, noNaN: true }),
  shapeStartS: fc.double({ min: 0, max: 3, noNaN: true }),
  shapeEndS: fc.double({ min: 0, max: 6, noNaN: true }),
  sineAmplitude: fc.double({ min: 0, max: 1, noNaN: true }),
  periodS: fc.double({ min: 0.1, max: 10, noNaN: true }),
  readRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  keys: fc.integer({ min: 1, max: 100_000 }),
  keyDistribution: fc.constantFrom('uniform', 'zipf'),
  zipfExponent: fc.double({ min: 0, max: 3, noNaN: true }),
  sessions: fc.integer({ min: 1, max: 1000 }),
  timeoutMs: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 200, noNaN: true })),
  retries: fc.integer({ min: 0, max: 3 }),
  backoffMs: fc.double({ min: 0, max: 50, noNaN: true }),
});

const serverParams = fc.record({
  workers: fc.integer({ min: 1, max: 8 }),
  serviceTimeMs: fc.double({ min: 0, max: 20, noNaN: true }),
  serviceDistribution: fc.constantFrom('exponential', 'constant', 'lognormal'),
  serviceTimeCv: fc.double({ min: 0, max: 4, noNaN: true }),
  queueCapacity: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 50 })),
  callMode: fc.constantFrom('async', 'blocking'),
  fanOut: fc.constantFrom('sequential', 'parallel'),
});

const edgeParams = fc.record({
  latencyMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
  weight: fc.double({ min: 0, max: 5, noNaN: true }),
  when: fc.constantFrom('always', 'always', 'reads', 'writes'),
});

/** Clients → optional balancer → servers → optional back-end servers: always a DAG. */
const runnableDesign: fc.Arbitrary<Design> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    clients: fc.array(clientParams, { minLength: 1, maxLength: 2 }),
    balancer: fc.option(fc.constantFrom(...LB_ALGORITHMS)),
    front: fc.array(serverParams, { minLength: 1, maxLength: 4 }),
    back: fc.array(serverParams, { minLength: 0, maxLength: 2 }),
    edges: fc.array(edgeParams, { minLength: 20, maxLength: 20 }),
  })
  .map(({ seed, clients, balancer, front, back, edges }) => {
    const nodes: NodeSketch[] = [];
    const links: EdgeSketch[] = [];
    let e = 0;
    const link = (from: string, to: string, always = false) =>
      links.push({ from, to, params: always ? { ...edges[e++ % edges.length], when: 'always' } : edges[e++ % edges.length] });
    const frontIds = front.map((params, i) => {
      nodes.push({ id: `f${i}`, kind: 'server', params });
      return `f${i}`;
    });
    const entry = balancer ? ['lb'] : frontIds;
    if (balancer) {
      nodes.push({ id: 'lb', kind: 'loadBalancer', params: { algorithm: balancer } });
      frontIds.forEach((id) => link('lb', id));
    }
    clients.forEach((params, i) => {
      nodes.push({ id: `c${i}`, kind: 'client', params });
      entry.forEach((id, j) => link(`c${i}`, id, j === 0));
    });
    back.forEach((params, i) => {
      nodes.push({ id: `b${i}`, kind: 'server', params });
      frontIds.forEach((id) => link(id, `b${i}`));
    });
    return designOf(nodes, links, seed);
  });

function allFinite(value: unknown, path = 'summary'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = allFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** Six simulated seconds in half-second snapshots: finite figures, conservation, utilisation within 0…1. */
function expectSoundSnapshots(sim: Simulation): void {
  let cursor = 0;
  for (let t = 500; t <= 6000; t += 500) {
    // A wall-clock budget: a run stuck at one instant fails here instead of hanging the suite.
    expect(sim.runFor(10_000, t)).toBe(true);
    const snap = snapshot(sim, cursor);
    cursor = snap.cursor;
    expect(allFinite(snap)).toBeNull();
    const e = snap.endToEnd;
    expect(e.sent).toBe(e.completed + e.failed + e.inFlight);
    expect(e.inFlight).toBeGreaterThanOrEqual(0);
    for (const node of snap.nodes) {
      expect(node.utilization).toBeGreaterThanOrEqual(0);
      expect(node.utilization).toBeLessThanOrEqual(1 + 1e-9);
    }
  }
}

/**
 * A run of `design`: sound snapshots and a finite summary, then a drain after which every
 * measured request has settled. Returns the drained simulation for the checks that follow.
 */
function runAndDrain(design: Design, warmupMs: number, drainMs?: number): Simulation {
  const sim = new Simulation(design, { warmupMs });
  expectSoundSnapshots(sim);
  expect(allFinite(summarize(sim, 0))).toBeNull();
  sim.drain(drainMs);
  expect(sim.e2e.inFlight).toBe(0);
  expect(sim.e2e.sent).toBe(sim.e2e.completed + sim.e2e.failed);
  return sim;
}

const withoutWallTime = (summary: ReturnType<typeof summarize>) => JSON.stringify({ ...summary, wallMs: 0 });

describe('random runnable designs', () => {
  it('are runnable by the graph checks', () => {
    fc.assert(
      fc.property(runnableDesign, (design) => {
        expect(checkGraph(design)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('never throw, never report a non-finite figure, and conserve requests at every snapshot', () => {
    fc.assert(
      fc.property(runnableDesign, fc.integer({ min: 0, max: 2000 }), (design, warmupMs) => {
        // With arrivals stopped every request settles and every call returns: nothing leaks.
        const sim = runAndDrain(design, warmupMs);
        expect(sim.requests.live).toBe(0);
        expect(sim.calls.live).toBe(0);
        for (const station of sim.stations) {
          expect(station.busy).toBe(0);
          expect(station.queueLength).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('repeat bit for bit for the same seed, and differ for another seed', () => {
    fc.assert(
      fc.property(runnableDesign, (design) => {
        const run = (seed?: number) => {
          const sim = new Simulation(design, { warmupMs: 500, seed });
          sim.runUntil(4000);
          return withoutWallTime(summarize(sim, 0));
        };
        expect(run()).toBe(run());
        const other = run(design.seed ^ 1);
        if (JSON.parse(other).endToEnd.sent > 50) expect(other).not.toBe(run());
      }),
      { numRuns: 30 },
    );
  });
});

/**
 * Every kind and every fault: a random layered graph (edges only run forward, so it is a
 * DAG) of caches, CDNs, shard routers, databases, queues and rate limiters as well as
 * balancers and servers, with params drawn from the catalogue and faults of every action at
 * random times. Only the params that set how much work a run is are held to sizes a test can
 * simulate in milliseconds; everything else ranges over what restore() accepts.
 */
const WORKLOAD_CAPS: Record<string, number> = {
  ratePerSecond: 1500,
  rampToRatePerSecond: 1500,
  spikeFactor: 4,
  serviceTimeMs: 20,
  readTimeMs: 20,
  writeTimeMs: 20,
  hitTimeMs: 5,
  latencyMs: 10,
  replicationLagMs: 200,
  timeoutMs: 500,
  backoffMs: 100,
};

const capped = (params: Params, kind: string): Params => {
  const client = kind === 'client';
  const out: Params = { ...params };
  for (const [key, cap] of Object.entries(WORKLOAD_CAPS)) {
    const value = out[key];
    // A rate limiter's ratePerSecond is its allowance, not work: leave it as drawn.
    if (typeof value === 'number' && (client || key !== 'ratePerSecond')) out[key] = Math.min(value, cap);
  }
  // Except a leaky bucket's, which is also how fast it serves: each request holds it 1/rate,
  // and a full bucket (burst + 1) of them at 0.001/s would outlast the drain by hours.
  if (kind === 'rateLimiter' && out.algorithm === 'leakyBucket') {
    out.ratePerSecond = Math.max(out.ratePerSecond as number, 2);
    out.burst = Math.min(out.burst as number, 100);
  }
  return out;
};

const paramsOf = (specs: readonly ParamSpec[]) =>
  fc.record(Object.fromEntries(specs.map((spec) => [spec.key, paramValueArb(spec)]))) as fc.Arbitrary<Params>;

const ROUTED_KINDS = NODE_KINDS.filter((kind) => kind !== 'client');

const everyKindDesign: fc.Arbitrary<Design> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    clients: fc.array(paramsOf(NODE_PARAM_SPECS.client), { minLength: 1, maxLength: 2 }),
    kinds: fc.array(fc.constantFrom(...ROUTED_KINDS), { minLength: 2, maxLength: 8 }),
    extraLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
    faultPicks: fc.array(
      fc.record({
        action: fc.constantFrom(...FAULT_ACTIONS),
        pick: fc.nat(),
        atS: fc.double({ min: 0, max: 5, noNaN: true }),
        durationS: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
        factor: fc.double({ min: 0.5, max: 20, noNaN: true }),
        latencyMs: fc.double({ min: 0, max: 500, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
  })
  .chain(({ kinds, ...rest }) =>
    fc
      .record({
        nodeParams: fc.tuple(...kinds.map((kind) => paramsOf(NODE_PARAM_SPECS[kind]))),
        edgeParams: fc.array(paramsOf(EDGE_PARAM_SPECS), { minLength: 40, maxLength: 40 }),
      })
      .map((drawn) => ({ kinds, ...rest, ...drawn })),
  )
  .map(({ seed, clients, kinds, extraLinks, faultPicks, nodeParams, edgeParams }) => {
    const nodes = [
      ...clients.map((params, i) => ({ id: `c${i}`, kind: 'client' as const, params: capped(params, 'client') })),
      ...kinds.map((kind, i) => ({ id: `n${i}`, kind, params: capped(nodeParams[i], kind) })),
    ];
    const links = new Set<string>();
    // Each client calls the first routed node; each routed node but the last calls the next.
    clients.forEach((_, i) => links.add(`c${i}>n0`));
    for (let i = 0; i + 1 < kinds.length; i++) links.add(`n${i}>n${i + 1}`);
    for (const [a, b] of extraLinks) {
      const from = a % kinds.length;
      const to = b % kinds.length;
      if (from < to) links.add(`n${from}>n${to}`);
    }
    const edges = [...links].map((link, i) => {
      const [source, target] = link.split('>');
      return { id: `e${i + 1}`, source, target, params: capped(edgeParams[i % edgeParams.length], 'edge') };
    });
    const faults = faultPicks.map(({ action, pick, factor, latencyMs, ...timing }) => {
      // cut and heal act on an edge, or on a database (its primary–replica link).
      const partition = action === 'cut' || action === 'heal';
      const databases = nodes.filter((n) => n.kind === 'database').map((n) => n.id);
      const pool =
        action === 'addLatency' || (partition && (pick % 2 === 0 || databases.length === 0))
          ? edges.map((e) => e.id)
          : partition
            ? databases
            : nodes.map((n) => n.id);
      return { ...timing, action, target: pool[pick % pool.length], factor, latencyMs };
    });
    const result = restore({ version: 1, seed, nodes, edges, faults });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    // The last routed node may be one that needs targets (a balancer with none): give it a server.
    const design = result.design;
    if (checkGraph(design).length === 0) return design;
    const sink = { id: 'sink', kind: 'server' as const, position: { x: 0, y: 0 }, params: {} };
    const extra = design.nodes
      .filter((n) => n.kind !== 'client' && !design.edges.some((e) => e.source === n.id))
      .map((n, i) => ({ id: `to-sink-${i}`, source: n.id, target: 'sink', params: {} }));
    const fixed = restore({ ...design, nodes: [...design.nodes, sink], edges: [...design.edges, ...extra] });
    if (!fixed.ok) throw new Error(fixed.problems.map((p) => p.message).join('\n'));
    return fixed.design;
  });

describe('random designs of every kind, with faults of every action', () => {
  it('are runnable by the graph checks and use every kind and action across the runs', () => {
    const kinds = new Set<string>();
    const actions = new Set<string>();
    fc.assert(
      fc.property(everyKindDesign, (design) => {
        expect(checkGraph(design)).toEqual([]);
        design.nodes.forEach((n) => kinds.add(n.kind));
        design.faults.forEach((f) => actions.add(f.action));
      }),
      { numRuns: 100 },
    );
    expect([...kinds].sort()).toEqual([...NODE_KINDS].sort());
    expect([...actions].sort()).toEqual([...FAULT_ACTIONS].sort());
  });

  it('never throw, never report a non-finite figure, conserve requests at every snapshot and drain to empty', () => {
    fc.assert(
      fc.property(everyKindDesign, fc.integer({ min: 0, max: 2000 }), (design, warmupMs) => {
        // Ten simulated minutes outlast every timeout and backoff these params allow.
        const sim = runAndDrain(design, warmupMs, 600_000);
        // Nothing leaks. Work may still wait on a fault (a queue whose consumer is cut off, a
        // replication stream held by a partition): end every fault and drain again. Then a
        // request is still held only as a message in a queue (one with no consumer, or a
        // backlog its consumers are still working through) or by a call that message started.
        for (const id of sim.nodeIds) {
          sim.injectFault({ atS: sim.now / 1000, action: 'revive', target: id });
          sim.injectFault({ atS: sim.now / 1000, action: 'heal', target: id });
        }
        for (const id of sim.edgeIds) sim.injectFault({ atS: sim.now / 1000, action: 'heal', target: id });
        sim.drain(600_000);
        const backlog = sim.behaviours.reduce((sum, b) => sum + (b.backlog() ?? 0), 0);
        if (backlog === 0) expect(sim.calls.live).toBe(0);
        expect(sim.requests.live).toBeLessThanOrEqual(backlog + sim.calls.live);
      }),
      { numRuns: 60 },
    );
  });

  it('repeat bit for bit for the same seed', () => {
    fc.assert(
      fc.property(everyKindDesign, (design) => {
        const run = () => {
          const sim = new Simulation(design, { warmupMs: 500 });
          sim.runUntil(4000);
          return withoutWallTime(summarize(sim, 0));
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 30 },
    );
  });
});
