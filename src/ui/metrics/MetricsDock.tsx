/**
 * The bottom dock: a summary row of current figures, and tabs: the live charts (loaded on
 * demand), the design's scheduled faults, what stands out in the run (findings), how much
 * traffic the design carries (capacity), single requests followed call by call (traces) and,
 * while they are open, a practice scenario's brief and a comparison.
 */
import { lazy, Suspense, useMemo, type KeyboardEvent } from 'react';
import type { EndToEndFigures, Snapshot } from '../../engine';
import { useDesign } from '../../store';
import { designCost } from '../../store/cost';
import { useRun } from '../../store/run';
import { canKeepBaseline, clearBaseline, keepBaseline, useBaseline, type Baseline } from '../../store/baseline';
import { changesFrom, type Change } from './baselineChange';
import { settledErrorRate } from '../../engine/report';
import { useUi, type DockTab } from '../../store/ui';
import { ErrorBoundary } from '../ErrorBoundary';
import { FaultsPanel } from '../faults/FaultsPanel';
import { FindingsPanel, useFindingCount } from '../insights/FindingsPanel';
import { BriefPanel } from '../practice/BriefPanel';
import { ComparePanel } from '../compare/ComparePanel';
import { CapacityPanel } from '../capacity/CapacityPanel';
import { TracesPanel } from '../traces/TracesPanel';
import { useCompare } from '../../store/compare';
import { usePractice, useScenario } from '../../store/practice';
import './dock.css';
import { formatCost, formatCount, formatMs, formatPercent, formatRate, formatSimTime } from '../format';
import { simulatesAlike } from '../../model';

const Charts = lazy(() => import('./Charts'));

const STATUS_TEXT: Record<string, string> = {
  idle: 'Not running',
  starting: 'Starting…',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
};

type Item = { label: string; value: string; exact?: number; tone?: string; title?: string; change?: Change; was?: string };

const NONE = '—';
/** A percentile of the requests completed so far; none before the first. */
const latency = (e: Snapshot['endToEnd'] | undefined, p: 'p50' | 'p95' | 'p99') => (e && e.completed > 0 ? formatMs(e.latencyMs[p]) : NONE);

function Summary() {
  const snap = useRun((s) => s.snapshot);
  const status = useRun((s) => s.status);
  const nodes = useDesign((s) => s.design.nodes);
  const plannedCost = useMemo(() => designCost(nodes), [nodes]);
  const e = snap?.endToEnd;
  const bad = e && e.failed > 0 ? 'is-bad' : undefined;
  const cost = snap?.costPerMonth ?? plannedCost;
  const warmingUp = snap !== null && !snap.measuring;
  const baseline = useBaseline((s) => s.baseline);
  // Against a kept run once this one has measured something: a change per figure, the kept value in its tooltip.
  const changes = baseline && e && snap?.measuring && e.sent > 0 ? changesFrom(baseline, { endToEnd: e, costPerMonth: cost }) : {};
  const shown = shownFigures(e, cost);
  const was: Partial<ReturnType<typeof shownFigures>> = baseline ? shownFigures(baseline.endToEnd, baseline.costPerMonth) : {};
  const items: Item[] = [
    { label: 'Simulated time', value: formatSimTime(snap?.timeMs ?? 0), exact: snap?.timeMs },
    { label: 'Throughput', value: shown.Throughput, exact: e?.throughputPerSecond, change: changes.Throughput, was: was.Throughput },
    { label: 'Sent', value: formatCount(e?.sent ?? 0), exact: e?.sent },
    { label: 'Completed', value: formatCount(e?.completed ?? 0), exact: e?.completed },
    { label: 'Failed', value: formatCount(e?.failed ?? 0), exact: e?.failed, tone: bad },
    { label: 'Error rate', value: shown['Error rate'], tone: bad, change: changes['Error rate'], was: was['Error rate'] },
    { label: 'p50', value: shown.p50, exact: e?.latencyMs.p50, change: changes.p50, was: was.p50 },
    { label: 'p95', value: shown.p95, exact: e?.latencyMs.p95, change: changes.p95, was: was.p95 },
    { label: 'p99', value: shown.p99, exact: e?.latencyMs.p99, change: changes.p99, was: was.p99 },
    {
      label: 'Cost',
      value: shown.Cost,
      exact: cost,
      title: 'Monthly cost of every instance in the design, at list prices (edit per node); a server’s instances, where they change (autoscaling), averaged over the run',
      change: changes.Cost,
      was: was.Cost,
    },
  ];
  return (
    <div className="summary-figures-wrap">
      <div className="run-status-block">
        <span className={`run-status status-${status}`} role="status">
          <span className="run-status-dot" aria-hidden="true" />
          {STATUS_TEXT[status] ?? status}
          {warmingUp && status !== 'idle' && <span className="run-status-note"> · warm-up</span>}
        </span>
        <BaselineControl baseline={baseline} />
      </div>
      <dl className="summary-figures">
        {items.map(({ label, value, exact, tone, title, change, was: kept }) => {
          const id = label.toLowerCase().replace(/\s+/g, '-');
          const tip = [title, kept !== undefined && baseline ? `Baseline (${baseline.name}): ${kept}` : undefined].filter(Boolean).join('\n');
          return (
            <div key={label} className={tone} title={tip || undefined}>
              <dt>{label}</dt>
              <dd data-testid={`summary-${id}`} data-value={exact !== undefined && Number.isFinite(exact) ? String(exact) : undefined}>
                {value}
              </dd>
              {change && (
                <dd className={`summary-change is-${change.direction}`} data-testid={`summary-${id}-change`}>
                  {change.text}
                  <span className="visually-hidden"> against the baseline{kept !== undefined ? `, ${kept}` : ''}</span>
                </dd>
              )}
            </div>
          );
        })}
      </dl>
    </div>
  );
}

/**
 * The figures a baseline is compared on, as the summary shows them: the run on show's, and a
 * kept run's in its tooltips. Until a measured request has settled there is no error rate or
 * latency to show, not a 0.
 */
function shownFigures(e: EndToEndFigures | undefined, cost: number) {
  const errorRate = e ? settledErrorRate(e) : null;
  return {
    Throughput: formatRate(e?.throughputPerSecond ?? 0),
    'Error rate': errorRate === null ? NONE : formatPercent(errorRate),
    p50: latency(e, 'p50'),
    p95: latency(e, 'p95'),
    p99: latency(e, 'p99'),
    Cost: formatCost(cost),
  };
}

/**
 * Keep the run on show as a baseline (once it has paused or finished), or, with one kept, say
 * so and let it go. The next runs are measured against it, here and on the charts.
 */
function BaselineControl({ baseline }: { baseline: Baseline | null }) {
  const keepable = useRun(canKeepBaseline);
  // The run just kept is no new one to keep.
  const kept = useRun((s) => baseline !== null && s.snapshot?.endToEnd === baseline.endToEnd);
  if (baseline) {
    return (
      <span className="baseline-control" title={`Figures and charts are compared with a kept run of “${baseline.name}”`}>
        vs baseline
        <button type="button" className="link-button" onClick={clearBaseline} aria-label={`Clear the baseline (${baseline.name})`}>
          Clear
        </button>
        {keepable && !kept && (
          <button type="button" className="link-button" onClick={keepBaseline} aria-label="Replace the baseline with this">
            Replace
          </button>
        )}
      </span>
    );
  }
  return keepable ? (
    <span className="baseline-control">
      <button type="button" className="link-button" onClick={keepBaseline} title="Keep this run's figures to compare the next runs with: change the design, run again, and see what moved">
        Keep as baseline
      </button>
    </span>
  ) : null;
}

const TABS: { id: DockTab; label: string }[] = [
  { id: 'charts', label: 'Charts' },
  { id: 'faults', label: 'Faults' },
  { id: 'findings', label: 'Findings' },
  { id: 'capacity', label: 'Capacity' },
  { id: 'traces', label: 'Traces' },
  { id: 'brief', label: 'Brief' },
  { id: 'compare', label: 'Compare' },
];

/** The tabs there are: Brief while a scenario is on, Compare while a comparison is open. */
function useTabs() {
  const practising = useScenario() !== undefined;
  const comparing = useCompare((s) => s.subject !== null);
  return TABS.filter((t) => (t.id === 'brief' ? practising : t.id === 'compare' ? comparing : true));
}

/** The tab on show: the chosen one while it is there, else the charts. */
function useDockTab(): DockTab {
  const tab = useUi((s) => s.dockTab);
  const tabs = useTabs();
  return tabs.some((t) => t.id === tab) ? tab : 'charts';
}

/** The last check's verdict on the Brief tab, while it is about the design on the canvas. */
function BriefMark() {
  const check = usePractice((s) => s.check);
  const design = useDesign((s) => s.design);
  if (check.status !== 'done' || !check.result.ok || !simulatesAlike(check.design, design)) return null;
  const passed = check.result.passed;
  return (
    <span className={`dock-tab-mark ${passed ? 'is-ok' : 'is-bad'}`}>
      <span aria-hidden="true">{passed ? '✓' : '✗'}</span>
      <span className="visually-hidden">({passed ? 'passed' : 'not passed yet'})</span>
    </span>
  );
}

function DockTabs() {
  const tab = useDockTab();
  const setTab = useUi((s) => s.setDockTab);
  const tabs = useTabs();
  const faults = useDesign((s) => s.design.faults.length);
  const findings = useFindingCount();
  // Arrow keys move between tabs, as a tablist should.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const i = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    setTab(next.id);
    document.getElementById(`dock-tab-${next.id}`)?.focus();
    event.preventDefault();
  };
  return (
    <div className="dock-tabs" role="tablist" aria-label="Dock" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`dock-tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          aria-controls={`dock-panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className={`dock-tab${tab === t.id ? ' is-on' : ''}`}
          onClick={() => setTab(t.id)}
        >
          {t.label}
          {t.id === 'faults' && faults > 0 && (
            <>
              <span className="visually-hidden">({faults} scheduled)</span>
              <span className="dock-tab-count" aria-hidden="true">
                {faults}
              </span>
            </>
          )}
          {t.id === 'findings' && findings > 0 && (
            <>
              <span className="visually-hidden">({findings} to look at)</span>
              <span className="dock-tab-count is-warn" aria-hidden="true">
                {findings}
              </span>
            </>
          )}
          {t.id === 'brief' && <BriefMark />}
        </button>
      ))}
    </div>
  );
}

function ChartsPanel() {
  const hasSeries = useRun((s) => s.series.length > 0);
  const status = useRun((s) => s.status);
  return hasSeries ? (
    <ErrorBoundary
      fallback={(error, retry) => (
        <div className="metrics-error" role="alert">
          <span>The charts could not be drawn ({error.message}). The run and your design are unaffected.</span>
          <button type="button" className="btn" onClick={retry}>
            Draw the charts again
          </button>
        </div>
      )}
    >
      <Suspense fallback={<div className="metrics-empty">Loading charts…</div>}>
        <Charts />
      </Suspense>
    </ErrorBoundary>
  ) : (
    <div className="metrics-empty">
      {status === 'idle'
        ? 'Press Run to simulate the design. Throughput, errors, latency and utilisation appear here live.'
        : 'Waiting for the first simulated second…'}
    </div>
  );
}

export function MetricsDock() {
  const tab = useDockTab();
  return (
    <section className="metrics" aria-label="Metrics" data-tall={tab === 'brief' || tab === 'compare' || tab === 'capacity' || tab === 'traces' ? '' : undefined}>
      <div className="summary" aria-label="Summary">
        <Summary />
        <DockTabs />
      </div>
      <div className="dock-panel" id={`dock-panel-${tab}`} role="tabpanel" aria-labelledby={`dock-tab-${tab}`}>
        {tab === 'charts' ? (
          <ChartsPanel />
        ) : tab === 'faults' ? (
          <FaultsPanel />
        ) : tab === 'findings' ? (
          <FindingsPanel />
        ) : tab === 'capacity' ? (
          <CapacityPanel />
        ) : tab === 'traces' ? (
          <TracesPanel />
        ) : tab === 'brief' ? (
          <BriefPanel />
        ) : (
          <ComparePanel />
        )}
      </div>
    </section>
  );
}
