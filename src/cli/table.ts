/** The runner's human-readable output: the end-to-end figures, then one row per node; or a practice check. */
import type { NodeFigures, RunSummary } from '../engine';
import type { CheckResult, Scenario } from '../practice/types';
import { stationConfig } from '../engine/kinds';
import { doesOwnWork } from '../engine/station';
import type { Design } from '../model';

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms`;
const count = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatTable(design: Design, s: RunSummary): string {
  const e = s.endToEnd;
  const lines = [
    `${design.name} — seed ${s.seed}, ${s.durationS} s measured after ${s.warmupS} s warm-up`,
    `simulated ${count(s.events)} events in ${s.wallMs.toFixed(0)} ms`,
    '',
    `requests   sent ${count(e.sent)}   completed ${count(e.completed)}   failed ${count(e.failed)}   in flight ${count(e.inFlight)}`,
    `throughput ${e.throughputPerSecond.toFixed(1)} req/s   error rate ${pct(e.sent > 0 ? e.failed / e.sent : 0)}`,
    `latency    mean ${ms(e.latencyMs.mean)}   p50 ${ms(e.latencyMs.p50)}   p90 ${ms(e.latencyMs.p90)}   p95 ${ms(e.latencyMs.p95)}   p99 ${ms(e.latencyMs.p99)}   p99.9 ${ms(e.latencyMs.p999)}   max ${ms(e.latencyMs.max)}`,
    `cost       $${s.costPerMonth.toLocaleString('en-US', { maximumFractionDigits: 0 })} per month`,
    '',
  ];
  const nodes = Object.entries(s.nodes);
  // Kind-specific columns appear only when some node has the figure.
  const extras = [
    { title: 'hit', show: (n: NodeFigures) => n.hitRatio, format: pct },
    { title: 'backlog', show: (n: NodeFigures) => n.backlog, format: count },
    { title: 'stale', show: (n: NodeFigures) => n.staleReads, format: count },
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  lines.push(render(header), render(widths.map((w) => '─'.repeat(w))), ...rows.map(render), '');
  return lines.join('\n');
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
