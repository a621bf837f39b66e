/**
 * A comparison by capacity: for each value of one param, how much traffic the design carries
 * within a target (a capacity search per value), rather than how it does at today's traffic.
 * Which balancing algorithm lets the same servers take the most, what a fifth worker buys.
 */
import type { Design, ParamValue } from '../model';
import { findCapacity } from '../capacity/capacity';
import type { CapacityLimit, CapacityTarget } from '../capacity/types';
import { withParam } from './compare';
import type { Subject, VariantProblem } from './types';

export interface VariantCapacity {
  value: ParamValue;
  ok: true;
  /** The highest load that met the target, req/s; null when even the lowest tried did not. */
  carriedPerSecond: number | null;
  /** True when no load tried failed: the design carries at least `carriedPerSecond`. */
  atLeast: boolean;
  /** What gives first beyond it. */
  limit: CapacityLimit | null;
  runs: number;
}

export type VariantCapacityResult = VariantCapacity | VariantProblem;

export interface CapacityComparison {
  subject: Subject;
  target: CapacityTarget;
  run: { durationS: number; warmupS: number; seed: number };
  variants: VariantCapacityResult[];
  wallMs: number;
}

export function compareCapacity(
  design: Design,
  subject: Subject,
  values: readonly ParamValue[],
  target: CapacityTarget,
  onVariant?: (variant: VariantCapacityResult) => void,
): CapacityComparison {
  const started = performance.now();
  const variants = values.map((value) => {
    const variant = capacityOf(design, subject, value, target);
    onVariant?.(variant);
    return variant;
  });
  return {
    subject,
    target,
    run: { durationS: design.run.durationS, warmupS: design.run.warmupS, seed: design.seed },
    variants,
    wallMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function capacityOf(design: Design, subject: Subject, value: ParamValue, target: CapacityTarget): VariantCapacityResult {
  // findCapacity restores the design itself: a value it refuses comes back as its problem.
  const search = findCapacity(withParam(design, subject, value), target);
  if (!search.ok) return { value, ok: false, problem: search.problem };
  return {
    value,
    ok: true,
    carriedPerSecond: search.carried?.offeredPerSecond ?? null,
    atLeast: search.failed === null,
    limit: search.limit,
    runs: search.points.length,
  };
}
