/**
 * Runs a design once per value of one param, with the design's seed and run length. Every run
 * draws the same arrivals, keys and service demands (common random numbers), so differences
 * between the rows are the param's alone. Pure and synchronous: the playground calls it in a
 * worker, the tests directly.
 */
import { runnable, type Design, type ParamValue } from '../model';
import { settledErrorRate, simulateDesign, summarize } from '../engine';
import type { Comparison, Subject, Variant } from './types';

/** The design with one param of one node or edge set to `value` (not yet checked). */
export function withParam(design: Design, { target, key }: Subject, value: ParamValue): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => (n.id === target ? { ...n, params: { ...n.params, [key]: value } } : n)),
    edges: design.edges.map((e) => (e.id === target ? { ...e, params: { ...e.params, [key]: value } } : e)),
  };
}

export function compareValues(design: Design, subject: Subject, values: readonly ParamValue[]): Comparison {
  const started = performance.now();
  const run = { durationS: design.run.durationS, warmupS: design.run.warmupS, seed: design.seed };
  const variants = values.map((value) => runVariant(design, subject, value, run));
  return { subject, run, variants, wallMs: Math.round((performance.now() - started) * 10) / 10 };
}

function runVariant(design: Design, subject: Subject, value: ParamValue, run: Comparison['run']): Variant {
  const checked = runnable(withParam(design, subject, value));
  if (!checked.ok) return { value, ok: false, problem: checked.problems[0].message };
  const sim = simulateDesign(checked.design, run);
  const { endToEnd, costPerMonth } = summarize(sim, 0);
  const p99PerSecond = sim.series
    .since(0)
    .filter((w) => w.tS > run.warmupS)
    .map((w) => (w.throughput > 0 ? w.p99 : null));
  const { mean, p50, p95, p99 } = endToEnd.latencyMs;
  return {
    value,
    ok: true,
    sent: endToEnd.sent,
    completed: endToEnd.completed,
    failed: endToEnd.failed,
    errorRate: settledErrorRate(endToEnd) ?? 0,
    throughputPerSecond: endToEnd.throughputPerSecond,
    latencyMs: { mean, p50, p95, p99 },
    p99PerSecond,
    costPerMonth,
  };
}
