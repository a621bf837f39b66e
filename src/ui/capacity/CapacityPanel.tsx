/**
 * The dock's Capacity tab: how much traffic the design carries within a target. Beside the
 * target, the verdict — the load carried against today's, and what gives first — and the load
 * curve the search traced, drawn as it is measured, with a table of the runs.
 */
import { lazy, Suspense } from 'react';
import type { CapacitySearch } from '../../capacity/types';
import { useDesign } from '../../store';
import { useCapacity, type CapacityJob } from '../../store/capacity';
import { useUi } from '../../store/ui';
import { ErrorBoundary } from '../ErrorBoundary';
import { formatRunLength, plural } from '../format';
import { findDesignCapacity } from './actions';
import { RunsTable } from './RunsTable';
import { TargetForm } from './TargetForm';
import { progress } from './words';
import { verdictParts } from '../../capacity/verdict';
import { StaleNote } from '../StaleNote';
import './capacity.css';
import { simulatesAlike } from '../../model';

const LoadCurve = lazy(() => import('./LoadCurve'));

function Verdict({ search, stale }: { search: CapacitySearch; stale: boolean }) {
  const { before, figure, after } = verdictParts(search);
  const focusNode = useUi((s) => s.focusNode);
  const limitNode = useDesign((s) => search.limit?.nodeId !== undefined && s.design.nodes.some((n) => n.id === search.limit?.nodeId));
  const { run, points, wallMs, limit } = search;
  return (
    <>
      {stale && (
        <StaleNote action="Run again" onAction={() => void findDesignCapacity()}>
          The design has changed since this search: the result is about an earlier version of it.
        </StaleNote>
      )}
      <p className="capacity-headline">
        {before}
        <strong>{figure}</strong>
        {after}
      </p>
      {limit && (
        <p className="capacity-limit">
          <span className="capacity-limit-label">What gives first:</span> {limit.text}
          {limitNode && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => focusNode(limit.nodeId!)}>
                Select it
              </button>
            </>
          )}
        </p>
      )}
      <p className="capacity-run">
        {plural(points.length, 'run')} of {formatRunLength(run)}, seed {run.seed}, in {(wallMs / 1000).toFixed(1)} s.
      </p>
    </>
  );
}

/** Where the search is: the run just measured, the verdict, or why it could not run. */
function Outcome({ job }: { job: CapacityJob }) {
  const design = useDesign((s) => s.design);
  if (job.status === 'failed') {
    return (
      <p className="capacity-failed" role="alert">
        {job.message}
      </p>
    );
  }
  return (
    // One live region for the progress and then the verdict, so both are read out as they come.
    <div className="capacity-outcome" role="status">
      {job.status === 'running' && <p className="capacity-progress">{progress(job.points)}</p>}
      {job.status === 'done' && <Verdict search={job.result} stale={!simulatesAlike(job.design, design)} />}
    </div>
  );
}

/** The runs a job has to show: those measured so far, or the search's. */
function runsOf(job: CapacityJob) {
  if (job.status === 'running') return { design: job.design, target: job.target, points: job.points, carried: null };
  if (job.status === 'done') return { design: job.design, target: job.result.target, points: job.result.points, carried: job.result.carried };
  return null;
}

/** The load curve and the runs so far; a line on what to expect before there are any. */
function Runs({ job }: { job: CapacityJob }) {
  const design = useDesign((s) => s.design);
  const runs = runsOf(job);
  if (!runs || runs.points.length === 0) {
    return (
      <div className="metrics-empty">
        {job.status === 'running' ? 'Measuring the design at today’s traffic…' : 'Find capacity to trace the design’s load curve: p99, throughput and errors as the traffic grows.'}
      </div>
    );
  }
  return (
    <div className={`capacity-runs${job.status === 'done' && !simulatesAlike(job.design, design) ? ' is-stale' : ''}`}>
      <ErrorBoundary
        fallback={(error, retry) => (
          <div className="metrics-error" role="alert">
            <span>The load curve could not be drawn ({error.message}). The table below has every run.</span>
            <button type="button" className="btn" onClick={retry}>
              Draw it again
            </button>
          </div>
        )}
      >
        <Suspense fallback={<div className="metrics-empty">Loading charts…</div>}>
          <LoadCurve points={runs.points} target={runs.target} capacity={runs.carried?.offeredPerSecond ?? null} />
        </Suspense>
      </ErrorBoundary>
      <RunsTable points={runs.points} design={runs.design} carried={runs.carried} />
    </div>
  );
}

export function CapacityPanel() {
  const job = useCapacity((s) => s.job);
  return (
    <section className="capacity" aria-label="Capacity">
      <div className="capacity-side">
        <TargetForm />
        <Outcome job={job} />
      </div>
      <Runs job={job} />
    </section>
  );
}
