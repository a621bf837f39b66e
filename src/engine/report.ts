/**
 * Plain, clonable views of a running simulation: the run summary (the CLI's JSON contract)
 * and the live snapshots the worker posts to the UI. Every figure is finite.
 */
import type { NodeKind } from '../model/params';
import { summarizeLatency, type LatencySummary, type WindowPoint } from './metrics';
import type { Simulation } from './simulation';

export interface NodeFigures {
  kind: NodeKind;
  arrivals: number;
  completed: number;
  failed: number;
  dropped: number;
  rejected: number;
  utilization: number;
  meanQueueLength: number;
  latencyMs: { mean: number; p50: number; p99: number };
  hitRatio: number | null;
  backlog: number | null;
}

export interface EndToEndFigures {
  sent: number;
  completed: number;
  failed: number;
  inFlight: number;
  timedOut: number;
  retries: number;
  throughputPerSecond: number;
  latencyMs: LatencySummary;
}

export interface RunSummary {
  seed: number;
  warmupS: number;
  durationS: number;
  wallMs: number;
  events: number;
  endToEnd: EndToEndFigures;
  nodes: Record<string, NodeFigures>;
}

export interface NodeLive extends NodeFigures {
  id: string;
  /** Calls in service and waiting right now. */
  busy: number;
  queueLength: number;
}

export interface EdgeLive {
  id: string;
  sent: number;
  failed: number;
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
    throughputPerSecond: seconds > 0 ? round(e.completed / seconds) : 0,
    latencyMs: latency,
  };
}

export function nodeFigures(sim: Simulation, n: number): NodeFigures {
  const stats = sim.stats[n];
  const station = sim.stations[n];
  station.account(sim.now);
  const behaviour = sim.behaviours[n];
  const elapsed = sim.now - (sim.measuring ? sim.warmupMs : 0);
  const hitRatio = behaviour.hitRatio();
  return {
    kind: sim.nodeKinds[n],
    arrivals: stats.arrivals,
    completed: stats.completed,
    failed: stats.failed,
    dropped: stats.dropped,
    rejected: stats.rejected,
    utilization: station.capacityArea > 0 ? round(station.busyArea / station.capacityArea) : 0,
    meanQueueLength: elapsed > 0 ? round(station.queueArea / elapsed) : 0,
    latencyMs: {
      mean: round(stats.latency.mean),
      p50: round(stats.latency.quantile(0.5)),
      p99: round(stats.latency.quantile(0.99)),
    },
    hitRatio: hitRatio === null ? null : round(hitRatio),
    backlog: behaviour.backlog(),
  };
}

export function summarize(sim: Simulation, wallMs: number): RunSummary {
  const nodes: Record<string, NodeFigures> = {};
  sim.nodeIds.forEach((id, n) => (nodes[id] = nodeFigures(sim, n)));
  return {
    seed: sim.seed,
    warmupS: sim.warmupMs / 1000,
    durationS: round(measuredSeconds(sim), 6),
    wallMs: round(wallMs, 1),
    events: sim.events,
    endToEnd: endToEnd(sim),
    nodes,
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
    })),
    edges: sim.edgeIds.map((id, e) => ({
      id,
      sent: sim.edgeSent[e],
      failed: sim.edgeFailed[e],
      inFlight: sim.edgeInFlight[e],
    })),
    windows: sim.series.since(cursor),
    cursor: sim.series.total,
  };
}
