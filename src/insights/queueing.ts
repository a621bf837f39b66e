/**
 * Queueing theory beside a measured node: from the arrival rate the run measured and the node's
 * own work per request, what the textbook model of its station (c workers, one waiting line) predicts
 * for the mean wait for a worker — Erlang C for exponential work, scaled by (1 + cv²) / 2 for
 * any other (Allen–Cunneen; exact for one worker, where it is Pollaczek–Khinchine) — beside the
 * wait measured, by Little's law. Only for stations the model describes: one waiting line that
 * drops nothing, a fixed number of workers, and work that does not include waiting on other nodes.
 */
import { autoscales, type Design, type DesignNode } from '../model';
import type { NodeFigures } from '../engine';
import { erlangC } from '../engine/closedForms';
import { stationConfig } from '../engine/kinds';

export interface StationTheory {
  /** Kendall's notation of the model: M/M/4, M/D/1, M/G/8. */
  model: string;
  /** The formula behind the prediction. */
  method: 'Erlang C' | 'Pollaczek–Khinchine' | 'Allen–Cunneen';
  arrivalsPerSecond: number;
  /** Workers across the node's instances. */
  servers: number;
  /** Mean work per request, ms: the node's service time (times a `slow` fault's factor). */
  serviceMs: number;
  /** Coefficient of variation of the service time, from the node's distribution. */
  serviceCv: number;
  /** Offered load per worker, ρ = arrival rate × service time ÷ workers (the measured utilisation, when below 1). */
  utilization: number;
  /** The most the workers can serve, req/s. */
  saturatesAtPerSecond: number;
  /** Mean wait for a worker the model predicts, ms; null when offered as much as it can serve or more. */
  predictedWaitMs: number | null;
  /** Mean wait measured: time-average queue length ÷ arrival rate (Little's law), ms. */
  measuredWaitMs: number;
}

/** Arrivals a node must have seen before its rate and busy time mean anything. */
const ENOUGH_ARRIVALS = 200;

export function stationTheory(design: Design, node: DesignNode, f: NodeFigures, measuredS: number): StationTheory | null {
  if (measuredS <= 0 || f.arrivals < ENOUGH_ARRIVALS || f.utilization <= 0 || f.dropped > 0 || f.rejected > 0 || f.state === 'down') return null;
  if (!modelled(design, node)) return null;
  const config = stationConfig(node.kind, node.params);
  const servers = config.workers;
  const arrivalsPerSecond = f.arrivals / measuredS;
  // The node's own mean (modelled() leaves out nodes where reads and writes differ), as slowed by a fault.
  const serviceS = (config.readMeanMs * f.slowdown) / 1000;
  const serviceCv = config.distribution === 'exponential' ? 1 : config.distribution === 'constant' ? 0 : config.cv;
  const offered = arrivalsPerSecond * serviceS; // in workers
  const variability = (1 + serviceCv ** 2) / 2;
  const predictedWaitS = offered < servers ? ((erlangC(servers, offered) * serviceS) / (servers - offered)) * variability : null;
  const letter = config.distribution === 'exponential' ? 'M' : config.distribution === 'constant' ? 'D' : 'G';
  return {
    model: `M/${letter}/${servers}`,
    method: letter === 'M' ? 'Erlang C' : servers === 1 ? 'Pollaczek–Khinchine' : 'Allen–Cunneen',
    arrivalsPerSecond,
    servers,
    serviceMs: serviceS * 1000,
    serviceCv,
    utilization: offered / servers,
    saturatesAtPerSecond: servers / serviceS,
    predictedWaitMs: predictedWaitS === null ? null : predictedWaitS * 1000,
    measuredWaitMs: (f.meanQueueLength / arrivalsPerSecond) * 1000,
  };
}

/**
 * Whether one c-worker station with its own work describes the node: not a server that holds
 * its worker while it waits on others, nor one whose workers autoscale; not a database whose
 * replicas split the work or whose reads and writes take different times.
 */
function modelled(design: Design, node: DesignNode): boolean {
  const p = node.params;
  const calls = design.edges.some((e) => e.source === node.id);
  switch (node.kind) {
    case 'server':
      return !(p.callMode === 'blocking' && calls) && !autoscales(p);
    case 'database':
      return p.replicas === 0 && p.readTimeMs === p.writeTimeMs;
    case 'loadBalancer':
    case 'cache':
    case 'cdn':
      return true;
    default:
      return false;
  }
}
