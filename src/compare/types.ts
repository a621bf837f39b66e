/** A comparison: one design run once per value of one param, the runs otherwise identical. */
import type { ParamValue } from '../model';

/** The param that varies: a node's or an edge's. */
export interface Subject {
  /** A node id or an edge id. */
  target: string;
  key: string;
}

/** One run's figures, as the summary row shows them. */
export interface VariantFigures {
  value: ParamValue;
  ok: true;
  sent: number;
  completed: number;
  failed: number;
  /** Failed among settled requests (0 when none settled). */
  errorRate: number;
  throughputPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number };
  /** The p99 of each measured second, oldest first; null for a second in which nothing was answered. */
  p99PerSecond: (number | null)[];
  costPerMonth: number;
}

/** A value the design cannot run with (out of range, or it makes the design invalid). */
export interface VariantProblem {
  value: ParamValue;
  ok: false;
  problem: string;
}

export type Variant = VariantFigures | VariantProblem;

export interface Comparison {
  subject: Subject;
  /** Every run's length and seed: the design's. */
  run: { durationS: number; warmupS: number; seed: number };
  variants: Variant[];
  wallMs: number;
}
