/** The runner's human-readable output: the end-to-end figures, one row per node and what stands out; or a practice check, or a comparison. */
import { settledErrorRate, type NodeFigures, type RunSummary } from '../engine';
import type { CheckResult, Scenario } from '../practice/types';
import { findSubject } from '../compare/subject';
import type { Comparison } from '../compare/types';
import type { CapacitySearch } from '../capacity/types';
import type { CapacityComparison } from '../compare/capacity';
import { formatLoad, formatScale, limitPhrase, targetText, verdict } from '../capacity/verdict';
import { stationConfig } from '../engine/kinds';
import { doesOwnWork } from '../engine/station';
import { findings } from '../insights/findings';
import { emptyWord, nodeName, type Design, type ParamValue } from '../model';
import { whereTimeWent } from '../trace/criticalPath';
import { depthFirst } from '../trace/tree';
import type { Span, Trace, TraceSet } from '../trace/types';
import { REASON_LABELS, whereText } from '../trace/words';

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms`;
const count = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatTable(design: Design, s: RunSummary): string {
  const e = s.endToEnd;
  const rate = settledErrorRate(e);
  const lines = [
    `${design.name} — seed ${s.seed}, ${s.durationS} s measured after ${s.warmupS} s warm-up`,
    `simulated ${count(s.events)} events in ${s.wallMs.toFixed(0)} ms`,
    '',
    `requests   sent ${count(e.sent)}   completed ${count(e.completed)}   failed ${count(e.failed)}   in flight ${count(e.inFlight)}`,
    `throughput ${e.throughputPerSecond.toFixed(1)} req/s   error rate ${rate === null ? '—' : pct(rate)}`,
    e.completed > 0
      ? `latency    mean ${ms(e.latencyMs.mean)}   p50 ${ms(e.latencyMs.p50)}   p90 ${ms(e.latencyMs.p90)}   p95 ${ms(e.latencyMs.p95)}   p99 ${ms(e.latencyMs.p99)}   p99.9 ${ms(e.latencyMs.p999)}   max ${ms(e.latencyMs.max)}`
      : 'latency    — (no request was answered)',
    ...(e.timedOut + e.retries + e.retriesDenied > 0
      ? [`retries    ${count(e.timedOut)} attempts timed out   ${count(e.retries)} retried   ${count(e.retriesDenied)} refused by a retry budget`]
      : []),
    `cost       $${s.costPerMonth.toLocaleString('en-US', { maximumFractionDigits: 0 })} per month`,
    ...(design.practice ? [`practice   an attempt at '${design.practice}': grade it with --scenario ${design.practice}`] : []),
    '',
  ];
  const nodes = Object.entries(s.nodes);
  // Kind-specific columns appear only when some node has the figure.
  const extras = [
    { title: 'hit', show: (n: NodeFigures) => n.hitRatio, format: pct },
    { title: 'backlog', show: (n: NodeFigures) => n.backlog, format: count },
    { title: 'stale', show: (n: NodeFigures) => n.staleReads, format: count },
    // Requests a server answered unserved because their client had given up: only where some were.
    { title: 'expired', show: (n: NodeFigures) => (n.expired > 0 ? n.expired : null), format: count },
    { title: 'degraded', show: (n: NodeFigures) => (n.degraded !== null && n.degraded > 0 ? n.degraded : null), format: count },
  ].filter((extra) => nodes.some(([, n]) => extra.show(n) !== null));
  const header = ['node', 'kind', 'arrivals', 'completed', 'failed', 'util', 'queue', 'mean', 'p99', ...extras.map((e) => e.title)];
  const rows = nodes.map(([id, n]) => {
    const node = design.nodes.find((d) => d.id === id);
    // A node that passes calls straight on (a client, a bare balancer) has no utilisation or queue to show.
    const works = node !== undefined && doesOwnWork(stationConfig(node.kind, node.params));
    return [
      node?.label ?? id,
      n.kind,
      count(n.arrivals),
      count(n.completed),
      count(n.failed),
      works ? pct(n.utilization) : '',
      works ? n.meanQueueLength.toFixed(2) : '',
      ms(n.latencyMs.mean),
      ms(n.latencyMs.p99),
      ...extras.map((e) => {
        const value = e.show(n);
        return value === null ? '' : e.format(value);
      }),
    ];
  });
  lines.push(...columns(header, rows, 2), '');
  const found = findings(design, s);
  if (found.length > 0) lines.push('findings', ...found.map((f) => `${FINDING_MARK[f.tone]} ${f.text}`), '');
  return lines.join('\n');
}

const FINDING_MARK = { bad: '✗', warn: '!', info: '·' } as const;

/** Rows under a header and a rule: the first `textColumns` and the last `trailingText` left-aligned, the rest right-aligned. */
function columns(header: string[], rows: string[][], textColumns: number, trailingText = 0): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const left = (i: number) => i < textColumns || i >= header.length - trailingText;
  const render = (cells: string[]) => cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '─'.repeat(w))), ...rows.map(render)];
}

/** A compared value as its row reads: empty as the param means it, the design's current one marked. */
function valueLabel(design: Design, subject: Comparison['subject']): (value: ParamValue) => string {
  const found = findSubject(design, subject);
  return (value) => `${value === null ? emptyWord(found?.spec) : value}${value === found?.value ? ' (current)' : ''}`;
}

/** A comparison: one row per value, the design's current one marked. */
export function formatComparison(design: Design, comparison: Comparison): string {
  const { subject, run } = comparison;
  const label = valueLabel(design, subject);
  const header = ['value', 'throughput', 'p50', 'p95', 'p99', 'errors', 'cost'];
  const rows = comparison.variants.map((v) => {
    const value = label(v.value);
    if (!v.ok) return [value, v.problem, '', '', '', '', ''];
    const latency = (x: number) => (v.completed > 0 ? ms(x) : '—');
    return [
      value,
      `${v.throughputPerSecond.toFixed(1)} req/s`,
      latency(v.latencyMs.p50),
      latency(v.latencyMs.p95),
      latency(v.latencyMs.p99),
      pct(v.errorRate),
      `$${v.costPerMonth.toLocaleString('en-US', { maximumFractionDigits: 0 })}`,
    ];
  });
  return [
    `${design.name} — ${subject.target}.${subject.key}, seed ${run.seed}, ${run.durationS} s measured after ${run.warmupS} s warm-up, the same random draws in every run`,
    '',
    ...columns(header, rows, 1),
    '',
  ].join('\n');
}

/** A practice check: the verdict, then each requirement met (✓) or not (✗) with what was measured. */
export function formatCheck(scenario: Scenario, result: Extract<CheckResult, { ok: true }>): string {
  const failed = result.results.filter((r) => !r.passed).length;
  const { durationS, warmupS, seed } = scenario.check;
  return [
    `${scenario.title} — ${result.passed ? 'passed' : `${failed} of ${result.results.length} not met`}`,
    `${result.runs} ${result.runs === 1 ? 'run' : 'runs'} of ${durationS} s after ${warmupS} s warm-up, seed ${seed}, in ${result.wallMs.toFixed(0)} ms`,
    '',
    ...result.results.map((r) => `${r.passed ? '✓' : '✗'} ${r.label} — ${r.measured}`),
    '',
  ].join('\n');
}

/** A capacity search: its verdict, what gives first, then a row per run in order of load. */
export function formatCapacity(design: Design, result: CapacitySearch): string {
  const { run } = result;
  const name = (id: string) => nodeName(design, id);
  const hasQueue = result.baseline.queueLagMs !== null;
  const header = ['load', 'offered', 'throughput', 'p99', 'errors', ...(hasQueue ? ['queue wait'] : []), 'busiest', 'meets'];
  const rows = result.points.map((p) => [
    `${formatScale(p.scale)}${p.scale === 1 ? ' (today)' : ''}`,
    formatLoad(p.offeredPerSecond),
    formatLoad(p.throughputPerSecond),
    p.throughputPerSecond > 0 ? ms(p.p99Ms) : '—',
    pct(p.errorRate),
    ...(hasQueue ? [ms(p.queueLagMs ?? 0)] : []),
    p.busiest ? `${name(p.busiest.nodeId)} ${pct(p.busiest.utilization)}` : '',
    p.meets ? '✓' : `✗ ${p.shortfall}`,
  ]);
  return [
    `${design.name} — capacity, seed ${run.seed}, ${run.durationS} s measured after ${run.warmupS} s warm-up per run, ${result.points.length} runs in ${result.wallMs.toFixed(0)} ms`,
    '',
    verdict(result),
    ...(result.limit ? [`what gives first: ${result.limit.text}`] : []),
    '',
    ...columns(header, rows, 1, 2),
    '',
  ].join('\n');
}

/** A comparison by capacity: a row per value, the traffic it carries within the target and what gives first. */
export function formatCapacityComparison(design: Design, comparison: CapacityComparison): string {
  const { subject, run, target } = comparison;
  const label = valueLabel(design, subject);
  const hasQueue = design.nodes.some((n) => n.kind === 'queue');
  const header = ['value', 'carries', 'what gives first'];
  const rows = comparison.variants.map((v) => {
    const value = label(v.value);
    if (!v.ok) return [value, '', v.problem];
    const carries = v.carriedPerSecond === null ? 'misses at every load' : `${v.atLeast ? 'at least ' : ''}${formatLoad(v.carriedPerSecond)}`;
    // A row holds the finding's first clause; --json has it whole.
    return [value, carries, v.limit ? limitPhrase(v.limit.text) : ''];
  });
  return [
    `${design.name} — ${subject.target}.${subject.key} by capacity within ${targetText(target, hasQueue)}; seed ${run.seed}, ${run.durationS} s measured after ${run.warmupS} s warm-up per run, ${(comparison.wallMs / 1000).toFixed(1)} s in all`,
    '',
    ...columns(header, rows, 1, 1),
    '',
  ].join('\n');
}

/** Traces: per request, where its time went and a row per call, indented under the call that made it. */
export function formatTraces(design: Design, set: TraceSet): string {
  const { run } = set;
  const name = (id: string) => nodeName(design, id);
  const header = ['call', 'sent', 'back', 'network', 'queued', 'served', ''];
  const blocks = set.traces.map((trace) => {
    const rows = depthFirst(trace.spans).map(({ span, depth }) => [
      `${'  '.repeat(depth)}${name(span.nodeId)}`,
      ms(span.sentMs),
      span.returnedMs === null ? '—' : ms(span.returnedMs),
      ms(spanNetwork(span)),
      span.serviceStartMs === null || span.arrivedMs === null ? '—' : ms(span.serviceStartMs - span.arrivedMs),
      span.serviceStartMs === null || span.serviceEndMs === null ? '—' : ms(span.serviceEndMs - span.serviceStartMs),
      spanNotes(span, trace),
    ]);
    const attempts = trace.attempts > 1 ? `, ${trace.attempts} attempts` : '';
    return [
      `${REASON_LABELS[trace.reason]} — ${ms(trace.latencyMs)}${trace.ok ? '' : ', failed'}${attempts}, sent by ${name(trace.clientId)} at ${(trace.sentAtS).toFixed(3)} s`,
      whereText(trace, whereTimeWent(trace), name),
      ...columns(header, rows, 1, 1),
      '',
    ];
  });
  return [
    `${design.name} — traces, seed ${run.seed}, ${run.durationS} s measured after ${run.warmupS} s warm-up: ${count(set.measured)} requests, ${set.traces.length} kept, in ${set.wallMs.toFixed(0)} ms`,
    'times are ms after the request was sent',
    '',
    ...blocks.flat(),
  ].join('\n');
}

/** Time on the connection there and back (as far as the call got). */
function spanNetwork(span: Span): number {
  const there = span.arrivedMs === null ? 0 : span.arrivedMs - span.sentMs;
  const back = span.respondedMs === null || span.returnedMs === null ? 0 : span.returnedMs - span.respondedMs;
  return there + back;
}

function spanNotes(span: Span, trace: Trace): string {
  // Its attempt's end: the request's answer when it was the last attempt and succeeded, else a give-up or failure.
  const answered = trace.ok && span.attempt === trace.attempts - 1;
  const notes = [
    span.outcome === 'turnedAway' && 'turned away',
    span.outcome === 'failed' && 'failed',
    span.outcome === 'open' && 'still out when the run ended',
    span.detached && 'nobody waits for it',
    // Work nobody waits for is said to be so; going on past the answer is then no news.
    span.pastAnswer && !span.detached && (answered ? 'after the client had its answer' : 'after the client stopped waiting for it'),
  ].filter(Boolean);
  return notes.join(', ');
}

