/**
 * How much traffic a design carries: it runs the design with every client's rate multiplied
 * by a scale, doubling (or halving) from today's traffic until one run meets the target and
 * another does not, then bisects between them. Every run has the design's seed and length, and
 * scaling a rate only compresses time — the same requests with the same demands arrive faster
 * — so the runs trace one smooth load curve rather than a cloud of noise. Pure and
 * synchronous: the playground calls it in a worker, the runner and the tests directly.
 */
import { nodeName, runnable, type Design } from '../model';
import { judgedP99, settledErrorRate, simulateDesign, summarize, upShare, type RunSummary } from '../engine';
import { findings } from '../insights/findings';
import type { CapacityLimit, CapacityResult, CapacityTarget, LoadPoint } from './types';
import { formatWait } from './verdict';

/** Below this, the busiest node is not what makes a run too slow. */
const IDLE_ENOUGH = 0.5;
/** How far above and below today's traffic the search looks for a boundary. */
const MAX_SCALE = 1024;
const MIN_SCALE = 1 / 1024;
/** A run that would send more requests than this is not started: the search reports "at least". */
const REQUEST_BUDGET = 10_000_000;
/** Fewer measured requests than this say nothing about a p99: the search does not go lower. */
const MIN_REQUESTS = 100;
/** The search ends when the highest load met and the lowest missed are within this ratio. */
const PRECISION = 1.02;

/** The design with every client's traffic multiplied by `scale` (a ramp's end too; a spike's factor is already relative). */
export function scaledTraffic(design: Design, scale: number): Design {
  return {
    ...design,
    nodes: design.nodes.map((node) => {
      if (node.kind !== 'client') return node;
      const { ratePerSecond, rampToRatePerSecond } = node.params;
      return {
        ...node,
        params: { ...node.params, ratePerSecond: Number(ratePerSecond) * scale, rampToRatePerSecond: Number(rampToRatePerSecond) * scale },
      };
    }),
  };
}

interface Measured {
  point: LoadPoint;
  design: Design;
  summary: RunSummary;
  /** The parts of the target it missed that name a node of their own: too many errors, a queue that fell behind (its id). */
  short: { slow: boolean; failing: boolean; lagging: string | null };
}

export function findCapacity(input: Design, target: CapacityTarget, onPoint?: (point: LoadPoint) => void): CapacityResult {
  const started = performance.now();
  const targetProblem = checkTarget(target);
  if (targetProblem) return { ok: false, problem: targetProblem };
  const checked = runnable(input);
  if (!checked.ok) return { ok: false, problem: checked.problems[0].message };
  const design = checked.design;
  const run = { durationS: design.run.durationS, warmupS: design.run.warmupS, seed: design.seed };

  const points: LoadPoint[] = [];
  const measure = (scale: number): Measured => {
    const measured = measureAt(design, scale, target, run);
    points.push(measured.point);
    onPoint?.(measured.point);
    return measured;
  };

  const baseline = measure(1);
  const sentAtScale1 = baseline.summary.endToEnd.sent;
  if (sentAtScale1 === 0) {
    return { ok: false, problem: 'The clients sent nothing in the measured time: give a client a rate to find how much the design carries.' };
  }
  // Requests a run at `scale` would send, warm-up included (the budget is about work, not figures).
  const requestsAt = (scale: number) => (scale * sentAtScale1 * (run.warmupS + run.durationS)) / run.durationS;
  const measuredAt = (scale: number) => scale * sentAtScale1;

  let carried: Measured | null = null;
  let failed: Measured | null = null;
  if (baseline.point.meets) {
    carried = baseline;
    for (let scale = 2; scale <= MAX_SCALE && requestsAt(scale) <= REQUEST_BUDGET && !failed; scale *= 2) {
      const m = measure(scale);
      if (m.point.meets) carried = m;
      else failed = m;
    }
  } else {
    failed = baseline;
    for (let scale = 1 / 2; scale >= MIN_SCALE && measuredAt(scale) >= MIN_REQUESTS && !carried; scale /= 2) {
      const m = measure(scale);
      if (m.point.meets) carried = m;
      else failed = m;
    }
  }
  while (carried && failed && failed.point.scale / carried.point.scale > PRECISION) {
    const m = measure(Math.sqrt(carried.point.scale * failed.point.scale));
    if (m.point.meets) carried = m;
    else failed = m;
  }

  return {
    ok: true,
    target,
    run,
    baseline: baseline.point,
    points: points.sort((a, b) => a.scale - b.scale),
    carried: carried?.point ?? null,
    failed: failed?.point ?? null,
    limit: failed ? limitOf(failed) : null,
    wallMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function checkTarget({ p99Ms, errorRate, queueLagMs }: CapacityTarget): string | null {
  if (!(Number.isFinite(p99Ms) && p99Ms > 0)) return `The p99 target must be a positive number of milliseconds, got ${p99Ms}.`;
  if (!(Number.isFinite(queueLagMs) && queueLagMs > 0)) return `The queue wait target must be a positive number of milliseconds, got ${queueLagMs}.`;
  if (!(Number.isFinite(errorRate) && errorRate >= 0 && errorRate < 1)) {
    return `The error target must be a share from 0 up to (not including) 1, got ${errorRate}.`;
  }
  return null;
}

/** One run at `scale`, judged against the target. */
function measureAt(design: Design, scale: number, target: CapacityTarget, run: { durationS: number; warmupS: number; seed: number }): Measured {
  const scaled = scaledTraffic(design, scale);
  const sim = simulateDesign(scaled, run);
  const summary = summarize(sim, 0);
  const e = summary.endToEnd;
  const seconds = summary.durationS > 0 ? summary.durationS : 1;
  const errorRate = settledErrorRate(e) ?? 0;
  const laggiest = laggiestQueue(summary);
  const { p99Ms: judged, overdue } = judgedP99(sim, target.p99Ms);

  const shortfalls: string[] = [];
  if (judged > target.p99Ms) {
    // Out of reach because of the unanswered: said so, unless the answered alone are over (then their p99 says it).
    const shown = Number.isFinite(judged) ? judged : e.completed > 0 && e.latencyMs.p99 > target.p99Ms ? e.latencyMs.p99 : null;
    shortfalls.push(
      shown === null ? `${count(overdue)} requests still unanswered after ${formatWait(target.p99Ms)}` : `p99 ${formatWait(shown)}, over ${formatWait(target.p99Ms)}`,
    );
  }
  const failing = errorRate > target.errorRate;
  if (failing) shortfalls.push(`errors ${percent(errorRate)}, over ${percent(target.errorRate)}`);
  const lagging = laggiest !== null && laggiest.waitMs > target.queueLagMs;
  if (lagging) shortfalls.push(`a message waited ${formatWait(laggiest.waitMs)} in a queue, over ${formatWait(target.queueLagMs)}`);

  const point: LoadPoint = {
    scale,
    offeredPerSecond: e.sent / seconds,
    throughputPerSecond: e.completed / seconds,
    p99Ms: Number.isFinite(judged) ? judged : e.latencyMs.p99,
    errorRate,
    overdue,
    queueLagMs: laggiest?.waitMs ?? null,
    meets: shortfalls.length === 0,
    shortfall: shortfalls.length > 0 ? shortfalls.join('; ') : null,
    busiest: busiestNode(sim.nodeIds, summary, (n) => !sim.stations[n].passThrough),
  };
  return { point, design: scaled, summary, short: { slow: judged > target.p99Ms, failing, lagging: lagging ? laggiest.nodeId : null } };
}

/** The queue whose messages waited longest (those still waiting included); null without queues. */
function laggiestQueue(summary: RunSummary): { nodeId: string; waitMs: number } | null {
  let laggiest: { nodeId: string; waitMs: number } | null = null;
  for (const [nodeId, figures] of Object.entries(summary.nodes)) {
    const waitMs = figures.longestWaitMs;
    if (waitMs !== null && (laggiest === null || waitMs > laggiest.waitMs)) laggiest = { nodeId, waitMs };
  }
  return laggiest;
}

function busiestNode(ids: readonly string[], summary: RunSummary, doesWork: (n: number) => boolean): LoadPoint['busiest'] {
  let busiest: LoadPoint['busiest'] = null;
  ids.forEach((nodeId, n) => {
    // Busy while up: a node killed for part of the run is no less busy for it.
    const utilization = summary.nodes[nodeId].utilization / upShare(summary.nodes[nodeId], summary.durationS);
    if (doesWork(n) && (busiest === null || utilization > busiest.utilization)) busiest = { nodeId, utilization };
  });
  return busiest;
}

/**
 * What gives first at the lowest load that failed: its worst finding, or, this close to the
 * boundary where findings may not yet fire, the node behind the shortfall — the queue that
 * fell behind, the node that turned most requests away — else the busiest node.
 */
function limitOf({ design, summary, point, short }: Measured): CapacityLimit | null {
  const named = findings(design, summary).filter((f) => f.nodeId !== undefined);
  const label = (id: string) => nodeName(design, id);
  const bad = named.find((f) => f.tone === 'bad');
  if (bad) return { nodeId: bad.nodeId, text: bad.text };
  if (short.lagging !== null) {
    const queue = short.lagging;
    const said = named.find((f) => f.nodeId === queue);
    const waitMs = summary.nodes[queue].longestWaitMs ?? 0;
    return { nodeId: queue, text: said?.text ?? `${label(queue)}'s consumers fall behind: a message waited ${formatWait(waitMs)}.` };
  }
  if (short.failing) {
    const [nodeId, figures] = Object.entries(summary.nodes).reduce((a, b) => (turnedAway(b[1]) > turnedAway(a[1]) ? b : a));
    if (turnedAway(figures) > 0) {
      const share = figures.arrivals > 0 ? ` (${percent(turnedAway(figures) / figures.arrivals)} of what reached it)` : '';
      return { nodeId, text: `${label(nodeId)} turned away ${count(turnedAway(figures))} requests${share}.` };
    }
  }
  if (!point.busiest) return null;
  const { nodeId, utilization } = point.busiest;
  // Nothing near busy, yet short of the target: load is not what gives.
  if (utilization < IDLE_ENOUGH) {
    const what = short.slow ? "the latency is the design's own — its connections and service times" : "the errors are the design's own — a node's error rate or a fault";
    return { nodeId, text: `Nothing is busy (the busiest node, ${label(nodeId)}, ${percent(utilization)}): ${what} — not load.` };
  }
  return { nodeId, text: `${label(nodeId)} is the busiest node, busy ${percent(utilization)} of the time.` };
}

const turnedAway = (f: { dropped: number; rejected: number }) => f.dropped + f.rejected;
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const percent = (x: number) => `${Number((x * 100).toPrecision(2))} %`;
