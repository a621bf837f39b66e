/**
 * The dock's Traces tab: single requests followed through the design, call by call. A replay
 * of the design (its seed and run length, in the batch worker) keeps its slowest requests, a
 * failure and requests at the p50 and p99; beside the list of them, the one chosen: where its
 * time went (its critical path, each node a click from the canvas) and its waterfall.
 */
import { Fragment, useMemo, type KeyboardEvent } from 'react';
import { simulatesAlike, type Design } from '../../model';
import { whereTimeWent } from '../../trace/criticalPath';
import type { Trace, TraceSet } from '../../trace/types';
import { useDesign } from '../../store';
import { useTraces } from '../../store/traces';
import { ErrorBoundary } from '../ErrorBoundary';
import { StaleNote } from '../StaleNote';
import { formatMs, formatRunLength, plural } from '../format';
import { selectTrace, traceRequests } from './actions';
import { NodeButton, nodeOf, Waterfall } from './Waterfall';
import { joiner, REASON_LABELS, sharePhrases } from '../../trace/words';
import { answeredAt } from './waterfallLayout';
import './traces.css';

const INTRO = 'Follow single requests through the design, call by call: the slowest ones, a failure, and typical ones to compare.';

/** Before the first replay, while one runs with nothing to show yet, or when it could not run. */
function Intro({ running, problem }: { running: boolean; problem: string | null }) {
  return (
    <div className="traces-intro">
      <p>{INTRO}</p>
      <button type="button" className="btn btn-primary" disabled={running} onClick={() => void traceRequests()}>
        Trace requests
      </button>
      <p className="traces-progress" role="status">
        {running ? 'Replaying the design…' : ''}
      </p>
      {problem && (
        <p className="traces-failed" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** "Where its 884 ms went: 720 ms waiting for a worker at ‹Slow server› (81 %), …" */
function Headline({ trace, design }: { trace: Trace; design: Design }) {
  const shares = useMemo(() => whereTimeWent(trace), [trace]);
  const { phrases, more } = sharePhrases(trace, shares);
  if (phrases.length === 0) return null;
  // The rest, in words, on hovering the ellipsis.
  const rest = sharePhrases(trace, shares, shares.length)
    .phrases.slice(phrases.length)
    .map((p) => `${p.lead}${p.nodeId === null ? '' : nodeOf(design, p.nodeId).name}${p.tail}`);
  return (
    <p className="traces-headline">
      Where its <strong>{formatMs(trace.latencyMs)}</strong> went:{' '}
      {phrases.map((p, i) => (
        <Fragment key={i}>
          {joiner(i, phrases.length, more)}
          {p.lead}
          {p.nodeId !== null && <NodeButton nodeId={p.nodeId} name={nodeOf(design, p.nodeId).name} />}
          {p.tail}
        </Fragment>
      ))}
      {more > 0 ? (
        <span title={rest.join('\n')}>, …</span>
      ) : (
        '.'
      )}
    </p>
  );
}

/** The waterfall's marks, each a key's class and what it means. */
const KEYS = {
  out: 'network',
  queue: 'waiting for a worker',
  service: 'served',
  calls: 'waiting on its calls',
  async: 'nobody waits for it',
  answered: 'answered',
} as const;

/** What the waterfall's marks mean; work nobody waits for and the answer's line only when the trace has them. */
function Legend({ trace }: { trace: Trace }) {
  const background = trace.spans.some((s) => s.detached || s.pastAnswer);
  const answered = answeredAt(trace) !== null;
  const shown = (Object.keys(KEYS) as (keyof typeof KEYS)[]).filter((key) => (key === 'async' ? background : key === 'answered' ? answered : true));
  return (
    <ul className="traces-legend" aria-label="Key">
      {shown.map((key) => (
        <li key={key}>
          <span className={`traces-key is-${key}`} aria-hidden="true" />
          {KEYS[key]}
        </li>
      ))}
    </ul>
  );
}

/** The requests kept, one button each; the one on show pressed. Up and down arrows move between them. */
function TraceList({ result, design, selected }: { result: TraceSet; design: Design; selected: number }) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const n = result.traces.length;
    const next = (selected + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    selectTrace(next);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
    event.preventDefault();
  };
  return (
    <ul className="traces-list" aria-label="Requests kept" onKeyDown={onKeyDown}>
      {result.traces.map((trace, i) => (
        <li key={i}>
          <button type="button" className={`traces-item${trace.ok ? '' : ' is-failed'}`} aria-pressed={i === selected} onClick={() => selectTrace(i)}>
            <span className={`traces-reason is-${trace.reason}`}>{REASON_LABELS[trace.reason]}</span>
            <span className="traces-latency">
              {!trace.ok && (
                <span className="traces-failed-mark" aria-hidden="true">
                  ✕{' '}
                </span>
              )}
              {formatMs(trace.latencyMs)}
              {!trace.ok && <span className="visually-hidden"> failed</span>}
            </span>
            <span className="traces-when">
              t = {trace.sentAtS.toFixed(1)} s · {nodeOf(design, trace.clientId).name}
              {trace.attempts > 1 && ` · ${plural(trace.attempts, 'attempt')}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Traced({ design, result, selected }: { design: Design; result: TraceSet; selected: number }) {
  const current = useDesign((s) => s.design);
  const stale = !simulatesAlike(design, current);
  const trace: Trace | undefined = result.traces[selected] ?? result.traces[0];
  const { run, measured, wallMs } = result;
  return (
    <>
      <div className="traces-side">
        <button type="button" className="btn btn-small traces-again" onClick={() => void traceRequests()}>
          Trace requests
        </button>
        <p className="traces-run" role="status">
          Replayed {formatRunLength(run)}, seed {run.seed}, in {(wallMs / 1000).toFixed(1)} s: {plural(measured, 'request')} measured.
        </p>
        {stale && (
          <StaleNote action="Trace again" onAction={() => void traceRequests()}>
            The design has changed since this replay: these requests went through an earlier version of it.
          </StaleNote>
        )}
        <TraceList result={result} design={design} selected={trace ? result.traces.indexOf(trace) : -1} />
      </div>
      <div className={`traces-main${stale ? ' is-stale' : ''}`}>
        {trace ? (
          <ErrorBoundary
            key={result.traces.indexOf(trace)}
            fallback={(error, retry) => (
              <div className="metrics-error" role="alert">
                <span>This request’s waterfall could not be drawn ({error.message}). The other requests and your design are unaffected.</span>
                <button type="button" className="btn" onClick={retry}>
                  Draw it again
                </button>
              </div>
            )}
          >
            <div className="traces-top">
              <Headline trace={trace} design={design} />
              <Legend trace={trace} />
            </div>
            <Waterfall trace={trace} design={design} />
            <p className="traces-hint">Hover over a call for its figures; a name selects its node on the canvas.</p>
          </ErrorBoundary>
        ) : (
          <div className="metrics-empty">The replay kept no requests to follow.</div>
        )}
      </div>
    </>
  );
}

export function TracesPanel() {
  const job = useTraces((s) => s.job);
  const selected = useTraces((s) => s.selected);
  return (
    <section className={`traces${job.status === 'done' ? ' has-result' : ''}`} aria-label="Traces">
      {job.status === 'done' ? (
        <Traced design={job.design} result={job.result} selected={selected} />
      ) : (
        <Intro running={job.status === 'running'} problem={job.status === 'failed' ? job.message : null} />
      )}
    </section>
  );
}
