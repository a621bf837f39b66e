/**
 * Random designs for property tests (fast-check), shared by the engine's and the tracer's.
 */
import fc from 'fast-check';
import { checkGraph, EDGE_PARAM_SPECS, FAULT_ACTIONS, NODE_KINDS, NODE_PARAM_SPECS, restore, type Design, type Params, type ParamSpec } from '../model';
import { paramValueArb } from '../model/arbitrary';

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

export const everyKindDesign: fc.Arbitrary<Design> = fc
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
