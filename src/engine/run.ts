/** One complete headless run: warm-up plus measured duration, timed on the engine alone. */
import type { Design } from '../model/types';
import { summarize, type RunSummary } from './report';
import { Simulation } from './simulation';

export interface RunOptions {
  durationS: number;
  warmupS: number;
  seed?: number;
}

/** The simulation after a complete run, for callers that read more than the summary (its time series). */
export function simulateDesign(design: Design, options: RunOptions): Simulation {
  const sim = new Simulation(design, { seed: options.seed, warmupMs: options.warmupS * 1000 });
  sim.runUntil((options.warmupS + options.durationS) * 1000);
  return sim;
}

export function runDesign(design: Design, options: RunOptions): RunSummary {
  const started = performance.now();
  const sim = simulateDesign(design, options);
  return summarize(sim, performance.now() - started);
}
