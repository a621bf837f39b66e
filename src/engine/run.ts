/** One complete headless run: warm-up plus measured duration, timed on the engine alone. */
import type { Design } from '../model/types';
import { summarize, type RunSummary } from './report';
import { Simulation } from './simulation';

export interface RunOptions {
  durationS: number;
  warmupS: number;
  seed?: number;
}

export function runDesign(design: Design, options: RunOptions): RunSummary {
  const started = performance.now();
  const sim = new Simulation(design, { seed: options.seed, warmupMs: options.warmupS * 1000 });
  sim.runUntil((options.warmupS + options.durationS) * 1000);
  return summarize(sim, performance.now() - started);
}
