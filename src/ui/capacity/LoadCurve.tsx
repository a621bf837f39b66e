/**
 * The load curve, in its own chunk (recharts) like the live charts: p99, throughput, error rate
 * and, with queues, the longest queue wait against the load offered, a dot per run — filled where
 * the run met the target, hollow where it did not — with the target and the capacity found drawn
 * across. The charts look like the live ones (same frame, axes and theme colours); a search has
 * a dozen points or so, so recharts' own lines and dots are cheap here.
 */
import type { CSSProperties, ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import type { CapacityTarget, LoadPoint } from '../../capacity/types';
import { formatMs, formatPercent, formatRate } from '../format';
import { axisNumber, linearTicks, logAxis, percentTick } from '../axes';
import { answeredP99, curveRows, type CurveRow } from './curve';
import { formatScale } from '../../capacity/verdict';

interface Props {
  points: readonly LoadPoint[];
  target: CapacityTarget;
  /** The load carried (req/s), drawn as a vertical line; null while searching or when none met the target. */
  capacity: number | null;
}

const TARGET_COLOR = 'var(--muted)';
const CAPACITY_COLOR = 'var(--ok)';
const MOST_X_TICKS = 4;
const MOST_Y_TICKS = 4;
const MARGIN = { top: 6, right: 14, bottom: 0, left: 0 };

/** Filled where the run met the target, hollow where it did not: told apart without colour. */
function RunDot({ cx, cy, stroke, payload }: DotItemDotProps) {
  if (cx == null || cy == null || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const meets = (payload as CurveRow).point.meets;
  return <circle cx={cx} cy={cy} r={3.5} fill={meets ? stroke : 'var(--surface)'} stroke={stroke} strokeWidth={1.6} />;
}

/** Every chart's tooltip: the whole run, whichever figure is pointed at. */
function RunTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: CurveRow }[] }) {
  const point = payload?.[0]?.payload?.point;
  if (!active || !point) return null;
  const p99 = answeredP99(point);
  return (
    <div className="capacity-tooltip">
      <strong>
        {formatScale(point.scale)} · {formatRate(point.offeredPerSecond)} offered
      </strong>
      <span>
        Throughput {formatRate(point.throughputPerSecond)} · p99 {p99 === null ? '—' : formatMs(p99)} · errors {formatPercent(point.errorRate)}
        {point.queueLagMs !== null && ` · queue wait ${formatMs(point.queueLagMs)}`}
      </span>
      <span className={point.meets ? 'is-ok' : 'is-bad'}>{point.meets ? '✓ Meets the target' : `✗ ${point.shortfall}`}</span>
    </div>
  );
}

interface ChartProps {
  title: string;
  rows: CurveRow[];
  /** The figure drawn: null where a run has none (a gap in the line). */
  value: (row: CurveRow) => number | null;
  color: string;
  xTicks: number[];
  yTicks: number[];
  yTick: (x: number) => string;
  log?: boolean;
  capacity: number | null;
  /** Lines drawn across: the target, the "carries everything" diagonal. */
  children?: ReactNode;
}

function CurveChart({ title, rows, value, color, xTicks, yTicks, yTick, log, capacity, children }: ChartProps) {
  return (
    <figure className="chart capacity-chart" aria-label={title}>
      <figcaption>
        <span title={title}>{title}</span>
      </figcaption>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%" minWidth={100} minHeight={60}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="offered"
              type="number"
              domain={[0, xTicks[xTicks.length - 1]]}
              ticks={xTicks}
              interval={0}
              tickFormatter={axisNumber}
              stroke="var(--muted)"
              fontSize={10}
            />
            <YAxis
              type="number"
              scale={log ? 'log' : 'linear'}
              domain={[yTicks[0], yTicks[yTicks.length - 1]]}
              ticks={yTicks}
              interval={0}
              allowDataOverflow
              tickFormatter={yTick}
              stroke="var(--muted)"
              fontSize={10}
              width={44}
            />
            <Tooltip content={RunTooltip} cursor={{ stroke: 'var(--border-strong)' }} isAnimationActive={false} />
            {children}
            {capacity !== null && <ReferenceLine x={capacity} stroke={CAPACITY_COLOR} strokeWidth={1.4} ifOverflow="discard" />}
            <Line type="linear" dataKey={value} stroke={color} strokeWidth={1.8} dot={RunDot} activeDot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** What the marks mean, once for every chart. */
function Key() {
  return (
    <p className="capacity-key">
      <span>Against offered load (req/s)</span>
      <span>
        <svg width="10" height="10" aria-hidden="true">
          <circle cx="5" cy="5" r="3.5" fill="var(--text)" stroke="var(--text)" strokeWidth="1.4" />
        </svg>
        meets the target
      </span>
      <span>
        <svg width="10" height="10" aria-hidden="true">
          <circle cx="5" cy="5" r="3.5" fill="var(--surface)" stroke="var(--text)" strokeWidth="1.4" />
        </svg>
        misses it
      </span>
      <span>
        <svg width="18" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="18" y2="5" stroke={TARGET_COLOR} strokeWidth="1.4" strokeDasharray="4 3" />
        </svg>
        target
      </span>
      <span>
        <svg width="18" height="10" aria-hidden="true">
          <line x1="9" y1="0" x2="9" y2="10" stroke={CAPACITY_COLOR} strokeWidth="1.6" />
        </svg>
        capacity
      </span>
    </p>
  );
}

const targetLine = (y: number) => <ReferenceLine y={y} stroke={TARGET_COLOR} strokeDasharray="4 3" strokeWidth={1.4} />;

export default function LoadCurve({ points, target, capacity }: Props) {
  const rows = curveRows(points);
  const xTicks = linearTicks(Math.max(...rows.map((r) => Math.max(r.offered, r.throughput))), MOST_X_TICKS);
  const top = xTicks[xTicks.length - 1];
  const p99 = logAxis(rows.map((r) => r.p99), target.p99Ms);
  const queues = rows.some((r) => r.queueLag !== null);
  const queueLag = logAxis(rows.map((r) => r.queueLag), target.queueLagMs);
  const errorTicks = linearTicks(Math.max(target.errorRate, ...rows.map((r) => r.errorRate)), MOST_Y_TICKS, 0.01);
  const shared = { rows, xTicks, capacity };
  return (
    <div className="capacity-curve">
      <Key />
      <div className="capacity-charts" style={{ '--chart-count': queues ? 4 : 3 } as CSSProperties}>
        <CurveChart title="p99 (ms, log scale)" value={(r) => p99.plot(r.p99)} color="var(--series-5)" yTicks={p99.ticks} yTick={p99.label} log {...shared}>
          {targetLine(target.p99Ms)}
        </CurveChart>
        <CurveChart title="Throughput (req/s)" value={(r) => r.throughput} color="var(--series-1)" yTicks={xTicks} yTick={axisNumber} {...shared}>
          {/* Where a design that kept up would be: throughput equal to the load offered. */}
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: top, y: top }]} stroke="var(--border-strong)" strokeDasharray="2 3" />
        </CurveChart>
        <CurveChart title="Error rate (%)" value={(r) => r.errorRate} color="var(--danger)" yTicks={errorTicks} yTick={percentTick} {...shared}>
          {targetLine(target.errorRate)}
        </CurveChart>
        {queues && (
          <CurveChart title="Queue wait (ms, log scale)" value={(r) => queueLag.plot(r.queueLag)} color="var(--series-4)" yTicks={queueLag.ticks} yTick={queueLag.label} log {...shared}>
            {targetLine(target.queueLagMs)}
          </CurveChart>
        )}
      </div>
    </div>
  );
}
