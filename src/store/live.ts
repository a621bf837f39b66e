/**
 * Turns engine snapshots into what the canvas shows: per-node req/s, p99, utilisation, the
 * engine's own state (down, slowed) and kind figures (hit ratio, backlog, stale reads); per-edge
 * req/s, failures, breaker and cut. Pure, so it is tested without a worker.
 */
import type { Snapshot, WindowPoint } from '../engine';

/** `down` is the engine's word (a killed node); `failing` = up but answering only failures lately. */
export type Health = 'healthy' | 'hot' | 'saturated' | 'failing' | 'down';
export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface NodeBadge {
  /** Requests per second in the last window of simulated time; null until one has closed. */
  ratePerSecond: number | null;
  /**
   * The node's p99 latency in its last window, as recent as its rate (a change made live shows
   * at once); null until a window closes, and for a window in which it answered nothing.
   */
  p99Ms: number | null;
  utilization: number;
  /** Whether utilisation means anything here: false where the node passes calls straight on. */
  ownWork: boolean;
  queueLength: number;
  hitRatio: number | null;
  health: Health;
  /** Service-time multiplier of an active slow fault; 1 = normal speed. */
  slowdown: number;
  /** Worst breaker on the node's outgoing connections; null when it has none. */
  breaker: BreakerState | null;
  /** Messages held (queues), null for other kinds. */
  backlog: number | null;
  /** Replica reads that answered before applying the latest write (databases), null otherwise. */
  staleReads: number | null;
  /** A server's instances running and starting (autoscaling changes them), null for other kinds. */
  instances: number | null;
}

export interface EdgeBadge {
  /** As a node's: null until the first window has closed. */
  ratePerSecond: number | null;
  failing: boolean;
  breaker: BreakerState | null;
  cut: boolean;
  addedLatencyMs: number;
}

export interface LiveFigures {
  nodes: Map<string, NodeBadge>;
  edges: Map<string, EdgeBadge>;
}

/** The number, or null where there is none (missing, NaN, infinite). */
const nullableFinite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const finite = (x: number | null | undefined) => nullableFinite(x) ?? 0;

/** Health from the engine's state and recent figures; never guesses "down" from failures. */
export function healthOf(
  state: 'up' | 'down' | 'slowed',
  utilization: number,
  recentFailed: number,
  recentCompleted: number,
  recentDrops: number,
): Health {
  if (state === 'down') return 'down';
  if (utilization >= 0.9 || recentDrops > 0) return 'saturated';
  if (recentFailed > 0 && recentCompleted === 0) return 'failing';
  if (utilization >= 0.7) return 'hot';
  return 'healthy';
}

/** A number as precise as the screen shows it (three significant digits); null stays null. */
function shown(x: number | null): number | null {
  if (x === null) return null;
  if (x === 0 || !Number.isFinite(x)) return 0;
  const scale = 10 ** (2 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}

function sameNodeBadge(a: NodeBadge, b: NodeBadge): boolean {
  return (
    a.health === b.health &&
    shown(a.ratePerSecond) === shown(b.ratePerSecond) &&
    shown(a.p99Ms) === shown(b.p99Ms) &&
    Math.round(a.utilization * 1000) === Math.round(b.utilization * 1000) &&
    a.ownWork === b.ownWork &&
    a.queueLength === b.queueLength &&
    (a.hitRatio === null) === (b.hitRatio === null) &&
    Math.round((a.hitRatio ?? 0) * 1000) === Math.round((b.hitRatio ?? 0) * 1000) &&
    a.slowdown === b.slowdown &&
    a.breaker === b.breaker &&
    a.backlog === b.backlog &&
    a.staleReads === b.staleReads &&
    a.instances === b.instances
  );
}

function sameEdgeBadge(a: EdgeBadge, b: EdgeBadge): boolean {
  return (
    a.failing === b.failing &&
    shown(a.ratePerSecond) === shown(b.ratePerSecond) &&
    a.breaker === b.breaker &&
    a.cut === b.cut &&
    a.addedLatencyMs === b.addedLatencyMs
  );
}

/**
 * `previous` is the snapshot before this one (for recent failures); `lastWindow` the newest
 * closed window of simulated time (for rates), whose arrays are in design order.
 *
 * `before` is the figures shown until now: a badge that would look the same keeps its old
 * object, so a node or edge subscribed to its own badge re-renders only when what it shows
 * changes (at full speed most badges of a big design stay put between snapshots).
 */
export function liveFigures(
  snap: Snapshot,
  previous: Snapshot | null,
  lastWindow: WindowPoint | null,
  before: LiveFigures | null = null,
): LiveFigures {
  const nodes = new Map<string, NodeBadge>();
  const prevNodes = new Map(previous?.nodes.map((n) => [n.id, n]) ?? []);
  snap.nodes.forEach((node, i) => {
    const prev = prevNodes.get(node.id);
    const windowUtil = lastWindow?.utilization[i];
    const utilization = Math.min(1, Math.max(0, finite(windowUtil ?? node.utilization)));
    const recentFailed = node.failed - (prev?.failed ?? 0);
    const recentCompleted = node.completed - (prev?.completed ?? 0);
    const recentDrops = node.dropped + node.rejected - ((prev?.dropped ?? 0) + (prev?.rejected ?? 0));
    const old = before?.nodes.get(node.id);
    // Every node's rate, a client's included (the requests it sends), is its last window's: a
    // client and the balancer behind it show the same requests, not two different intervals.
    // Before the first window closes there is no rate to show, rather than a false 0.
    const badge: NodeBadge = {
      ratePerSecond: lastWindow ? Math.max(0, finite(lastWindow.nodeRate[i])) : null,
      p99Ms: nullableFinite(lastWindow?.nodeP99?.[i]),
      utilization,
      ownWork: node.ownWork,
      queueLength: finite(node.queueLength),
      hitRatio: node.hitRatio === null ? null : finite(node.hitRatio),
      health: node.kind === 'client' ? 'healthy' : healthOf(node.state, utilization, recentFailed, recentCompleted, recentDrops),
      slowdown: node.state === 'slowed' ? finite(node.slowdown) || 1 : 1,
      breaker: node.breaker ?? null,
      backlog: node.backlog === null || node.backlog === undefined ? null : finite(node.backlog),
      staleReads: node.staleReads === null || node.staleReads === undefined ? null : finite(node.staleReads),
      instances: node.kind === 'server' ? finite(node.instances) || 1 : null,
    };
    nodes.set(node.id, old && sameNodeBadge(old, badge) ? old : badge);
  });
  const edges = new Map<string, EdgeBadge>();
  const prevEdges = new Map(previous?.edges.map((e) => [e.id, e]) ?? []);
  snap.edges.forEach((edge, i) => {
    const recentFailed = edge.failed - (prevEdges.get(edge.id)?.failed ?? 0);
    const badge: EdgeBadge = {
      ratePerSecond: lastWindow ? finite(lastWindow.edgeRate[i]) : null,
      failing: recentFailed > 0 || finite(lastWindow?.edgeErrors[i]) > 0,
      breaker: edge.breaker ?? null,
      cut: edge.cut === true,
      addedLatencyMs: finite(edge.addedLatencyMs),
    };
    const old = before?.edges.get(edge.id);
    edges.set(edge.id, old && sameEdgeBadge(old, badge) ? old : badge);
  });
  return { nodes, edges };
}
