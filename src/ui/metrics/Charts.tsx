/**
 * The live charts, split into their own chunk (recharts) so the first load stays small:
 * throughput, error rate, latency, utilisation and, with queues, backlog. New data is drawn
 * one chart at a time when the main thread is idle (useRollout), never mid-gesture. Faults and
 * params changed live are marked at the simulated moment they applied.
 */
import { useMemo, useState, type CSSProperties } from 'react';
import { autoscales, type DesignNode } from '../../model';
import { useDesign } from '../../store';
import { useRun } from '../../store/run';
import { useBaseline } from '../../store/baseline';
import { formatMs, formatPercent, formatRate, plural } from '../format';
import { BY_P99, BY_UTILISATION } from './busiest';
import { Chart, type ChartLine } from './Chart';
import { BASE_KEYS, thinned, withBaseline, type Row } from './rows';
import { PercentileChart } from './PercentileChart';
import { PERCENTILE_COLORS } from './percentiles';
import { chartLines, chartNodes, MAX_NODE_LINES, useChosenNodes } from './chartNodes';
import { namesKey, useFaultMarkers } from './faultMarkers';
import { useEditMarkers } from './editMarkers';
import { useChartSeries } from './useChartSeries';
import { useRollout } from './useRollout';

const num = (x: number) => (Number.isFinite(x) ? x : 0);
const percentTick = (x: number) => `${Math.round(x * 100)}%`;
const SHARE_DOMAIN: [number, number] = [0, 1];
const formatMessages = (x: number) => `${Math.round(x).toLocaleString('en')} messages`;
const formatInstances = (x: number) => plural(Math.round(x), 'instance');
const compact = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 0 : 1)}k` : `${Math.round(x)}`);

const THROUGHPUT_LINES: ChartLine[] = [{ key: 'throughput', name: 'Throughput', color: 'var(--series-1)' }];
const ERROR_LINES: ChartLine[] = [{ key: 'errorRate', name: 'Error rate', color: 'var(--danger)' }];
const LATENCY_LINES: ChartLine[] = [
  { key: 'p50', name: 'p50', color: PERCENTILE_COLORS.p50 },
  { key: 'p95', name: 'p95', color: PERCENTILE_COLORS.p95 },
  { key: 'p99', name: 'p99', color: PERCENTILE_COLORS.p99 },
];
// A kept baseline's seconds, dashed and muted beside the run's: the figure each chart is about.
const BASELINE_COLOR = 'var(--muted)';
const WITH_BASELINE = {
  throughput: [...THROUGHPUT_LINES, { key: BASE_KEYS.throughput, name: 'Baseline', color: BASELINE_COLOR, dashed: true }],
  errorRate: [...ERROR_LINES, { key: BASE_KEYS.errorRate, name: 'Baseline', color: BASELINE_COLOR, dashed: true }],
  latency: [...LATENCY_LINES, { key: BASE_KEYS.p99, name: 'baseline p99', color: BASELINE_COLOR, dashed: true }],
};

type LatencyView = 'endToEnd' | 'byNode' | 'percentiles';

/** End to end (p50, p95, p99), by node (each node's p99, the slowest lately) or by percentile (the whole run's tail). */
function LatencyToggle({ view, onChange }: { view: LatencyView; onChange: (view: LatencyView) => void }) {
  const option = (value: LatencyView, label: string, title: string) => (
    <button type="button" role="radio" aria-checked={view === value} onClick={() => onChange(value)} title={title}>
      {label}
    </button>
  );
  return (
    <span className="chart-toggle" role="radiogroup" aria-label="Latency of">
      {option('endToEnd', 'End to end', 'p50, p95 and p99 of requests, from send to answer')}
      {option('byNode', 'By node', 'Each node’s p99 (a node’s time includes what it calls); the slowest 8 lately')}
      {option('percentiles', 'Percentiles', 'Every request measured so far, by percentile: how slow the slowest 10 %, 1 %, 0.1 % were')}
    </span>
  );
}

export default function Charts() {
  const series = useChartSeries();
  const nodeIds = useRun((s) => s.nodeIds);
  // Names and kinds, not the nodes array: a drag moves nodes on every frame and must not
  // redraw four charts each time.
  const names = useDesign((s) => namesKey(s.design));
  const faultMarkers = useFaultMarkers();
  const editMarkers = useEditMarkers();
  const markers = useMemo(() => [...faultMarkers, ...editMarkers], [faultMarkers, editMarkers]);
  // Which running nodes do work of their own ('1' or '0' each, a string so that snapshots
  // that change nothing here redraw nothing): only their utilisation means anything, and a
  // bare balancer's flat 0 % would take the place of a server's line.
  const working = useRun((s) => s.snapshot?.nodes.map((n) => (n.ownWork ? '1' : '0')).join('') ?? '');

  // `names` stands for the node names and kinds read from the store inside.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const workingNodes = useMemo(() => chartNodes(nodeIds, (_, index) => working[index] === '1'), [nodeIds, names, working]);
  // More than the chart has room for: the busiest lately.
  const utilNodes = useChosenNodes(workingNodes, series, BY_UTILISATION);
  // Latency by node: each node's p99 (clients' is the end-to-end one), the slowest lately.
  const [latencyView, setLatencyView] = useState<LatencyView>('endToEnd');
  const latencyControl = useMemo(() => <LatencyToggle view={latencyView} onChange={setLatencyView} />, [latencyView]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const servingNodes = useMemo(() => chartNodes(nodeIds, (kind) => kind !== 'client'), [nodeIds, names]);
  const slowNodes = useChosenNodes(servingNodes, series, BY_P99, latencyView === 'byNode');
  // The percentile curve and the summary it belongs to, read only while shown: each post brings new ones.
  const latencyCurve = useRun((s) => (latencyView === 'percentiles' ? s.snapshot?.latencyCurve : undefined));
  const latencySummary = useRun((s) => (latencyView === 'percentiles' ? s.snapshot?.endToEnd.latencyMs : undefined));

  // Queues get a chart of their backlog: a producer faster than its consumers shows as a
  // line that climbs at the difference of the rates.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queueNodes = useMemo(() => chartNodes(nodeIds, (kind) => kind === 'queue').slice(0, MAX_NODE_LINES), [nodeIds, names]);

  // Autoscaling servers get a chart of their instances (running and starting, as billed): the
  // steps show when the scaler acted, beside the latency it acted on.
  const scalingKey = useDesign((s) => autoscalingKey(s.design.nodes));
  const scalingNodes = useMemo(
    () => chartNodes(nodeIds, (_, __, node) => node.kind === 'server' && autoscales(node.params)).slice(0, MAX_NODE_LINES),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodeIds, names, scalingKey],
  );

  const baseline = useBaseline((s) => s.baseline);
  const data = useMemo(() => {
    const rows = series.map((w) => {
      const row: Row = { t: Math.round(w.tS), throughput: num(w.throughput), errorRate: num(w.errorRate) };
      // A second in which nothing was answered has no latency: the lines break there rather than fall to 0.
      if (w.throughput > 0) Object.assign(row, { p50: num(w.p50), p95: num(w.p95), p99: num(w.p99) });
      for (const u of utilNodes) row[`u${u.index}`] = num(w.utilization[u.index]);
      // A window in which the node answered nothing has no p99: its line breaks there.
      for (const l of slowNodes) {
        const p99 = w.nodeP99?.[l.index];
        if (typeof p99 === 'number' && Number.isFinite(p99)) row[`l${l.index}`] = p99;
      }
      for (const q of queueNodes) row[`b${q.index}`] = num(w.backlog?.[q.index] ?? 0);
      for (const s of scalingNodes) row[`i${s.index}`] = num(w.instances?.[s.index] ?? 0);
      return row;
    });
    return thinned(withBaseline(rows, baseline?.series ?? null));
  }, [series, baseline, utilNodes, slowNodes, queueNodes, scalingNodes]);

  const backlogLines = useMemo(() => chartLines(queueNodes, 'b'), [queueNodes]);
  const instanceLines = useMemo(() => chartLines(scalingNodes, 'i'), [scalingNodes]);

  // The utilisation chart's lines and title travel with the rows they are drawn from: the
  // busiest nodes change with the data, and a line must not wait for its numbers. (The lines
  // keep their identity while the choice holds: new Line props cost recharts a re-registration.)
  const utilLines = useMemo(() => chartLines(utilNodes, 'u'), [utilNodes]);
  const utilTitle =
    workingNodes.length > utilNodes.length ? `Utilisation (%) · busiest ${utilNodes.length} of ${workingNodes.length}` : 'Utilisation (%)';
  const byNodeLines = useMemo(() => chartLines(slowNodes, 'l'), [slowNodes]);
  const latencyLines = latencyView === 'byNode' ? byNodeLines : baseline ? WITH_BASELINE.latency : LATENCY_LINES;
  const latencyTitle =
    latencyView === 'endToEnd'
      ? 'Latency (ms)'
      : servingNodes.length > slowNodes.length
        ? `p99 by node (ms) · slowest ${slowNodes.length} of ${servingNodes.length}`
        : 'p99 by node (ms)';
  const frame = useMemo(
    () => ({ rows: data, utilLines, utilTitle, latencyLines, latencyTitle }),
    [data, utilLines, utilTitle, latencyLines, latencyTitle],
  );
  const chartCount = 4 + (backlogLines.length > 0 ? 1 : 0) + (instanceLines.length > 0 ? 1 : 0);
  const shown = useRollout(frame, chartCount);
  const util = shown(3);
  const latency = shown(2);

  return (
    <div className="charts" style={{ '--chart-count': chartCount } as CSSProperties}>
      <Chart
        title="Throughput (req/s)"
        data={shown(0).rows}
        lines={baseline ? WITH_BASELINE.throughput : THROUGHPUT_LINES}
        format={formatRate}
        tickFormat={compact}
        legend={baseline !== null}
        markers={markers}
        labelMarkers
      />
      <Chart
        title="Error rate (%)"
        data={shown(1).rows}
        lines={baseline ? WITH_BASELINE.errorRate : ERROR_LINES}
        format={formatPercent}
        tickFormat={percentTick}
        yDomain={SHARE_DOMAIN}
        legend={baseline !== null}
        markers={markers}
      />
      {latencyView === 'percentiles' ? (
        <PercentileChart title="Latency (ms)" curve={latencyCurve} latency={latencySummary} control={latencyControl} />
      ) : (
        <Chart
          title={latency.latencyTitle}
          data={latency.rows}
          lines={latency.latencyLines}
          format={formatMs}
          tickFormat={compact}
          legend
          markers={markers}
          control={latencyControl}
        />
      )}
      <Chart title={util.utilTitle} data={util.rows} lines={util.utilLines} format={formatPercent} tickFormat={percentTick} yDomain={SHARE_DOMAIN} legend markers={markers} />
      {backlogLines.length > 0 && (
        <Chart title="Queue backlog (messages)" data={shown(4).rows} lines={backlogLines} format={formatMessages} tickFormat={compact} legend integer markers={markers} />
      )}
      {instanceLines.length > 0 && (
        <Chart title="Instances (autoscaling)" data={shown(chartCount - 1).rows} lines={instanceLines} format={formatInstances} tickFormat={compact} legend integer markers={markers} />
      )}
    </div>
  );
}

/** Which servers autoscale, as a string: edits elsewhere in the design leave it, and the chart, as they were. */
function autoscalingKey(nodes: readonly DesignNode[]): string {
  let key = '';
  for (const n of nodes) if (n.kind === 'server' && autoscales(n.params)) key += `${n.id}\u0001`;
  return key;
}
