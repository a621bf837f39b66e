/**
 * The house rules of a practice scenario: what the brief gives and the candidate may not
 * change. The traffic is the brief's (its clients' shape, keys and mix), and so is the
 * hardware: what one instance of each kind can do and costs. What is left is the design —
 * which nodes, how they are wired, algorithms, replicas, timeouts, retries, health checks.
 */
import { NODE_PARAM_SPECS, type Design, type DesignNode, type NodeKind, type ParamValue, type Params } from '../model';

/** Per kind, the params the brief fixes (a client's traffic, an instance's capacity and price). */
export const FIXED_KEYS: Record<NodeKind, readonly string[]> = {
  client: [
    'ratePerSecond',
    'arrivals',
    'traffic',
    'rampToRatePerSecond',
    'spikeFactor',
    'shapeStartS',
    'shapeEndS',
    'sineAmplitude',
    'periodS',
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
  const fixed: Params = {};
  for (const key of FIXED_KEYS[kind]) fixed[key] = NODE_PARAM_SPECS[kind].find((spec) => spec.key === key)!.default;
  return { ...fixed, ...hardware[kind] };
}

/** A param the design has at another value than the brief fixes. */
export interface RuleBreak {
  nodeId: string;
  key: string;
  value: ParamValue;
  fixed: ParamValue;
}

/**
 * What the brief fixes for one node: a client's traffic is its namesake's in the starting
 * design (null when the brief has no such client), any other node keeps its kind's instance.
 */
export function fixedFor(node: DesignNode, start: Design, hardware: Partial<Record<NodeKind, Params>> = {}): Params | null {
  if (node.kind !== 'client') return fixedParams(node.kind, hardware);
  const given = start.nodes.find((n) => n.id === node.id && n.kind === 'client');
  return given ? pick(given.params, FIXED_KEYS.client) : null;
}

/**
 * Where `design` departs from the brief: every node must keep what the brief fixes for it
 * (clients the brief does not have are clientMismatch's to report).
 */
export function ruleBreaks(design: Design, start: Design, hardware: Partial<Record<NodeKind, Params>> = {}): RuleBreak[] {
  const breaks: RuleBreak[] = [];
  for (const node of design.nodes) {
    const fixed = fixedFor(node, start, hardware) ?? {};
    for (const [key, value] of Object.entries(fixed)) {
      if (node.params[key] !== value) breaks.push({ nodeId: node.id, key, value: node.params[key], fixed: value });
    }
  }
  return breaks;
}

/** The brief's clients the design lacks, and clients it has that the brief does not. */
export function clientMismatch(design: Design, start: Design): { missing: string[]; extra: string[] } {
  const ids = (d: Design) => d.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const have = new Set(ids(design));
  const given = new Set(ids(start));
  return { missing: [...given].filter((id) => !have.has(id)), extra: [...have].filter((id) => !given.has(id)) };
}

function pick(params: Params, keys: readonly string[]): Params {
  const picked: Params = {};
  for (const key of keys) if (key in params) picked[key] = params[key];
  return picked;
}
