/**
 * Which requests to show, traced: the design is replayed twice with its seed and run length.
 * The first, plain run measures the median and the 99th percentile; the second follows every
 * request (TracingSimulation) and keeps the slowest few, the first failure, and the requests
 * whose latency lies closest to that median and p99 — the same requests the plain run had,
 * since tracing changes no draw. Pure and synchronous: the playground calls it in a worker.
 */
import { runnable, type Design } from '../model';
import { simulateDesign } from '../engine';
import { TracingSimulation, type FollowedRequest } from './tracer';
import type { Trace, TraceReason, TraceResult } from './types';

/** How many of the slowest requests are kept. */
const SLOWEST = 5;
/**
 * Requests a replay follows at most (about three seconds' work): a busier design is replayed
 * for a shorter measured time, said in the result's run, rather than keep the worker for minutes.
 */
export const TRACE_BUDGET = 2_000_000;

export function findTraces(input: Design, budget = TRACE_BUDGET): TraceResult {
  const started = performance.now();
  const checked = runnable(input);
  if (!checked.ok) return { ok: false, problem: checked.problems[0].message };
  const design = checked.design;
  const run = { durationS: withinBudget(design, budget), warmupS: design.run.warmupS, seed: design.seed };

  const plain = simulateDesign(design, run);
  const measured = plain.e2e.sent;
  if (measured === 0) return { ok: false, problem: 'The clients sent nothing in the measured time: give a client a rate to trace its requests.' };
  const [p50, p99] = plain.e2e.latency.quantiles([0.5, 0.99]);

  const keeper = new Keeper({ p50, p99 });
  const traced = new TracingSimulation(design, { seed: run.seed, warmupMs: run.warmupS * 1000 }, (request) => keeper.offer(request));
  traced.runUntil((run.warmupS + run.durationS) * 1000);
  traced.flush();

  const nodeIds = traced.nodeIds;
  const traces = keeper.kept().map(({ reason, request }) => toTrace(reason, request, nodeIds));
  return { ok: true, run, measured, traces, wallMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** The design's measured seconds, or fewer (at least one) when its clients' base rates would send more than `budget` requests. */
function withinBudget(design: Design, budget: number): number {
  const { durationS, warmupS } = design.run;
  const rate = design.nodes.reduce((sum, n) => sum + (n.kind === 'client' ? Number(n.params.ratePerSecond) || 0 : 0), 0);
  if (rate * (warmupS + durationS) <= budget) return durationS;
  return Math.max(1, Math.floor(budget / rate - warmupS));
}

/** Chooses as requests are offered, in the order they finished: ties go to the earlier one. */
class Keeper {
  private slowest: FollowedRequest[] = [];
  private failed: FollowedRequest | null = null;
  private readonly nearest: Record<'p50' | 'p99', { request: FollowedRequest; gap: number } | null> = { p50: null, p99: null };

  constructor(private readonly targets: { p50: number; p99: number }) {}

  offer(request: FollowedRequest): void {
    if (!request.measured || request.settledAt === null) return;
    if (!request.ok) {
      this.failed ??= request;
      return;
    }
    const latency = request.settledAt - request.sentAt;
    const slowest = this.slowest;
    if (slowest.length < SLOWEST || latency > latencyOf(slowest[slowest.length - 1])) {
      slowest.push(request);
      slowest.sort((a, b) => latencyOf(b) - latencyOf(a));
      if (slowest.length > SLOWEST) slowest.pop();
    }
    for (const key of ['p50', 'p99'] as const) {
      const gap = Math.abs(latency - this.targets[key]);
      const best = this.nearest[key];
      if (best === null || gap < best.gap) this.nearest[key] = { request, gap };
    }
  }

  /** Slowest first, then the failure, then the p99 and p50 requests (each request once). */
  kept(): { reason: TraceReason; request: FollowedRequest }[] {
    const out: { reason: TraceReason; request: FollowedRequest }[] = this.slowest.map((request) => ({ reason: 'slowest', request }));
    if (this.failed) out.push({ reason: 'failed', request: this.failed });
    for (const key of ['p99', 'p50'] as const) {
      const request = this.nearest[key]?.request;
      if (request && !out.some((k) => k.request === request)) out.push({ reason: key, request });
    }
    return out;
  }
}

const latencyOf = (r: FollowedRequest) => (r.settledAt ?? r.sentAt) - r.sentAt;

function toTrace(reason: TraceReason, request: FollowedRequest, nodeIds: readonly string[]): Trace {
  return {
    reason,
    clientId: nodeIds[request.clientNode],
    sentAtS: request.sentAt / 1000,
    latencyMs: latencyOf(request),
    ok: request.ok,
    attempts: request.attempts,
    attemptEndsMs: request.attemptEnds.map((t) => t - request.sentAt),
    // Without the tracer's bookkeeping (which call it was, whether it came back).
    spans: request.spans.map(({ call: _call, closed: _closed, ...span }) => span),
  };
}
