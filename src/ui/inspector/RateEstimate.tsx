/**
 * Under a client's rate: work the rate out from daily users, as an interview's estimate does,
 * with the arithmetic shown, and take it into the design in one click.
 */
import { useId, useState } from 'react';
import { estimateRate, parseCount, roundedRate, SECONDS_PER_DAY } from './estimate';

const FIELDS = [
  { key: 'dailyUsers', label: 'Daily users', initial: '1M' },
  { key: 'requestsPerUser', label: 'Requests per user a day', initial: '20' },
  { key: 'peakToAverage', label: 'Peak ÷ average', initial: '2' },
] as const;
type Key = (typeof FIELDS)[number]['key'];

const figure = (x: number) => x.toLocaleString('en', { maximumFractionDigits: x >= 100 ? 0 : 2 });

/** `onUse` sets the rate and returns why it was refused, if it was (beyond the rate's range). */
export function RateEstimate({ onUse }: { onUse: (ratePerSecond: number) => string | null }) {
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>);
  const values = Object.fromEntries(FIELDS.map((f) => [f.key, parseCount(texts[f.key]) ?? Number.NaN])) as Record<Key, number>;
  const estimate = estimateRate(values);
  return (
    <details className="rate-estimate">
      <summary>Work it out from daily users</summary>
      <div className="rate-estimate-fields">
        {FIELDS.map((f) => (
          <label key={f.key} htmlFor={`${id}-${f.key}`}>
            {f.label}
            <input
              id={`${id}-${f.key}`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={texts[f.key]}
              aria-invalid={Number.isNaN(values[f.key]) || undefined}
              onChange={(e) => {
                setTexts({ ...texts, [f.key]: e.target.value });
                setRefused(null);
              }}
            />
          </label>
        ))}
      </div>
      {'problem' in estimate ? (
        <p className="field-error" role="alert">
          {estimate.problem}
        </p>
      ) : (
        <>
          <p className="rate-estimate-sum">
            {figure(values.dailyUsers)} users × {figure(values.requestsPerUser)} ÷ {SECONDS_PER_DAY.toLocaleString('en')} s ={' '}
            <strong>{estimate.average.toLocaleString('en', { maximumFractionDigits: 1 })} req/s</strong> on average; × {figure(values.peakToAverage)} at the peak ={' '}
            <strong>{figure(roundedRate(estimate.peak))} req/s</strong>.
          </p>
          <button type="button" className="btn btn-small" onClick={() => setRefused(onUse(roundedRate(estimate.peak)))}>
            Use {figure(roundedRate(estimate.peak))} req/s
          </button>
          {refused && (
            <p className="field-error" role="alert">
              {refused}
            </p>
          )}
        </>
      )}
    </details>
  );
}
