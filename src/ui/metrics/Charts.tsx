/** The live charts (recharts), split into their own chunk so the first load stays small. */
import { memo, useEffect, useMemo, useState } from 'react';
import type { WindowPoint } from '../../engine';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDesign } from '../../store';
import { useRun } from '../../store/run';
import { formatMs, formatPercent, formatRate } from '../format';

const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)', 'var(--series-6)', 'var(--series-7)', 'var(--series-8)'];
const MAX_UTIL_LINES = 8;

interface ChartProps {
  title: string;
  data: Record<string, number>[];
  lines: { key: string; name: string; color: string }[];
  format: (x: number) => string;
  yDomain?: [number, number];
  tickFormat?: (x: number) => string;
  legend?: boolean;
}

const tickSeconds = (t: number) => `${t}s`;

const Chart = memo(function Chart({ title, data, lines, format, yDomain, tickFormat, legend }: ChartProps) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%" minWidth={100} minHeight={60}>
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="t" tickFormatter={tickSeconds} stroke="var(--muted)" fontSize={10} minTickGap={24} />
            <YAxis
              stroke="var(--muted)"
              fontSize={10}
              width={48}
              domain={yDomain ?? [0, 'auto']}
              tickFormatter={tickFormat ?? ((x: number) => format(x))}
              allowDecimals
            />
            <Tooltip
              formatter={(value) => format(Number(value))}
              labelFormatter={(t) => `t = ${t} s`}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, fontSize: 12 }}
              labelStyle={{ color: 'var(--text)' }}
            />
            {legend && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />}
            {lines.map((l) => (
              <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} dot={false} strokeWidth={1.8} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

const num = (x: number) => (Number.isFinite(x) ? x : 0);
const compact = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 0 : 1)}k` : `${Math.round(x)}`);

const REDRAW_EVERY_MS = 250;
const MAX_POINTS = 240;

/** The series, redrawn at most four times a second and thinned to what a chart can show. */
function useChartSeries(): WindowPoint[] {
  const [series, setSeries] = useState(() => useRun.getState().series);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = useRun.subscribe((state, prev) => {
      if (state.series === prev.series || timer) return;
      timer = setTimeout(() => {
        timer = null;
        setSeries(useRun.getState().series);
      }, REDRAW_EVERY_MS);
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

export default function Charts() {
  const series = useChartSeries();
  const nodeIds = useRun((s) => s.nodeIds);
  const nodes = useDesign((s) => s.design.nodes);

  const utilNodes = useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return nodeIds
      .map((id, index) => ({ id, index, node: byId.get(id) }))
      .filter((x) => x.node && x.node.kind !== 'client')
      .slice(0, MAX_UTIL_LINES);
  }, [nodeIds, nodes]);

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
        return row;
      }),
    [series, utilNodes],
  );

  const utilLines = useMemo(
    () => utilNodes.map((u, i) => ({ key: `u${u.index}`, name: u.node?.label ?? u.id, color: PALETTE[i % PALETTE.length] })),
    [utilNodes],
  );

  return (
    <div className="charts">
      <Chart title="Throughput (req/s)" data={data} lines={[{ key: 'throughput', name: 'Throughput', color: 'var(--series-1)' }]} format={formatRate} tickFormat={compact} />
      <Chart
        title="Error rate (%)"
        data={data}
        lines={[{ key: 'errorRate', name: 'Error rate', color: 'var(--danger)' }]}
        format={(x) => formatPercent(x)}
        tickFormat={(x) => `${Math.round(x * 100)}%`}
        yDomain={[0, 1]}
      />
      <Chart
        title="Latency (ms)"
        data={data}
        lines={[
          { key: 'p50', name: 'p50', color: 'var(--series-2)' },
          { key: 'p95', name: 'p95', color: 'var(--series-4)' },
          { key: 'p99', name: 'p99', color: 'var(--series-5)' },
        ]}
        format={formatMs}
        tickFormat={compact}
        legend
      />
      <Chart title="Utilisation (%)" data={data} lines={utilLines} format={(x) => formatPercent(x)} tickFormat={(x) => `${Math.round(x * 100)}%`} yDomain={[0, 1]} legend />
    </div>
  );
}
