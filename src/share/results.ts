/**
 * A run's figures as files: a CSV of every simulated second for a spreadsheet, and JSON with
 * the runner's summary (`npm run sim --json`) and the same seconds whole. Framework free.
 */
import type { RunSummary, WindowPoint } from '../engine';
import type { NodeKind } from '../model';

export interface RunResultsInput {
  summary: RunSummary;
  series: WindowPoint[];
}

/** A node of the run, in the order the series' per-node arrays follow. */
export interface ResultsNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** It does work of its own; one that passes calls straight on (a queue, a bare balancer) has no utilisation or queue to show. */
  ownWork: boolean;
}

/** A column: its header and how a window's cell is read. */
interface Column {
  header: string;
  cell: (w: WindowPoint) => string;
}

/** A finite number rounded to `digits` decimals, without trailing zeros; '' for anything else. */
function num(x: number | null | undefined, digits: number): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would run as a formula (=, +, −, @ first) is prefixed with an apostrophe, so a
 * node named "=HYPERLINK(…)" stays a name.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function nodeColumns(node: ResultsNode, index: number): Column[] {
  const name = (what: string) => `${node.name}: ${what}`;
  const rate: Column = { header: name(node.kind === 'client' ? 'sent per s' : 'arrivals per s'), cell: (w) => num(w.nodeRate[index], 2) };
  const p99: Column = { header: name('p99 ms'), cell: (w) => num(w.nodeP99[index], 3) };
  // A client does no work of its own: it has no utilisation or queue to show.
  if (node.kind === 'client') return [rate, p99];
  // Nor has a node that passes calls straight on: its cells are empty rather than a 0 that says nothing (a queue's backlog is its own column).
  const own = (cell: (w: WindowPoint) => string) => (node.ownWork ? cell : () => '');
  const columns: Column[] = [
    rate,
    p99,
    { header: name('utilisation'), cell: own((w) => num(w.utilization[index], 4)) },
    { header: name('mean queue'), cell: own((w) => num(w.queue[index], 3)) },
  ];
  if (node.kind === 'server') columns.push({ header: name('instances'), cell: (w) => num(w.instances?.[index], 0) });
  if (node.kind === 'queue') {
    columns.push(
      { header: name('backlog'), cell: (w) => num(w.backlog?.[index], 0) },
      { header: name('consumer lag ms'), cell: (w) => num(w.lagMs?.[index], 1) },
    );
  }
  return columns;
}

/** A second's end-to-end percentile: none (an empty cell, not 0) when nothing was answered in it. */
const latencyCell = (w: WindowPoint, ms: number) => (w.throughput > 0 ? num(ms, 3) : '');

/**
 * One row per simulated second: the end-to-end figures, then each node's. `phase` says which
 * seconds fall in the warm-up, which the summary's figures leave out. A second in which nothing
 * (or a node nothing) was answered has no latency: its cells are empty, not 0.
 */
export function resultsCsv(results: RunResultsInput, nodes: readonly ResultsNode[]): string {
  const warmupS = results.summary.warmupS;
  const columns: Column[] = [
    { header: 'time_s', cell: (w) => num(w.tS, 3) },
    // A second that began before the warm-up ended (a warm-up of 2.5 s and the second from 2 to 3 s) holds some of it.
    { header: 'phase', cell: (w) => (w.tS - 1 < warmupS ? 'warm-up' : 'measured') },
    { header: 'throughput_per_s', cell: (w) => num(w.throughput, 2) },
    { header: 'error_rate', cell: (w) => num(w.errorRate, 6) },
    { header: 'p50_ms', cell: (w) => latencyCell(w, w.p50) },
    { header: 'p95_ms', cell: (w) => latencyCell(w, w.p95) },
    { header: 'p99_ms', cell: (w) => latencyCell(w, w.p99) },
    ...nodes.flatMap(nodeColumns),
  ];
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const w of results.series) lines.push(columns.map((c) => c.cell(w)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Seconds from the start of the run that the series no longer holds: a simulation keeps the
 * last hour of one-second windows, so a longer run's CSV starts later than its first second.
 */
export function secondsLeftOut(series: readonly WindowPoint[]): number {
  return series.length === 0 ? 0 : Math.max(0, Math.round(series[0].tS) - 1);
}

/** The runner's JSON summary with the design's name and every second kept, pretty printed. */
export function resultsJson(results: RunResultsInput, designName: string): string {
  const document = { format: 'archsim.results', version: 1, design: designName, ...results.summary, series: results.series };
  return `${JSON.stringify(document, null, 2)}\n`;
}
