/**
 * The house rules of a practice scenario: what the brief gives and the candidate may not
 * change. The traffic is the brief's (its clients' shape, keys and mix), and so is the
 * hardware: what one instance of each kind can do and costs. What is left is the design —
 * which nodes, how they are wired, algorithms, replicas, instances and autoscaling, timeouts,
 * retries, health checks (a brief may fix a platform's part of it, such as start-up time).
 */
import { ARRIVAL_PARAMS, defaultParams, NODE_PARAM_SPECS, type Design, type DesignNode, type NodeKind, type ParamValue, type Params, type ScheduledFault } from '../model';
import type { Scenario } from './types';

/** Per kind, the params the brief fixes (a client's traffic, an instance's capacity and price). */
export const FIXED_KEYS: Record<NodeKind, readonly string[]> = {
  // When requests leave, and what they ask for.
  client: [
    ...ARRIVAL_PARAMS,
    'readRatio',
    'keys',
    'keyDistribution',
    'zipfExponent',
    'sessions',
  ],
  loadBalancer: ['serviceTimeMs', 'workers', 'costPerMonth'],
  server: ['workers', 'serviceTimeMs', 'serviceDistribution', 'serviceTimeCv', 'errorRate', 'costPerMonth'],
  cache: ['capacity', 'hitTimeMs', 'workers', 'costPerMonth'],
  cdn: ['capacity', 'hitTimeMs', 'workers', 'costPerMonth'],
  shardRouter: ['costPerMonth'],
  database: ['workers', 'readTimeMs', 'writeTimeMs', 'serviceDistribution', 'serviceTimeCv', 'replicationLagMs', 'costPerMonth'],
  queue: ['costPerMonth'],
  rateLimiter: ['costPerMonth'],
};

/** An instance's fixed params: the catalogue's defaults, then the brief's own hardware. */
export function fixedParams(kind: NodeKind, hardware: Partial<Record<NodeKind, Params>> = {}): Params {
  return { ...pick(defaultParams(NODE_PARAM_SPECS[kind]), FIXED_KEYS[kind]), ...hardware[kind] };
}

/** A param the design has at another value than the brief fixes. */
export interface RuleBreak {
  nodeId: string;
  key: string;
  value: ParamValue;
  fixed: ParamValue;
}

/** What checking the rules needs of a scenario. */
export type Brief = Pick<Scenario, 'start' | 'hardware' | 'given' | 'fixes'>;

/** The nodes the brief provides: its clients, and any others it names (a payment provider, say). */
export function givenNodes(brief: Brief): DesignNode[] {
  const named = new Set(brief.given ?? []);
  return brief.start.nodes.filter((n) => n.kind === 'client' || named.has(n.id));
}

/**
 * What the brief fixes for one node: a node the brief provides keeps its fixed params as the
 * brief has them (a client its traffic); any other node keeps its kind's instance. Null for a
 * client the brief does not have.
 */
export function fixedFor(node: DesignNode, brief: Brief): Params | null {
  const given = givenNodes(brief).find((n) => n.id === node.id && n.kind === node.kind);
  if (given) return pick(given.params, [...FIXED_KEYS[node.kind], ...(brief.fixes?.[node.kind] ?? [])]);
  return node.kind === 'client' ? null : fixedParams(node.kind, brief.hardware);
}

/**
 * Where `design` departs from the brief: every node must keep what the brief fixes for it
 * (missing nodes and extra clients are givenMismatch's to report).
 */
export function ruleBreaks(design: Design, brief: Brief): RuleBreak[] {
  const breaks: RuleBreak[] = [];
  for (const node of design.nodes) {
    const fixed = fixedFor(node, brief) ?? {};
    for (const [key, value] of Object.entries(fixed)) {
      if (node.params[key] !== value) breaks.push({ nodeId: node.id, key, value: node.params[key], fixed: value });
    }
  }
  return breaks;
}

/**
 * The nodes the brief provides that the design lacks (by id and kind) or keeps but never
 * calls (no client's requests can reach them), and clients it has that the brief does not.
 */
export function givenMismatch(design: Design, brief: Brief): { missing: string[]; unused: string[]; extra: string[] } {
  const given = givenNodes(brief);
  const has = (n: DesignNode) => design.nodes.some((d) => d.id === n.id && d.kind === n.kind);
  const givenClients = new Set(given.filter((n) => n.kind === 'client').map((n) => n.id));
  const reached = reachableFromClients(design);
  return {
    missing: given.filter((n) => !has(n)).map((n) => n.id),
    unused: given.filter((n) => n.kind !== 'client' && has(n) && !reached.has(n.id)).map((n) => n.id),
    extra: design.nodes.filter((n) => n.kind === 'client' && !givenClients.has(n.id)).map((n) => n.id),
  };
}

/** Ids of the nodes some client's requests can reach along the design's edges. */
function reachableFromClients(design: Design): Set<string> {
  const reached = new Set(design.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  const queue = [...reached];
  while (queue.length > 0) {
    const from = queue.pop()!;
    for (const e of design.edges) {
      if (e.source === from && !reached.has(e.target)) {
        reached.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return reached;
}

/** The brief's faults that can apply to `design`: a node it provides may have been deleted (the rules say so). */
export function briefFaults(design: Design, scenario: Pick<Scenario, 'faults'>): ScheduledFault[] {
  const ids = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
  return (scenario.faults ?? []).filter((fault) => ids.has(fault.target));
}

function pick(params: Params, keys: readonly string[]): Params {
  const picked: Params = {};
  for (const key of keys) if (key in params) picked[key] = params[key];
  return picked;
}
