/**
 * One live chart: recharts, made cheap enough to redraw while a simulation runs.
 *
 * Measured in Chromium with a 50-node design at full speed, recharts' defaults cost 100–400 ms
 * per redraw on the main thread: every Line measures its path with getTotalLength() (a forced
 * style and layout flush) even with animation off, and the axes measure every tick label in
 * the DOM. So lines are drawn as plain polylines (no path measuring) and ticks are chosen here
 * (no label measuring); the caller caps the points and draws one chart at a time.
 */
import { memo, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, usePlotArea, XAxis, YAxis } from 'recharts';
import { fitText, formatTick } from '../format';
import { ticksThatFit, timeTicks } from './ticks';

export interface ChartProps {
  title: string;
  data: Record<string, number>[];
  lines: ChartLine[];
  format: (x: number) => string;
  yDomain?: [number, number];
  tickFormat?: (x: number) => string;
  legend?: boolean;
  /** Whole numbers only on the y axis (counts of messages). */
  integer?: boolean;
  /** Faults as vertical lines at their simulated time; `label` names them on the chart. */
  markers?: readonly Marker[];
  labelMarkers?: boolean;
  /** A control beside the title (what the chart shows); keep its element stable, the chart is memoised. */
  control?: ReactNode;
}

export interface ChartLine {
  key: string;
  name: string;
  color: string;
  /** Drawn dashed: a kept baseline's, beside the run's own. */
  dashed?: boolean;
}

export interface Marker {
  tS: number;
  text: string;
  /** Faults: bad, warn or good; `edit`: a param the person changed while it ran. */
  tone: 'bad' | 'warn' | 'good' | 'edit';
}

const MARKER_COLORS = { bad: 'var(--danger)', warn: 'var(--hot)', good: 'var(--ok)', edit: 'var(--muted)' } as const;

const MAX_X_TICKS = 6;

/**
 * A polyline through the points: no getTotalLength(), no curve fitting. A point without a value
 * (a second with nothing to draw) breaks the line rather than being bridged.
 */
export function polyline(points: readonly { x?: number | null; y?: number | null }[]): string {
  let d = '';
  let broken = true;
  for (const p of points) {
    if (p.x == null || p.y == null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      broken = true;
      continue;
    }
    d += `${broken ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    broken = false;
  }
  return d;
}

export function LineShape(props: {
  points?: readonly { x?: number | null; y?: number | null }[];
  stroke?: string;
  strokeWidth?: number | string;
  strokeDasharray?: string | number;
}) {
  const d = polyline(props.points ?? []);
  return d ? (
    <path className="recharts-line-curve" d={d} fill="none" stroke={props.stroke} strokeWidth={props.strokeWidth} strokeDasharray={props.strokeDasharray} strokeLinejoin="round" />
  ) : null;
}

/** Average width of a character of a 10 px label, a little generous: text must not run off the chart. */
const LABEL_CHAR_PX = 5.8;
/** A marker label's line: labels too close in time to share one are put a line lower. */
const LABEL_ROW_PX = 12;
/**
 * Labels nearer than this share of the time axis may overlap on one line: each runs to the side
 * with more room, so two can run towards each other across most of the plot.
 */
const LABEL_SPAN = 0.75;

/**
 * The line each marker's label goes on: the first whose last label is far enough back in time
 * (a fault's start and its end a few seconds later would otherwise be written over each other).
 */
export function labelRows(markers: readonly { tS: number }[], from: number, to: number): number[] {
  const gap = (to - from) * LABEL_SPAN;
  const lastOnRow: number[] = [];
  const order = markers.map((_, i) => i).sort((a, b) => markers[a].tS - markers[b].tS);
  const rows = new Array<number>(markers.length).fill(0);
  for (const i of order) {
    let row = lastOnRow.findIndex((t) => markers[i].tS - t >= gap);
    if (row < 0) row = lastOnRow.length;
    lastOnRow[row] = markers[i].tS;
    rows[i] = row;
  }
  return rows;
}

/**
 * A marker's label, beside the top of its line on the side with more room and cut to fit the
 * plot (the whole text is its tooltip): a marker near the latest time, just injected or just
 * changed, would otherwise run off the chart's right edge. recharts passes the line's viewBox.
 */
function MarkerLabel({ viewBox, text, fill, row = 0 }: { viewBox?: { x?: number; y?: number }; text: string; fill: string; row?: number }) {
  const plot = usePlotArea();
  if (!plot || viewBox?.x === undefined || viewBox.y === undefined) return null;
  const x = viewBox.x;
  const right = plot.x + plot.width - x - 6;
  const left = x - plot.x - 6;
  const toRight = right >= left;
  return (
    <text x={toRight ? x + 4 : x - 4} y={viewBox.y + 11 + row * LABEL_ROW_PX} textAnchor={toRight ? 'start' : 'end'} fontSize={10} fill={fill} className="marker-label">
      <title>{text}</title>
      {fitText(text, Math.floor(Math.max(right, left) / LABEL_CHAR_PX))}
    </text>
  );
}

/** The y axis's width and the chart's side padding: what the x axis does not get of the body. */
export const Y_AXIS_PX = 48;
const PADDING_PX = 16;

/** Round x ticks chosen here, as many as the axis has room for, so recharts need not measure labels to thin them. */
function xTicks(data: readonly Record<string, number>[], bodyWidth: number): number[] {
  if (data.length === 0) return [];
  const from = data[0].t;
  const to = data[data.length - 1].t;
  const most = ticksThatFit(bodyWidth - Y_AXIS_PX - PADDING_PX, formatTick(to).length, MAX_X_TICKS);
  return timeTicks(from, to, most);
}

/** A chart's figure: its title with a control beside it (what the chart shows), over its body. */
export function ChartFrame({ title, control, bodyRef, children }: { title: string; control?: ReactNode; bodyRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        <span title={title}>{title}</span>
        {control}
      </figcaption>
      <div className="chart-body" ref={bodyRef}>
        {children}
      </div>
    </figure>
  );
}

/** An element's width in whole tens of pixels (0 until measured): a resize re-renders only when it matters. */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width / 10) * 10));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export const Chart = memo(function Chart({ title, data, lines, format, yDomain, tickFormat, legend, integer, markers, labelMarkers, control }: ChartProps) {
  const body = useRef<HTMLDivElement>(null);
  const bodyWidth = useWidth(body);
  const ticks = useMemo(() => xTicks(data, bodyWidth), [data, bodyWidth]);
  const from = data.length > 0 ? data[0].t : 0;
  const to = data.length > 0 ? data[data.length - 1].t : 0;
  const rows = useMemo(() => (labelMarkers && markers ? labelRows(markers, from, to) : []), [labelMarkers, markers, from, to]);
  // The last tick's label is centred on the right edge: leave room for half of it (an hour's
  // "1:40:43" was cut to "1:40:4").
  const right = ticks.length > 0 ? Math.max(14, Math.ceil(formatTick(ticks[ticks.length - 1]).length * 3)) : 14;
  const margin = useMemo(() => ({ top: 4, right, bottom: 0, left: 0 }), [right]);
  // The legend lists the lines in the order given (the design's, for nodes), not alphabetically.
  const legendOrder = useMemo(() => {
    const order = new Map(lines.map((l, i) => [l.key, i]));
    return (item: { dataKey?: unknown }) => order.get(String(item.dataKey)) ?? lines.length;
  }, [lines]);
  return (
    <ChartFrame title={title} control={control} bodyRef={body}>
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
          {legend && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={legendOrder} />}
          {markers?.map((m, i) => (
            <ReferenceLine
              key={`${m.tS}:${i}`}
              x={m.tS}
              stroke={MARKER_COLORS[m.tone]}
              strokeDasharray="4 3"
              strokeWidth={1.4}
              ifOverflow="discard"
              className={m.tone === 'edit' ? 'edit-reference' : 'fault-reference'}
              label={labelMarkers ? { content: <MarkerLabel text={m.text} fill={MARKER_COLORS[m.tone]} row={rows[i]} /> } : undefined}
            />
          ))}
          {lines.map((l) => (
            <Line
              key={l.key}
              type="linear"
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              strokeDasharray={l.dashed ? '5 3' : undefined}
              dot={false}
              activeDot={{ r: 3 }}
              strokeWidth={l.dashed ? 1.4 : 1.8}
              isAnimationActive={false}
              shape={LineShape}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
