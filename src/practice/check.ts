/**
 * Grades a design against a scenario: the brief's rules, then its requirements, measured by
 * the engine in runs whose seed and length are the brief's. Pure and synchronous: the
 * playground calls it in a worker, the CLI and the tests directly.
 */
import { KIND_LABELS, NODE_PARAM_SPECS, runnable, type Design, type ParamValue } from '../model';
import { judgedP99, settledErrorRate, Simulation, summarize, type RunSummary, type WindowPoint } from '../engine';
import { dollars, inSentence, ms, percent, requirementLabel, RULES_LABEL, seconds } from './describe';
import { briefFaults, givenMismatch, ruleBreaks } from './rules';
import type { CheckResult, Requirement, RequirementResult, Scenario } from './types';

/** Rule breaks named in the result; the rest are counted. */
const NAMED_BREAKS = 3;

export function checkDesign(input: Design, scenario: Scenario): CheckResult {
  const checked = runnable(input);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => p.message) };

  const started = performance.now();
  // The brief decides the seed, the length and the faults; the design's own are set aside.
  const design: Design = { ...checked.design, faults: briefFaults(checked.design, scenario), seed: scenario.check.seed };
  const name = nameOf(design);
  let runs = 0;
  const run = (faulted: Design): Measured => {
    runs++;
    return simulate(faulted, scenario.check);
  };

  const base = run(design);
  const results = [rulesResult(design, scenario, name)];
  for (const requirement of scenario.requirements) {
    results.push(
      requirement.kind === 'survivesLoss'
        ? survivesLoss(design, requirement, name, run)
        : measure(requirement, base, name),
    );
  }
  const wallMs = Math.round((performance.now() - started) * 10) / 10;
  return { ok: true, passed: results.every((r) => r.passed), results, runs, wallMs };
}

/** What one check run measured: the run's figures, each measured second, and the longest any queued message waited. */
interface Measured {
  summary: RunSummary;
  /** The measured seconds, oldest first. */
  seconds: WindowPoint[];
  /** The queue where a message waited longest, and how long; null without queues. */
  worstLag: { nodeId: string; ms: number } | null;
  /** The p99 judged against a limit, the requests still unanswered past it counted as slower (judgedP99). */
  p99Within: (limitMs: number) => { p99Ms: number; overdue: number };
}

function simulate(design: Design, check: Scenario['check']): Measured {
  const sim = new Simulation(design, { seed: check.seed, warmupMs: check.warmupS * 1000 });
  sim.runUntil((check.warmupS + check.durationS) * 1000);
  const summary = summarize(sim, 0);
  const seconds = sim.series.since(0).filter((window) => window.tS > check.warmupS);
  let worstLag: Measured['worstLag'] = null;
  for (const [nodeId, figures] of Object.entries(summary.nodes)) {
    const waited = figures.longestWaitMs;
    if (waited !== null && (worstLag === null || waited > worstLag.ms)) worstLag = { nodeId, ms: waited };
  }
  return { summary, seconds, worstLag, p99Within: (limitMs) => judgedP99(sim, limitMs) };
}

/**
 * A p99 judged against `limitMs`, in words: the answered requests' p99 (the figure a run shows),
 * and what the requests still unanswered past the limit make of it.
 */
function p99Words({ p99Ms, overdue }: { p99Ms: number; overdue: number }, answeredP99: number, limitMs: number): string {
  const unanswered = `${overdue.toLocaleString('en')} still unanswered after ${ms(limitMs)}`;
  if (!Number.isFinite(p99Ms)) return `p99 ${ms(answeredP99)} of those answered, and ${unanswered}`;
  return overdue > 0 && p99Ms !== answeredP99 ? `p99 ${ms(answeredP99)}, ${ms(p99Ms)} counting the ${unanswered}` : `p99 ${ms(answeredP99)}`;
}

/** Failed requests among those settled; 1 when nothing settled (nothing was answered at all). */
export function errorRate(summary: RunSummary): number {
  return settledErrorRate(summary.endToEnd) ?? 1;
}

function measure(
  requirement: Exclude<Requirement, { kind: 'survivesLoss' }>,
  { summary, seconds: measuredSeconds, worstLag, p99Within }: Measured,
  name: (id: string) => string,
): RequirementResult {
  switch (requirement.kind) {
    case 'p99': {
      const judged = p99Within(requirement.maxMs);
      const answered = summary.endToEnd.completed > 0;
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: answered && judged.p99Ms <= requirement.maxMs,
        measured: answered ? p99Words(judged, summary.endToEnd.latencyMs.p99, requirement.maxMs) : 'no request was answered',
      };
    }
    case 'p50EverySecond':
    case 'p99EverySecond': {
      const percentile = requirement.kind === 'p50EverySecond' ? 'p50' : 'p99';
      const { endS, latency } = slowestSecond(measuredSeconds, percentile);
      const second = `the second ending at ${seconds(endS)}`;
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: latency <= requirement.maxMs,
        measured: Number.isFinite(latency) ? `worst, ${second}: ${percentile} ${ms(latency)}` : `nothing was answered in ${second}`,
      };
    }
    case 'recovers': {
      const after = measuredSeconds.filter((window) => window.tS - 1 >= requirement.fromS);
      // The second furthest past either bound; one in which nothing was answered is as bad as it gets.
      const badness = (w: WindowPoint) => Math.max(over(w.throughput > 0 ? w.p99 : Infinity, requirement.maxP99Ms), over(w.errorRate, requirement.maxErrorRate));
      const worst = after.reduce<WindowPoint | null>((a, b) => (a === null || badness(b) > badness(a) ? b : a), null);
      if (worst === null) return { requirement: requirement.kind, label: requirementLabel(requirement), passed: true, measured: 'no second to measure' };
      const second = `the second ending at ${seconds(worst.tS)}`;
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: badness(worst) <= 1,
        measured:
          worst.throughput > 0 ? `worst, ${second}: p99 ${ms(worst.p99)}, ${percent(worst.errorRate)} failed` : `nothing was answered in ${second}`,
      };
    }
    case 'errorRate': {
      const rate = errorRate(summary);
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: rate <= requirement.max,
        measured: `${percent(rate)} failed`,
      };
    }
    case 'cost':
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: summary.costPerMonth <= requirement.maxPerMonth,
        measured: `${dollars(summary.costPerMonth)} a month`,
      };
    case 'queueLag':
      if (worstLag === null) return { requirement: requirement.kind,
        label: requirementLabel(requirement), passed: true, measured: 'no queue' };
      return {
        requirement: requirement.kind,
        label: requirementLabel(requirement),
        passed: worstLag.ms <= requirement.maxS * 1000,
        measured: `the longest wait was ${seconds(worstLag.ms / 1000)}, in ${name(worstLag.nodeId)}`,
        nodeId: worstLag.nodeId,
      };
  }
}

/** The measured second with the highest latency at `percentile` (Infinity when nothing was answered in it). */
function slowestSecond(measured: WindowPoint[], percentile: 'p50' | 'p99'): { endS: number; latency: number } {
  let slowest = { endS: 0, latency: 0 };
  for (const window of measured) {
    const latency = window.throughput > 0 ? window[percentile] : Infinity;
    if (latency > slowest.latency) slowest = { endS: window.tS, latency };
  }
  return slowest;
}

function survivesLoss(
  design: Design,
  requirement: Extract<Requirement, { kind: 'survivesLoss' }>,
  name: (id: string) => string,
  run: (design: Design) => Measured,
): RequirementResult {
  const kind = KIND_LABELS[requirement.of].toLowerCase();
  const label = requirementLabel(requirement);
  const targets = design.nodes.filter((n) => n.kind === requirement.of);
  if (targets.length === 0) return { requirement: 'survivesLoss', label, passed: true, measured: `no ${kind} to lose` };
  let worst: { id: string; rate: number; words: string; badness: number } | null = null;
  let passed = true;
  for (const node of targets) {
    const { summary, p99Within } = run({ ...design, faults: [...design.faults, { atS: requirement.atS, action: 'kill', target: node.id }] });
    const rate = errorRate(summary);
    const judged = p99Within(requirement.maxP99Ms);
    const answered = summary.endToEnd.completed > 0;
    const p99 = answered ? judged.p99Ms : Infinity;
    const words = answered ? p99Words(judged, summary.endToEnd.latencyMs.p99, requirement.maxP99Ms) : 'no request answered';
    passed &&= rate <= requirement.maxErrorRate && p99 <= requirement.maxP99Ms;
    // The worst run is the one furthest past either bound (a failing one, if any fails).
    const badness = Math.max(over(rate, requirement.maxErrorRate), over(p99, requirement.maxP99Ms));
    if (worst === null || badness > worst.badness) worst = { id: node.id, rate, words, badness };
  }
  const w = worst!;
  return {
    requirement: 'survivesLoss',
    label,
    passed,
    measured: `worst, losing ${name(w.id)}: ${percent(w.rate)} failed, ${w.words}`,
    nodeId: w.id,
  };
}

/** How far `x` is along to its bound (over 1: past it); a bound of 0 is passed by anything above 0. */
const over = (x: number, bound: number) => (bound > 0 ? x / bound : x > 0 ? Infinity : 0);

function rulesResult(design: Design, scenario: Scenario, name: (id: string) => string): RequirementResult {
  const label = RULES_LABEL;
  const { missing, unused, extra } = givenMismatch(design, scenario);
  const startName = nameOf(scenario.start);
  if (missing.length > 0) {
    const kind = scenario.start.nodes.find((n) => n.id === missing[0])!.kind;
    const why = kind === 'client' ? 'the brief’s traffic comes from it' : 'the brief provides it';
    return { requirement: 'rules', label, passed: false, measured: `${startName(missing[0])} is missing: ${why}` };
  }
  if (unused.length > 0) {
    return { requirement: 'rules', label, passed: false, measured: `${name(unused[0])} is never called: the brief provides it for the design to use`, nodeId: unused[0] };
  }
  if (extra.length > 0) {
    return { requirement: 'rules', label, passed: false, measured: `${name(extra[0])} is a client the brief does not have`, nodeId: extra[0] };
  }
  const breaks = ruleBreaks(design, scenario);
  if (breaks.length === 0) return { requirement: 'rules', label, passed: true, measured: 'as given' };
  const named = breaks.slice(0, NAMED_BREAKS).map((b) => {
    const kind = design.nodes.find((n) => n.id === b.nodeId)!.kind;
    const spec = NODE_PARAM_SPECS[kind].find((s) => s.key === b.key)!;
    return `${name(b.nodeId)}’s ${inSentence(spec.label)} is ${value(b.value)}, the brief’s ${value(b.fixed)}`;
  });
  const more = breaks.length - named.length;
  return {
    requirement: 'rules',
    label,
    passed: false,
    measured: named.join('; ') + (more > 0 ? `; and ${more} more` : ''),
    nodeId: breaks[0].nodeId,
  };
}

function nameOf(design: Design): (id: string) => string {
  const labels = new Map(design.nodes.map((n) => [n.id, n.label ?? n.id]));
  return (id) => labels.get(id) ?? id;
}

const value = (v: ParamValue) => (v === null ? 'empty' : typeof v === 'number' ? v.toLocaleString('en-US') : v);
