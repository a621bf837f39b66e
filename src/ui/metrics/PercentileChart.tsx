/**
 * End-to-end latency by percentile over everything measured so far: the tail behind the
 * summary's p50, p95 and p99, which are marked on it. A cache shows as a step (hits, then
 * misses), a queue building up as a curve that climbs into the tail.
 */
import { memo, useMemo, useRef, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, usePlotArea, XAxis, YAxis } from 'recharts';
import type { LatencySummary, PercentileCurve } from '../../engine';
import { axisNumber, linearTicks } from '../axes';
import { formatMs } from '../format';
import { ChartFrame, LineShape, useWidth, Y_AXIS_PX } from './Chart';
import { MARKED, percentLabel, percentileAt, percentileRows, percentileTicks } from './percentiles';

/** Room a label such as "99.99%" needs on the x axis. */
const TICK_SLOT_PX = 46;
const MARGIN = { top: 6, right: 22, bottom: 0, left: 0 };

/** Average width of a character of a 10 px label, a little generous. */
const LABEL_CHAR_PX = 5.8;

/**
 * A marked percentile's dot label, on the side of the dot the curve leaves clear (see MARKED),
 * kept inside the plot: near an edge it slides along rather than run over the axis's labels.
 */
function MarkLabel({ viewBox, text, fill, side }: { viewBox?: { x?: number; y?: number; width?: number; height?: number }; text: string; fill: string; side: 'aboveLeft' | 'belowRight' }) {
  const plot = usePlotArea();
  if (!plot || viewBox?.x === undefined || viewBox.y === undefined) return null;
  const cx = viewBox.x + (viewBox.width ?? 0) / 2;
  const cy = viewBox.y + (viewBox.height ?? 0) / 2;
  const width = text.length * LABEL_CHAR_PX;
  const above = side === 'aboveLeft';
  const wanted = above ? cx - 5 - width : cx + 5;
  const x = Math.max(plot.x + 2, Math.min(wanted, plot.x + plot.width - width));
  return (
    <text x={x} y={above ? cy - 6 : cy + 13} fontSize={10} fontWeight={600} fill={fill} className="percentile-mark-label">
      {text}
    </text>
  );
}

interface Props {
  title: string;
  curve: PercentileCurve | undefined;
  latency: LatencySummary | undefined;
  control: ReactNode;
}

export const PercentileChart = memo(function PercentileChart({ title, curve, latency, control }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const width = useWidth(body);
  const rows = useMemo(() => percentileRows(curve), [curve]);
  const maxX = rows.length > 0 ? rows[rows.length - 1].x : 1;
  const ticks = useMemo(() => {
    const all = percentileTicks(maxX);
    // Too many for the width: every other decade, the last kept.
    const room = width > 0 ? Math.max(2, Math.floor((width - Y_AXIS_PX) / TICK_SLOT_PX)) : all.length;
    return all.length <= room ? all : all.filter((_, i) => i === 0 || (all.length - 1 - i) % 2 === 0);
  }, [maxX, width]);
  const yTicks = useMemo(() => linearTicks(rows.length > 0 ? rows[rows.length - 1].ms : 0, 4), [rows]);
  // The summary's percentiles, where the curve reaches them (the same histogram: they lie on it).
  const marks = MARKED.filter((m) => m.x <= maxX && latency !== undefined && Number.isFinite(latency[m.key]));
  return (
    <ChartFrame title={title} control={control} bodyRef={body}>
      {rows.length === 0 ? (
        <p className="chart-empty">No request answered yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%" minWidth={100} minHeight={60}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis
              dataKey="x"
              type="number"
              scale="log"
              domain={[1, Math.max(2, maxX)]}
              ticks={ticks}
              interval={0}
              tickFormatter={(x: number) => percentLabel(percentileAt(x))}
              stroke="var(--muted)"
              fontSize={10}
              allowDataOverflow
            />
            <YAxis stroke="var(--muted)" fontSize={10} width={Y_AXIS_PX} domain={[0, yTicks[yTicks.length - 1]]} ticks={yTicks} interval={0} tickFormatter={axisNumber} />
            <Tooltip
              formatter={(value) => formatMs(Number(value))}
              labelFormatter={(x) => `${percentLabel(percentileAt(Number(x)))} of requests took at most`}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, fontSize: 12 }}
              labelStyle={{ color: 'var(--text)' }}
            />
            <Line type="linear" dataKey="ms" name="Latency" stroke="var(--series-1)" strokeWidth={1.8} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} shape={LineShape} />
            {marks.map((m) => (
              <ReferenceDot
                key={m.key}
                x={m.x}
                y={latency![m.key]}
                r={3.5}
                fill={m.color}
                stroke="var(--surface)"
                className="percentile-mark"
                label={{ content: <MarkLabel text={`${m.key} ${formatMs(latency![m.key])}`} fill={m.color} side={m.side} /> }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
});
