/** The contract between the page and the simulation worker. */
import type { Design, Params } from '../model';
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

export interface SimulationApi {
  /** Builds a simulation of the design; rejects with the engine's message if it cannot. */
  load(design: Design): void;
  play(speed: Speed, onSnapshot: (snapshot: Snapshot) => void, onError: (message: string) => void): void;
  setSpeed(speed: Speed): void;
  /** Stops the clock and returns the latest figures. */
  pause(): Snapshot | null;
  setNodeParams(id: string, params: Params): void;
  setEdgeParams(id: string, params: Params): void;
  /** Forgets the simulation. */
  reset(): void;
  /** Answers at once unless the worker is stuck; the page's watchdog uses it. */
  ping(): number;
}
