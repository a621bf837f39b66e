/**
 * Turns engine snapshots into what the canvas shows: per-node req/s, p99, utilisation and a
 * health state; per-edge req/s and whether it fails. Pure, so it is tested without a worker.
 */
import type { Snapshot, WindowPoint } from '../engine';

export type Health = 'healthy' | 'hot' | 'saturated' | 'down';

export interface NodeBadge {
  ratePerSecond: number;
  p99Ms: number;
  utilization: number;
  queueLength: number;
  hitRatio: number | null;
  health: Health;
}

export interface EdgeBadge {
  ratePerSecond: number;
  failing: boolean;
}

export interface LiveFigures {
  nodes: Map<string, NodeBadge>;
  edges: Map<string, EdgeBadge>;
}

const finite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export function healthOf(utilization: number, recentFailed: number, recentCompleted: number, recentDrops: number): Health {
  if (recentFailed > 0 && recentCompleted === 0) return 'down';
  if (utilization >= 0.9 || recentDrops > 0) return 'saturated';
  if (utilization >= 0.7) return 'hot';
  return 'healthy';
}

/**
 * `previous` is the snapshot before this one (for recent failures); `lastWindow` the newest
 * closed window of simulated time (for rates), whose arrays are in design order.
 */
export function liveFigures(snap: Snapshot, previous: Snapshot | null, lastWindow: WindowPoint | null): LiveFigures {
  const nodes = new Map<string, NodeBadge>();
  const prevNodes = new Map(previous?.nodes.map((n) => [n.id, n]) ?? []);
  snap.nodes.forEach((node, i) => {
    const prev = prevNodes.get(node.id);
    const windowUtil = lastWindow?.utilization[i];
    const utilization = Math.min(1, Math.max(0, finite(windowUtil ?? node.utilization)));
    const recentFailed = node.failed - (prev?.failed ?? 0);
    const recentCompleted = node.completed - (prev?.completed ?? 0);
    const recentDrops = node.dropped + node.rejected - ((prev?.dropped ?? 0) + (prev?.rejected ?? 0));
    // Clients have no arrivals window of their own: their rate is what they sent since the last snapshot.
    const dtS = previous ? (snap.timeMs - previous.timeMs) / 1000 : 0;
    const rate =
      node.kind === 'client' && prev && dtS > 0 ? (node.arrivals - prev.arrivals) / dtS : finite(lastWindow?.nodeRate[i]);
    nodes.set(node.id, {
      ratePerSecond: Math.max(0, finite(rate)),
      p99Ms: finite(node.latencyMs.p99),
      utilization,
      queueLength: finite(node.queueLength),
      hitRatio: node.hitRatio === null ? null : finite(node.hitRatio),
      health: node.kind === 'client' ? 'healthy' : healthOf(utilization, recentFailed, recentCompleted, recentDrops),
    });
  });
  const edges = new Map<string, EdgeBadge>();
  const prevEdges = new Map(previous?.edges.map((e) => [e.id, e]) ?? []);
  snap.edges.forEach((edge, i) => {
    const recentFailed = edge.failed - (prevEdges.get(edge.id)?.failed ?? 0);
    edges.set(edge.id, {
      ratePerSecond: finite(lastWindow?.edgeRate[i]),
      failing: recentFailed > 0 || finite(lastWindow?.edgeErrors[i]) > 0,
    });
  });
  return { nodes, edges };
}
