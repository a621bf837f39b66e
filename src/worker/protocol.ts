/** The contract between the page and the simulation worker. */
import type { Design, Params, ScheduledFault } from '../model';
import type { Snapshot } from '../engine';

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

export interface InjectResult {
  /** False when the action does nothing to that target (flushing a server). */
  applied: boolean;
  /** Fresh figures when paused (no snapshot would otherwise show the fault); null while running. */
  snapshot: Snapshot | null;
}

export interface SimulationApi {
  /** Builds a simulation of the design; rejects with the engine's message if it cannot. */
  load(design: Design, limits?: RunLimits): void;
  /** `onFinished` receives the final figures when the run reaches its end (RunLimits.endMs). */
  play(
    speed: Speed,
    onSnapshot: (snapshot: Snapshot) => void,
    onError: (message: string) => void,
    onFinished?: (snapshot: Snapshot) => void,
  ): void;
  setSpeed(speed: Speed): void;
  /** Stops the clock and returns the latest figures. */
  pause(): Snapshot | null;
  setNodeParams(id: string, params: Params): void;
  setEdgeParams(id: string, params: Params): void;
  /** Applies a fault now, at the simulated time the run has reached; rejects for an unknown target. */
  injectFault(fault: ScheduledFault): InjectResult;
  /** Forgets the simulation. */
  reset(): void;
  /** Answers at once unless the worker is stuck; the page's watchdog uses it. */
  ping(): number;
}
