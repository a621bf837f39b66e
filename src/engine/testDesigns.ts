/** Test helpers: designs written compactly, restored exactly as a file or link would be. */
import { restore } from '../model/restore';
import type { Design, ScheduledFault } from '../model/types';
import { runDesign } from './run';
import { Simulation } from './simulation';

export interface Sketch {
  nodes: Array<{ id: string; kind: string; params?: Record<string, unknown> }>;
  edges: Array<{ id?: string; source: string; target: string; params?: Record<string, unknown> }>;
  faults?: ScheduledFault[];
  seed?: number;
}

export function design(sketch: Sketch): Design {
  const { faults, ...rest } = sketch;
  const result = restore({ format: 'archsim.design', version: 1, ...rest });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  // Faults are added after restore so engine tests do not depend on its fault-target checks.
  return { ...result.design, faults: faults ?? [] };
}

export function simulate(sketch: Sketch, untilS: number, warmupS = 0): Simulation {
  const sim = new Simulation(design(sketch), { warmupMs: warmupS * 1000 });
  sim.runUntil(untilS * 1000);
  return sim;
}

export function summary(sketch: Sketch, durationS: number, warmupS = 0) {
  return runDesign(design(sketch), { durationS, warmupS });
}

/** Summary JSON without the wall-clock time, for bit-for-bit comparisons. */
export function stableJson(sketch: Sketch, durationS: number, warmupS = 0): string {
  const { wallMs: _wall, ...rest } = summary(sketch, durationS, warmupS);
  return JSON.stringify(rest);
}
