/**
 * The dock's Compare tab: one param of one node or connection, run once per value with the
 * same requests, side by side — throughput, latency, errors and cost per row, the fastest p99
 * marked, each row's p99 second by second on one scale, and a button to put a row's value into
 * the design. On request, each row's capacity too: the traffic it carries within a target.
 */
import { useEffect, useId, useState } from 'react';
import type { ParamSpec, ParamValue } from '../../model';
import { emptyWord, simulatesAlike } from '../../model';
import type { Comparison, Subject, VariantFigures } from '../../compare/types';
import { useDesign } from '../../store';
import { useCompare, type CompareJob } from '../../store/compare';
import { formatChange, formatCost, formatMs, formatOption, formatPercent, formatRate } from '../format';
import { applyValue, closeCompare, runCompare, setCompareValues, subjectIn } from './actions';
import { parseValues, valuesText } from '../../compare/values';
import { Sparkline } from './Sparkline';
import { carriesByValue } from './carries';
import { CarriesCell, RowsCapacityBar } from './RowsCapacity';
import './compare.css';

function show(value: ParamValue, spec: ParamSpec | undefined): string {
  const unit = spec?.type === 'number' ? spec.unit : undefined;
  if (value === null) return emptyWord(spec);
  if (typeof value === 'string') return formatOption(value);
  return `${value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
}

/** Choice params: a checkbox per option. Numbers: a comma-separated list, checked as typed. */
function ValuesEditor({ spec }: { spec: ParamSpec }) {
  const values = useCompare((s) => s.values);
  const [text, setText] = useState(valuesText(values, spec));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setText(valuesText(values, spec)), [values, spec]);
  if (spec.type === 'enum') {
    return (
      <fieldset className="compare-options">
        <legend className="visually-hidden">Values to compare</legend>
        {spec.options.map((option) => (
          <label key={option} className="compare-option">
            <input
              type="checkbox"
              checked={values.includes(option)}
              onChange={(e) =>
                setCompareValues(e.target.checked ? spec.options.filter((o) => o === option || values.includes(o)) : values.filter((v) => v !== option))
              }
            />
            {formatOption(option)}
          </label>
        ))}
      </fieldset>
    );
  }
  /** Takes the typed values if they are good; says whether they were. */
  const commit = (): boolean => {
    const parsed = parseValues(spec, text);
    if ('error' in parsed) {
      setError(parsed.error);
      return false;
    }
    setError(null);
    setCompareValues(parsed.values);
    return true;
  };
  return (
    <div className="compare-values">
      <label htmlFor={id}>Values{spec.unit ? ` (${spec.unit})` : ''}</label>
      <input
        id={id}
        type="text"
        value={text}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && commit()) void runCompare();
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The row with the lowest p99 among rows that answered something. */
const isFastest = (variant: VariantFigures, fastest: number | null) => variant.completed > 0 && variant.latencyMs.p99 === fastest;

/** The subject as it is in the design now; null once it is gone. */
type Found = ReturnType<typeof subjectIn>;

function Results({ subject, found, job }: { subject: Subject; found: Found; job: CompareJob }) {
  const design = useDesign((s) => s.design);
  const carries = carriesByValue(useCompare((s) => s.capacity));
  if (job.status === 'running') return <p className="compare-status">Running each value…</p>;
  if (job.status === 'failed') return <p className="compare-status is-bad" role="alert">{job.message}</p>;
  if (job.status !== 'done') return null;
  const result: Comparison = job.result;
  // One problem on every row is the design's, not a value's: say it once.
  const problems = new Set(result.variants.map((v) => (v.ok ? null : v.problem)));
  if (problems.size === 1 && !problems.has(null)) {
    return (
      <p className="compare-status is-bad" role="alert">
        The design cannot run: {[...problems][0]}
      </p>
    );
  }
  const ran = result.variants.filter((v): v is VariantFigures => v.ok);
  // Among rows that answered something: one that answered nothing has no p99 (0), not the best.
  const answered = ran.filter((v) => v.completed > 0);
  const fastest = answered.length > 1 ? Math.min(...answered.map((v) => v.latencyMs.p99)) : null;
  const worstP99 = Math.max(1e-9, ...ran.map((v) => v.latencyMs.p99));
  // One scale for every row's line: the worst second of any run.
  const worstSecond = Math.max(0, ...ran.flatMap((v) => v.p99PerSecond.map((p) => p ?? 0)));
  // Each row's p99 against the current value's, when the current value is one of the rows.
  const baseline = found === null ? undefined : ran.find((v) => v.value === found.value && v.completed > 0);
  const stale = !simulatesAlike(job.design, design);
  const { durationS, warmupS, seed } = result.run;
  return (
    <>
      <p className="compare-status" role="status">
        {stale
          ? 'The design has changed since these runs; run them again to compare the design as it is.'
          : `Each row: ${warmupS} s warm-up, ${durationS} s measured, seed ${seed}, the same random draws in every run. ${result.variants.length} runs in ${(result.wallMs / 1000).toFixed(1)} s.`}
      </p>
      {ran.length > 0 && <RowsCapacityBar design={job.design} stale={stale} />}
      <table className={`compare-table${stale ? ' is-stale' : ''}${carries ? ' has-carries' : ''}`}>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Throughput</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col" className="compare-p99">p99</th>
            <th scope="col" className="compare-trend" title="Each measured second’s p99, every row on the same scale">
              p99 each second
            </th>
            <th scope="col">Errors</th>
            <th scope="col">Cost</th>
            {carries && (
              <th scope="col" className="compare-carries">
                Carries
              </th>
            )}
            <th scope="col">
              <span className="visually-hidden">Use</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.variants.map((variant) => {
            const current = found !== null && variant.value === found.value;
            const label = show(variant.value, found?.spec);
            return (
              <tr key={String(variant.value)} className={current ? 'is-current' : undefined}>
                <th scope="row">
                  {label}
                  {current && <span className="compare-current"> current</span>}
                </th>
                {variant.ok ? (
                  <>
                    <td>{formatRate(variant.throughputPerSecond)}</td>
                    <td>{variant.completed > 0 ? formatMs(variant.latencyMs.p50) : '—'}</td>
                    <td>{variant.completed > 0 ? formatMs(variant.latencyMs.p95) : '—'}</td>
                    <td className={`compare-p99${isFastest(variant, fastest) ? ' is-best' : ''}`}>
                      <span className="compare-bar" style={{ width: `${(variant.latencyMs.p99 / worstP99) * 100}%` }} aria-hidden="true" />
                      <span className="compare-bar-value">
                        {variant.completed > 0 ? formatMs(variant.latencyMs.p99) : '—'}
                        {isFastest(variant, fastest) && <span className="visually-hidden"> (fastest)</span>}
                        {baseline && variant !== baseline && variant.completed > 0 && baseline.latencyMs.p99 > 0 && (
                          <span className="compare-change">{formatChange(variant.latencyMs.p99, baseline.latencyMs.p99)}</span>
                        )}
                      </span>
                    </td>
                    <td className="compare-trend">
                      <Sparkline values={variant.p99PerSecond} max={worstSecond} />
                    </td>
                    <td className={variant.failed > 0 ? 'is-bad' : undefined}>{formatPercent(variant.errorRate)}</td>
                    <td>{formatCost(variant.costPerMonth)}</td>
                    {carries && <CarriesCell carries={carries.get(variant.value)!} />}
                  </>
                ) : (
                  // A value that cannot run is not searched either: its reason spans the Carries column too.
                  <td colSpan={carries ? 8 : 7} className="compare-problem">
                    {variant.problem}
                  </td>
                )}
                <td>
                  {variant.ok && !current && (
                    <button type="button" className="btn btn-small" onClick={() => applyValue(subject, variant.value)} aria-label={`Use ${label}`}>
                      Use
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function ComparePanel() {
  const subject = useCompare((s) => s.subject);
  const job = useCompare((s) => s.job);
  const values = useCompare((s) => s.values);
  const design = useDesign((s) => s.design);
  if (!subject) return null;
  const found = subjectIn(design, subject);
  return (
    <div className="compare" aria-label="Comparison">
      <div className="compare-head">
        <h3>
          Compare {found ? `${found.name} · ${found.spec.label}` : 'a param of something no longer in the design'}
        </h3>
        <div className="compare-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => void runCompare()}
            disabled={!found || job.status === 'running' || values.length === 0}
          >
            {job.status === 'done' ? 'Run again' : 'Run'}
          </button>
          <button type="button" className="btn btn-small" onClick={closeCompare}>
            Close
          </button>
        </div>
      </div>
      {found && <ValuesEditor spec={found.spec} />}
      <Results subject={subject} found={found} job={job} />
    </div>
  );
}
