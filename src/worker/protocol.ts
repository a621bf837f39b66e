/** The contract between the page and the simulation worker. */
import type { Design, Params, ScheduledFault } from '../model';
import type { RunSummary, Snapshot, WindowPoint } from '../engine';

export const SPEEDS = ['realtime', 'x10', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export const SPEED_LABELS: Record<Speed, string> = {
  realtime: 'Real time',
  x10: '×10',
  max: 'As fast as possible',
};

/** Simulated milliseconds per wall millisecond; `max` is not paced at all. */
export const SPEED_FACTORS: Record<Exclude<Speed, 'max'>, number> = { realtime: 1, x10: 10 };

/** How long a run lasts. The playground's default counts from the first request and never stops. */
export interface RunLimits {
  /** Simulated ms before figures count (the CLI's warm-up). */
  warmupMs: number;
  /** Simulated ms at which the run stops (warm-up + duration); null = until paused. */
  endMs: number | null;
}

export const UNLIMITED: RunLimits = { warmupMs: 0, endMs: null };

/**
 * What the worker tells the page about a run, in order. Every event travels over the one
 * listener the page registers, so a run's final figures can never overtake its last
 * periodic snapshot (separate Comlink proxies are separate ports, with no order between them).
 * `run` is the id `load` returned: events of a run the page has moved on from are dropped.
 */
export type RunEvent =
  | { run: number; kind: 'snapshot'; snapshot: Snapshot }
  /** A fixed-length run reached its end (RunLimits.endMs); the final figures. */
  | { run: number; kind: 'finished'; snapshot: Snapshot }
  | { run: number; kind: 'error'; message: string };

/** A run's figures so far, whole: what `npm run sim --json` prints, and every second the engine still holds. */
export interface RunResults {
  /** As the runner reports it; `wallMs` is the worker's time spent simulating. */
  summary: RunSummary;
  /** The per-second windows, oldest first (the last hour's; every per-node array whole). */
  series: WindowPoint[];
}

export interface SimulationApi {
  /** Where every RunEvent goes; registered once, before the first load. */
  listen(listener: (event: RunEvent) => void): void;
  /** Builds a simulation of the design and returns its run id; rejects with the engine's message if it cannot. */
  load(design: Design, limits?: RunLimits): number;
  play(speed: Speed): void;
  setSpeed(speed: Speed): void;
  /** Stops the clock; the latest figures follow as a snapshot event. */
  pause(): void;
  /** Applies a node's params live; returns the simulated time (ms) they applied at, null when nothing is loaded. */
  setNodeParams(id: string, params: Params): number | null;
  /** As setNodeParams, for an edge. */
  setEdgeParams(id: string, params: Params): number | null;
  /**
   * Applies a fault now, at the simulated time the run has reached; rejects for an unknown
   * target. False when the action does nothing to that target (flushing a server). While
   * paused, fresh figures follow as a snapshot event (no periodic one would show the fault).
   */
  injectFault(fault: ScheduledFault): boolean;
  /** The loaded run's figures so far; null when nothing is loaded. */
  results(): RunResults | null;
  /** Forgets the simulation. */
  reset(): void;
  /** Answers at once unless the worker is stuck; the page's watchdog uses it. */
  ping(): number;
}
