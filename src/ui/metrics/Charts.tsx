/**
 * The live charts (recharts), split into their own chunk so the first load stays small.
 *
 * Measured in Chromium with a 50-node design at full speed, recharts' defaults cost 100–400 ms
 * per redraw on the main thread: every Line measures its path with getTotalLength() (a forced
 * style and layout flush) even with animation off, and the axes measure every tick label in
 * the DOM. So lines are drawn as plain polylines (no path measuring), ticks are chosen here
 * (no label measuring), points are capped, and new data is drawn one chart at a time when
 * the main thread is idle (see useRollout), never while a pan or a drag is under way.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { WindowPoint } from '../../engine';
import type { Design, NodeKind } from '../../model';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDesign } from '../../store';
import { describeAction, FAULT_ACTION_LABELS, targetName, targetOf } from '../../store/faults';
import { useRun } from '../../store/run';
import { gestureActive } from '../../store/runner';
import { injectedLive } from '../faults/timeline';
import { formatMs, formatPercent, formatRate, formatTick } from '../format';
import { busiest } from './busiest';
import { timeTicks } from './ticks';
import { begin, releaseNext, rollingOut, settled, shownBy } from './rollout';

const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)', 'var(--series-6)', 'var(--series-7)', 'var(--series-8)'];
/** Lines a per-node chart draws at most (one per colour). */
const MAX_NODE_LINES = 8;

interface ChartProps {
  title: string;
  data: Record<string, number>[];
  lines: { key: string; name: string; color: string }[];
  format: (x: number) => string;
  yDomain?: [number, number];
  tickFormat?: (x: number) => string;
  legend?: boolean;
  /** Whole numbers only on the y axis (counts of messages). */
  integer?: boolean;
  /** Faults as vertical lines at their simulated time; `label` names them on the chart. */
  markers?: readonly Marker[];
  labelMarkers?: boolean;
}

interface Marker {
  tS: number;
  text: string;
  tone: 'bad' | 'warn' | 'good';
}

const MARKER_COLORS = { bad: 'var(--danger)', warn: 'var(--hot)', good: 'var(--ok)' } as const;

const MAX_X_TICKS = 6;

/** A polyline through the points: no getTotalLength(), no curve fitting. */
function polyline(points: readonly { x?: number | null; y?: number | null }[]): string {
  let d = '';
  for (const p of points) {
    if (p.x == null || p.y == null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    d += `${d ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  }
  return d;
}

function LineShape(props: { points?: readonly { x?: number | null; y?: number | null }[]; stroke?: string; strokeWidth?: number | string }) {
  const d = polyline(props.points ?? []);
  return d ? <path className="recharts-line-curve" d={d} fill="none" stroke={props.stroke} strokeWidth={props.strokeWidth} strokeLinejoin="round" /> : null;
}

/** Round x ticks chosen here, so recharts need not measure labels to thin them. */
function xTicks(data: readonly Record<string, number>[]): number[] {
  return data.length === 0 ? [] : timeTicks(data[0].t, data[data.length - 1].t, MAX_X_TICKS);
}

/**
 * New data reaches the charts one chart at a time, in order, each when the main thread is next
 * idle after the one before was drawn. recharts finishes a redraw in synchronous store updates
 * React cannot interrupt, and five charts in one task made it a long task (60–90 ms with a
 * 50-node design); one chart per idle moment stays short. (Not as a transition: urgent
 * updates — every snapshot is one — restart a transition's render, and on a busy machine a
 * chart could wait a second or more.) The charts stay in step: they all show the same data
 * but for the moments of a rollout (rollout.ts). Spaced 80 ms apart, as they once were, they
 * disagreed about the time for half of every redraw at ×10; now a rollout takes ~70 ms.
 */
function useRollout<T>(latest: T, charts: number): (slot: number) => T {
  const [rollout, setRollout] = useState(() => settled(latest, charts));
  useEffect(() => {
    if (!rollingOut(rollout, charts)) {
      setRollout(begin(rollout, latest, charts));
      return;
    }
    let cancel = whenIdle(function release() {
      // A pan or drag that began mid-rollout has the frames; the rest of the charts wait.
      if (gestureActive()) cancel = whenIdle(release);
      else setRollout(releaseNext);
    });
    return () => cancel();
  }, [rollout, latest, charts]);
  return (slot) => shownBy(rollout, slot);
}

/** Calls `fn` when the main thread is idle (within 60 ms whatever happens); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  // Safari has long had no requestIdleCallback: a short timeout stands in.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(fn, 50);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(fn, { timeout: 60 });
  return () => cancelIdleCallback(handle);
}

const Chart = memo(function Chart({ title, data, lines, format, yDomain, tickFormat, legend, integer, markers, labelMarkers }: ChartProps) {
  const ticks = useMemo(() => xTicks(data), [data]);
  // The last tick's label is centred on the right edge: leave room for half of it (an hour's
  // "1:40:43" was cut to "1:40:4").
  const right = ticks.length > 0 ? Math.max(14, Math.ceil(formatTick(ticks[ticks.length - 1]).length * 3)) : 14;
  const margin = useMemo(() => ({ top: 4, right, bottom: 0, left: 0 }), [right]);
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%" minWidth={100} minHeight={60}>
          <LineChart data={data} margin={margin}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              ticks={ticks}
              interval={0}
              tickFormatter={formatTick}
              stroke="var(--muted)"
              fontSize={10}
            />
            <YAxis
              stroke="var(--muted)"
              fontSize={10}
              width={48}
              interval={0}
              domain={yDomain ?? [0, 'auto']}
              tickFormatter={tickFormat ?? ((x: number) => format(x))}
              allowDecimals={!integer}
            />
            <Tooltip
              formatter={(value) => format(Number(value))}
              labelFormatter={(t) => `t = ${t} s`}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, fontSize: 12 }}
              labelStyle={{ color: 'var(--text)' }}
            />
            {legend && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />}
            {markers?.map((m, i) => (
              <ReferenceLine
                key={`${m.tS}:${i}`}
                x={m.tS}
                stroke={MARKER_COLORS[m.tone]}
                strokeDasharray="4 3"
                strokeWidth={1.4}
                ifOverflow="discard"
                className="fault-reference"
                label={labelMarkers ? { value: m.text, position: 'insideTopLeft', fontSize: 10, fill: MARKER_COLORS[m.tone] } : undefined}
              />
            ))}
            {lines.map((l) => (
              <Line
                key={l.key}
                type="linear"
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                dot={false}
                activeDot={{ r: 3 }}
                strokeWidth={1.8}
                isAnimationActive={false}
                shape={LineShape}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

const num = (x: number) => (Number.isFinite(x) ? x : 0);
const percentTick = (x: number) => `${Math.round(x * 100)}%`;
const SHARE_DOMAIN: [number, number] = [0, 1];
const formatMessages = (x: number) => `${Math.round(x).toLocaleString('en')} messages`;
const compact = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 0 : 1)}k` : `${Math.round(x)}`);

const REDRAW_EVERY_MS = 500;
/** About one point per 3 px of a chart's width; more only costs time. */
const MAX_POINTS = 120;

/**
 * The series, taken at most twice a second and thinned to what a chart can show. Taking it
 * costs one cheap render here; the charts draw it through useRollout.
 */
function useChartSeries(): WindowPoint[] {
  const [series, setSeries] = useState(() => useRun.getState().series);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      // Mid-gesture the frames belong to the canvas: the charts catch up once it is at rest.
      if (gestureActive()) {
        timer = setTimeout(redraw, REDRAW_EVERY_MS);
        return;
      }
      timer = null;
      // Redraw on the next frame after the timer (hidden tabs get no frames, so no redraws).
      requestAnimationFrame(() => setSeries(useRun.getState().series));
    };
    const unsubscribe = useRun.subscribe((state, prev) => {
      if (state.series === prev.series || timer) return;
      timer = setTimeout(redraw, REDRAW_EVERY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return useMemo(() => {
    if (series.length <= MAX_POINTS) return series;
    const step = series.length / MAX_POINTS;
    return Array.from({ length: MAX_POINTS }, (_, i) => series[Math.min(series.length - 1, Math.ceil((i + 1) * step) - 1)]);
  }, [series]);
}

const THROUGHPUT_LINES = [{ key: 'throughput', name: 'Throughput', color: 'var(--series-1)' }];
const ERROR_LINES = [{ key: 'errorRate', name: 'Error rate', color: 'var(--danger)' }];
const LATENCY_LINES = [
  { key: 'p50', name: 'p50', color: 'var(--series-2)' },
  { key: 'p95', name: 'p95', color: 'var(--series-4)' },
  { key: 'p99', name: 'p99', color: 'var(--series-5)' },
];

const TONES: Record<string, Marker['tone']> = {
  kill: 'bad', cut: 'bad', slow: 'warn', addLatency: 'warn', spike: 'warn', flush: 'warn', revive: 'good', heal: 'good',
};

/** What marker texts depend on (names, kinds, ends), not positions: dragging a node redraws no chart. */
function namesKey(design: Design): string {
  let key = '';
  for (const n of design.nodes) key += `${n.id}\u0001${n.label ?? ''}\u0001${n.kind}\u0001${String(n.params.replicas ?? '')}\u0002`;
  for (const e of design.edges) key += `${e.id}\u0001${e.source}\u0001${e.target}\u0002`;
  return key;
}

/** Scheduled faults (from the design) and faults injected live (from the run's fault log). */
function useFaultMarkers(): Marker[] {
  const faults = useDesign((s) => s.design.faults);
  const names = useDesign((s) => namesKey(s.design));
  // Every snapshot carries a fresh copy of the fault log; it only grows, so its length says
  // when the markers change, and the charts are not redrawn for every snapshot.
  const appliedCount = useRun((s) => s.snapshot?.faults?.length ?? 0);
  return useMemo(() => {
    const design = useDesign.getState().design;
    const applied = useRun.getState().snapshot?.faults;
    const where = (target: string) => targetName(design, target);
    const scheduled = faults.map((f) => ({
      tS: f.atS,
      text: `${describeAction(f, targetOf(design, f.target))} · ${where(f.target)}`,
      tone: TONES[f.action] ?? 'warn',
    }));
    // The log does not keep amounts: an injected slow-down is named without its factor.
    const live = injectedLive(applied ?? [], faults).map((f) => ({
      tS: f.tS,
      text: `${FAULT_ACTION_LABELS[f.action]} · ${where(f.target)}`,
      tone: TONES[f.action] ?? 'warn',
    }));
    return [...scheduled, ...live];
    // `names` and `appliedCount` stand for what is read from the stores inside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [faults, names, appliedCount]);
}

interface ChartNode {
  id: string;
  /** Position in the running simulation's per-node arrays. */
  index: number;
  label?: string;
}

/** The running nodes a chart is about, in design order. */
function chartNodes(nodeIds: string[], shows: (kind: NodeKind, index: number) => boolean): ChartNode[] {
  const byId = new Map(useDesign.getState().design.nodes.map((n) => [n.id, n]));
  const out: ChartNode[] = [];
  nodeIds.forEach((id, index) => {
    const node = byId.get(id);
    if (node && shows(node.kind, index)) out.push({ id, index, label: node.label });
  });
  return out;
}

/** One line per node, keyed `${prefix}${index}` in the chart rows. */
const chartLines = (nodes: ChartNode[], prefix: string) =>
  nodes.map((n, i) => ({ key: `${prefix}${n.index}`, name: n.label ?? n.id, color: PALETTE[i % PALETTE.length] }));

export default function Charts() {
  const series = useChartSeries();
  const nodeIds = useRun((s) => s.nodeIds);
  // Names and kinds, not the nodes array: a drag moves nodes on every frame and must not
  // redraw four charts each time.
  const names = useDesign((s) => namesKey(s.design));
  const markers = useFaultMarkers();
  // Which running nodes do work of their own ('1' or '0' each, a string so that snapshots
  // that change nothing here redraw nothing): only their utilisation means anything, and a
  // bare balancer's flat 0 % would take the place of a server's line.
  const working = useRun((s) => s.snapshot?.nodes.map((n) => (n.ownWork ? '1' : '0')).join('') ?? '');

  // `names` stands for the node names and kinds read from the store inside.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const workingNodes = useMemo(() => chartNodes(nodeIds, (_, index) => working[index] === '1'), [nodeIds, names, working]);
  // More than the chart has room for: the busiest lately (a string, so the lines are rebuilt
  // only when the choice changes).
  const chosen = busiest(workingNodes.map((n) => n.index), series, MAX_NODE_LINES).join(',');
  const utilNodes = useMemo(() => {
    const indices = new Set(chosen.split(',').map(Number));
    return workingNodes.filter((n) => indices.has(n.index));
  }, [workingNodes, chosen]);
  // Queues get a chart of their backlog: a producer faster than its consumers shows as a
  // line that climbs at the difference of the rates.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queueNodes = useMemo(() => chartNodes(nodeIds, (kind) => kind === 'queue').slice(0, MAX_NODE_LINES), [nodeIds, names]);

  const data = useMemo(
    () =>
      series.map((w) => {
        const row: Record<string, number> = {
          t: Math.round(w.tS),
          throughput: num(w.throughput),
          errorRate: num(w.errorRate),
          p50: num(w.p50),
          p95: num(w.p95),
          p99: num(w.p99),
        };
        for (const u of utilNodes) row[`u${u.index}`] = num(w.utilization[u.index]);
        for (const q of queueNodes) row[`b${q.index}`] = num(w.backlog?.[q.index] ?? 0);
        return row;
      }),
    [series, utilNodes, queueNodes],
  );

  const backlogLines = useMemo(() => chartLines(queueNodes, 'b'), [queueNodes]);

  // The utilisation chart's lines and title travel with the rows they are drawn from: the
  // busiest nodes change with the data, and a line must not wait for its numbers.
  const frame = useMemo(
    () => ({
      rows: data,
      utilLines: chartLines(utilNodes, 'u'),
      utilTitle: workingNodes.length > utilNodes.length ? `Utilisation (%) · busiest ${utilNodes.length} of ${workingNodes.length}` : 'Utilisation (%)',
    }),
    [data, utilNodes, workingNodes],
  );
  const shown = useRollout(frame, backlogLines.length > 0 ? 5 : 4);
  const util = shown(3);

  return (
    <div className={backlogLines.length > 0 ? 'charts charts-with-queues' : 'charts'}>
      <Chart title="Throughput (req/s)" data={shown(0).rows} lines={THROUGHPUT_LINES} format={formatRate} tickFormat={compact} markers={markers} labelMarkers />
      <Chart title="Error rate (%)" data={shown(1).rows} lines={ERROR_LINES} format={formatPercent} tickFormat={percentTick} yDomain={SHARE_DOMAIN} markers={markers} />
      <Chart
        title="Latency (ms)"
        data={shown(2).rows}
        lines={LATENCY_LINES}
        format={formatMs}
        tickFormat={compact}
        legend
        markers={markers}
      />
      <Chart title={util.utilTitle} data={util.rows} lines={util.utilLines} format={formatPercent} tickFormat={percentTick} yDomain={SHARE_DOMAIN} legend markers={markers} />
      {backlogLines.length > 0 && (
        <Chart title="Queue backlog (messages)" data={shown(4).rows} lines={backlogLines} format={formatMessages} tickFormat={compact} legend integer markers={markers} />
      )}
    </div>
  );
}
