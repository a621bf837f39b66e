/** The bottom dock: a summary row of current figures and, loaded on demand, the live charts. */
import { lazy, Suspense } from 'react';
import { useRun } from '../../store/run';
import { formatCount, formatMs, formatPercent, formatRate, formatSimTime } from '../format';

const Charts = lazy(() => import('./Charts'));

const STATUS_TEXT = { idle: 'Not running', starting: 'Starting…', running: 'Running', paused: 'Paused' } as const;

function Summary() {
  const snap = useRun((s) => s.snapshot);
  const status = useRun((s) => s.status);
  const e = snap?.endToEnd;
  const settled = e ? e.completed + e.failed : 0;
  const items: [string, string, string?][] = [
    ['Simulated time', formatSimTime(snap?.timeMs ?? 0)],
    ['Throughput', formatRate(e?.throughputPerSecond ?? 0)],
    ['Sent', formatCount(e?.sent ?? 0)],
    ['Completed', formatCount(e?.completed ?? 0)],
    ['Failed', formatCount(e?.failed ?? 0), e && e.failed > 0 ? 'is-bad' : undefined],
    ['Error rate', formatPercent(settled > 0 ? (e?.failed ?? 0) / settled : 0), e && e.failed > 0 ? 'is-bad' : undefined],
    ['p50', formatMs(e?.latencyMs.p50 ?? 0)],
    ['p95', formatMs(e?.latencyMs.p95 ?? 0)],
    ['p99', formatMs(e?.latencyMs.p99 ?? 0)],
  ];
  return (
    <div className="summary" aria-label="Summary">
      <span className={`run-status status-${status}`} role="status">
        <span className="run-status-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </span>
      <dl className="summary-figures">
        {items.map(([label, value, tone]) => (
          <div key={label} className={tone}>
            <dt>{label}</dt>
            <dd data-testid={`summary-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function MetricsDock() {
  const hasSeries = useRun((s) => s.series.length > 0);
  const status = useRun((s) => s.status);
  return (
    <section className="metrics" aria-label="Metrics">
      <Summary />
      {hasSeries ? (
        <Suspense fallback={<div className="metrics-empty">Loading charts…</div>}>
          <Charts />
        </Suspense>
      ) : (
        <div className="metrics-empty">
          {status === 'idle'
            ? 'Press Run to simulate the design. Throughput, errors, latency and utilisation appear here live.'
            : 'Waiting for the first simulated second…'}
        </div>
      )}
    </section>
  );
}
