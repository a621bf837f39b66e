/**
 * Plain, clonable views of a running simulation: the run summary (the CLI's JSON contract)
 * and the live snapshots the worker posts to the UI. Every figure is finite.
 */
import type { NodeKind } from '../model/params';
import { percentileCurve, summarizeLatency, type LatencySummary, type PercentileCurve, type WindowPoint } from './metrics';
import { BREAKER_STATE_NAMES, type BreakerStateName } from './breakers';
import type { AppliedFault, Simulation } from './simulation';

export interface NodeFigures {
  kind: NodeKind;
  arrivals: number;
  completed: number;
  failed: number;
  dropped: number;
  rejected: number;
  /** Waiting calls answered unserved because their client had given up (a server skipping expired requests). */
  expired: number;
  utilization: number;
  meanQueueLength: number;
  latencyMs: { mean: number; p50: number; p99: number };
  hitRatio: number | null;
  backlog: number | null;
  /** Age of the oldest waiting message, ms (queues). */
  consumerLagMs: number | null;
  /** The longest any message waited since measurement began, those still waiting included, ms (queues). */
  longestWaitMs: number | null;
  /** Replica reads that answered before applying the key's latest write (databases). */
  staleReads: number | null;
  /** Failed calls out a server answered around, degrading gracefully; null where it does not degrade. */
  degraded: number | null;
  /** Read misses for a key already being fetched: with coalescing they waited for that fetch, without it each fetched again (caches). */
  concurrentMisses: number | null;
  /** Worst circuit breaker on the node's outgoing edges; null when it has none. */
  breaker: BreakerStateName | null;
  /** down (killed), slowed (a `slow` fault), or up. */
  state: NodeState;
  /** Seconds it was down (killed) since measurement began: utilisation counts them as idle, so busy-while-up is utilization × duration ÷ (duration − downS). */
  downS: number;
  /** Service-time multiplier of an active `slow` fault (1 = none). */
  slowdown: number;
  /** Billed instances: a server's running and starting ones (autoscaling changes them), a database's primary and replicas, else 1. */
  instances: number;
  /** Monthly cost of the node: per-instance cost × instances (an autoscaled server's averaged over the measured time). */
  costPerMonth: number;
}

export type NodeState = 'up' | 'down' | 'slowed';

export interface EdgeFigures {
  sent: number;
  failed: number;
  /** Circuit breaker state; null when the edge has none. */
  breaker: BreakerStateName | null;
  /** Times the breaker opened, and calls it failed fast, since measurement began. */
  breakerOpens: number;
  breakerRejected: number;
  /** A `cut` fault partitions the edge. */
  cut: boolean;
  /** Extra one-way latency from an `addLatency` fault. */
  addedLatencyMs: number;
}

export interface EndToEndFigures {
  sent: number;
  completed: number;
  failed: number;
  inFlight: number;
  timedOut: number;
  retries: number;
  /** Retries a client's retry budget did not allow (the request failed instead). */
  retriesDenied: number;
  throughputPerSecond: number;
  latencyMs: LatencySummary;
}

/**
 * The share of the measured time a node was up (not killed): utilisation and mean queue are
 * averaged over all of it, so divided by this they are what the node had while it was up.
 */
export function upShare(f: Pick<NodeFigures, 'downS'>, durationS: number): number {
  return durationS > 0 && f.downS > 0 && f.downS < durationS ? 1 - f.downS / durationS : 1;
}

/**
 * The error rate every view reports: failed among the requests settled (answered or failed),
 * null before any has settled. Requests still in flight are neither, so a run that ends mid-storm
 * is not made to look healthier by the requests it has not yet failed.
 */
export function settledErrorRate(e: Pick<EndToEndFigures, 'completed' | 'failed'>): number | null {
  const settled = e.completed + e.failed;
  return settled > 0 ? e.failed / settled : null;
}

/**
 * The p99 a latency limit is judged on. Requests still unanswered at the end that have already
 * waited longer than the limit count as slower than it — a backlog must not hide behind a short
 * run, nor behind serving the newest first while the rest starve. Infinity when the overdue
 * alone are more than 1 % of the answered and overdue together.
 */
export function judgedP99(sim: Simulation, limitMs: number): { p99Ms: number; overdue: number } {
  const overdue = sim.requests.unansweredSentBefore(sim.now - limitMs);
  const latency = sim.e2e.latency;
  const rank = Math.ceil(0.99 * (latency.count + overdue));
  const p99Ms = rank === 0 ? 0 : rank > latency.count ? Infinity : latency.quantile((rank - 0.5) / latency.count);
  return { p99Ms, overdue };
}

export interface RunSummary {
  seed: number;
  warmupS: number;
  durationS: number;
  wallMs: number;
  events: number;
  endToEnd: EndToEndFigures;
  nodes: Record<string, NodeFigures>;
  edges: Record<string, EdgeFigures>;
  /** The design's total monthly cost. */
  costPerMonth: number;
  /** Faults applied during the run, in order (scheduled and injected). */
  faults: AppliedFault[];
}

export interface NodeLive extends NodeFigures {
  id: string;
  /** Calls in service and waiting right now. */
  busy: number;
  queueLength: number;
  /**
   * The node does work of its own (a service time). Clients, bare balancers, shard routers,
   * queues and token-bucket limiters pass calls straight on: their utilisation is always 0,
   * which says nothing, so the UI leaves it out.
   */
  ownWork: boolean;
}

export interface EdgeLive extends EdgeFigures {
  id: string;
  inFlight: number;
}

export interface Snapshot {
  timeMs: number;
  events: number;
  measuring: boolean;
  endToEnd: EndToEndFigures;
  nodes: NodeLive[];
  edges: EdgeLive[];
  /** Windows closed since the previous snapshot, oldest first. */
  windows: WindowPoint[];
  /** Pass back as `cursor` next time to receive only newer windows. */
  cursor: number;
  /** The design's total monthly cost (optional only so older snapshot literals still type-check). */
  costPerMonth?: number;
  /** Simulated seconds measured so far (after the warm-up): what the nodes' counts are over. */
  measuredS?: number;
  /** Faults applied so far, for timeline markers. */
  faults?: AppliedFault[];
  /** The end-to-end latencies measured so far, by percentile: the tail behind p50, p95 and p99. */
  latencyCurve?: PercentileCurve;
}

const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Number.isFinite(x) ? Math.round(x * f) / f : 0;
};

function measuredSeconds(sim: Simulation): number {
  return Math.max(0, sim.now - (sim.measuring ? sim.warmupMs : sim.now)) / 1000;
}

export function endToEnd(sim: Simulation): EndToEndFigures {
  const e = sim.e2e;
  const seconds = measuredSeconds(sim);
  const latency = summarizeLatency(e.latency);
  for (const key of Object.keys(latency) as (keyof LatencySummary)[]) latency[key] = round(latency[key]);
  return {
    sent: e.sent,
    completed: e.completed,
    failed: e.failed,
    inFlight: e.inFlight,
    timedOut: e.timedOut,
    retries: e.retries,
    retriesDenied: e.retriesDenied,
    throughputPerSecond: seconds > 0 ? round(e.completed / seconds) : 0,
    latencyMs: latency,
  };
}

export function nodeFigures(sim: Simulation, n: number): NodeFigures {
  const stats = sim.stats[n];
  const [p50, p99] = stats.latency.quantiles([0.5, 0.99]);
  const station = sim.stations[n];
  const areas = sim.nodeAreas(n);
  const behaviour = sim.behaviours[n];
  const elapsed = sim.now - (sim.measuring ? sim.warmupMs : 0);
  const hitRatio = behaviour.hitRatio();
  const lag = behaviour.lagMs();
  const longestWait = behaviour.longestWaitMs();
  return {
    kind: sim.nodeKinds[n],
    arrivals: stats.arrivals,
    completed: stats.completed,
    failed: stats.failed,
    dropped: stats.dropped,
    rejected: stats.rejected,
    expired: stats.expired,
    utilization: areas.capacity > 0 ? round(areas.busy / areas.capacity) : 0,
    meanQueueLength: elapsed > 0 ? round(areas.queue / elapsed) : 0,
    latencyMs: { mean: round(stats.latency.mean), p50: round(p50), p99: round(p99) },
    hitRatio: hitRatio === null ? null : round(hitRatio),
    backlog: behaviour.backlog(),
    consumerLagMs: lag === null ? null : round(lag),
    longestWaitMs: longestWait === null ? null : round(longestWait),
    staleReads: behaviour.staleReads(),
    concurrentMisses: behaviour.concurrentMisses(),
    degraded: behaviour.degraded(),
    breaker: sim.breakerOf(n),
    state: sim.nodeDown[n] === 1 ? 'down' : station.slowdown !== 1 ? 'slowed' : 'up',
    downS: round(sim.downMs(n) / 1000),
    slowdown: station.slowdown,
    instances: behaviour.instances(),
    costPerMonth: round(nodeCost(sim, n), 2),
  };
}

function nodeCost(sim: Simulation, n: number): number {
  const perInstance = sim.nodeParams[n].costPerMonth;
  return (typeof perInstance === 'number' ? perInstance : 0) * sim.behaviours[n].billedInstances();
}

/** The design's monthly cost: every node's instances at their per-instance price. */
export function costPerMonth(sim: Simulation): number {
  let total = 0;
  for (let n = 0; n < sim.nodeIds.length; n++) total += nodeCost(sim, n);
  return round(total, 2);
}

export function edgeFigures(sim: Simulation, e: number): EdgeFigures {
  const breakers = sim.breakers;
  return {
    sent: sim.edgeSent[e],
    failed: sim.edgeFailed[e],
    breaker: breakers.has(e) ? BREAKER_STATE_NAMES[breakers.state[e]] : null,
    breakerOpens: breakers.opens[e],
    breakerRejected: breakers.rejected[e],
    cut: sim.edgeCut[e] === 1,
    addedLatencyMs: sim.edgeAddedLatency[e],
  };
}

export function summarize(sim: Simulation, wallMs: number): RunSummary {
  const nodes: Record<string, NodeFigures> = {};
  sim.nodeIds.forEach((id, n) => (nodes[id] = nodeFigures(sim, n)));
  const edges: Record<string, EdgeFigures> = {};
  sim.edgeIds.forEach((id, e) => (edges[id] = edgeFigures(sim, e)));
  return {
    seed: sim.seed,
    warmupS: sim.warmupMs / 1000,
    durationS: round(measuredSeconds(sim), 6),
    wallMs: round(wallMs, 1),
    events: sim.events,
    endToEnd: endToEnd(sim),
    nodes,
    edges,
    costPerMonth: costPerMonth(sim),
    faults: sim.faultLog.slice(),
  };
}

export function snapshot(sim: Simulation, cursor: number): Snapshot {
  return {
    timeMs: sim.now,
    events: sim.events,
    measuring: sim.measuring,
    endToEnd: endToEnd(sim),
    nodes: sim.nodeIds.map((id, n) => ({
      id,
      ...nodeFigures(sim, n),
      busy: sim.stations[n].busy,
      queueLength: sim.stations[n].queueLength,
      ownWork: !sim.stations[n].passThrough,
    })),
    edges: sim.edgeIds.map((id, e) => ({ id, ...edgeFigures(sim, e), inFlight: sim.edgeInFlight[e] })),
    windows: sim.series.since(cursor),
    cursor: sim.series.total,
    costPerMonth: costPerMonth(sim),
    faults: sim.faultLog.slice(),
    measuredS: measuredSeconds(sim),
    latencyCurve: percentileCurve(sim.e2e.latency),
  };
}
