/**
 * One param, generated from its spec: label with unit, the allowed range, a sentence on what
 * it does, and the checker's message (role="alert") when a typed value is refused. Numbers
 * apply on Enter or when the field loses focus; choices apply at once.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { checkParam, emptyWord, LB_ALGORITHM_NOTES, parseNumberText, type LbAlgorithm, type NumberSpec, type ParamSpec, type ParamValue } from '../../model';
import { formatOption } from '../format';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  onCommit: (value: ParamValue) => string | null;
  /** Shown under an enum's select for the chosen option (LB algorithms). */
  optionNotes?: boolean;
  /** The value a practice brief fixes this param at; undefined when the brief leaves it free. */
  fixed?: ParamValue;
  /** Opens a comparison of this param's values; no button without it. */
  onCompare?: () => void;
  /** Shows the Compare button always, not only on hover (a balancer's algorithm). */
  compareShown?: boolean;
  /** Shown under a number's help: a way to work the value out (a client's rate from its users). */
  children?: ReactNode;
}

/** The field's label, with a Compare button at its end when the param can be compared. */
function FieldHead({ htmlFor, spec, onCompare, compareShown }: { htmlFor: string; spec: ParamSpec; onCompare?: () => void; compareShown?: boolean }) {
  const unit = spec.type === 'number' && spec.unit ? <span className="field-unit"> ({spec.unit})</span> : null;
  return (
    <div className="field-head">
      <label htmlFor={htmlFor}>
        {spec.label}
        {unit}
      </label>
      {onCompare && (
        <button
          type="button"
          className={`field-compare${compareShown ? ' is-shown' : ''}`}
          onClick={onCompare}
          title="Run the design once per value, with the same requests, and see them side by side"
        >
          {/* Named in its text, not aria-label: a label containing “Workers” would also label the field's input. */}
          <span aria-hidden="true">Compare…</span>
          <span className="visually-hidden">Compare {spec.label.toLowerCase()} values</span>
        </button>
      )}
    </div>
  );
}

/** A param a practice brief fixes: said under the field, louder when the value has left it. */
function FixedNote({ spec, value, fixed }: { spec: ParamSpec; value: ParamValue; fixed: ParamValue | undefined }) {
  if (fixed === undefined) return null;
  const shown = fixed === null ? 'empty' : spec.type === 'enum' ? formatOption(String(fixed)) : fixed.toLocaleString('en');
  return value === fixed ? (
    <p className="field-fixed">Fixed by the practice brief.</p>
  ) : (
    <p className="field-fixed is-off">The practice brief fixes this at {shown}; Check counts a change as breaking its rules.</p>
  );
}

function rangeText(spec: ParamSpec): string {
  if (spec.type !== 'number') return '';
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const fmt = (x: number) => x.toLocaleString('en');
  const from = spec.minWhenOn !== undefined ? `0 (off) or ${fmt(spec.minWhenOn)}` : `${spec.exclusiveMin ? '>' : ''}${fmt(spec.min)}`;
  return `${from}–${fmt(spec.max)}${unit}${spec.nullable ? ', or empty' : ''}`;
}

/** A number's typical values to pick from, the one the field holds shown as chosen. */
function TypicalValues({ spec, value, onPick }: { spec: NumberSpec; value: ParamValue; onPick: (value: number) => void }) {
  if (!spec.typical) return null;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const chosen = spec.typical.find((t) => t.value === value);
  return (
    <select
      className="field-typical"
      aria-label={`Typical ${spec.label.toLowerCase()}`}
      value={chosen ? String(chosen.value) : ''}
      onChange={(e) => {
        if (e.target.value !== '') onPick(Number(e.target.value));
      }}
    >
      <option value="">Typical values…</option>
      {spec.typical.map((t) => (
        <option key={t.value} value={String(t.value)}>
          {t.label}: {t.value.toLocaleString('en')}
          {unit}
        </option>
      ))}
    </select>
  );
}

export function ParamField({ spec, value, onCommit, optionNotes, fixed, onCompare, compareShown, children }: Props) {
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;

  if (spec.type === 'enum') {
    return (
      <div className="field">
        <FieldHead htmlFor={id} spec={spec} onCompare={onCompare} compareShown={compareShown} />
        <select id={id} value={String(value)} aria-describedby={helpId} onChange={(e) => onCommit(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {formatOption(o)}
            </option>
          ))}
        </select>
        <p className="field-help" id={helpId}>
          {optionNotes && LB_ALGORITHM_NOTES[value as LbAlgorithm] ? (
            <>
              <strong>{formatOption(String(value))}:</strong> {LB_ALGORITHM_NOTES[value as LbAlgorithm]}
            </>
          ) : (
            spec.help
          )}
        </p>
        <FixedNote spec={spec} value={value} fixed={fixed} />
      </div>
    );
  }

  const check = (raw: string) => {
    const checked = checkParam(spec, parseNumberText(raw));
    return 'error' in checked ? checked.error : null;
  };
  const commit = () => {
    const problem = check(text);
    if (problem) {
      setError(problem);
      return;
    }
    const refused = onCommit(parseNumberText(text) as ParamValue);
    setError(refused);
  };

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <FieldHead htmlFor={id} spec={spec} onCompare={onCompare} compareShown={compareShown} />
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={spec.nullable ? emptyWord(spec) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${helpId}${error ? ` ${errorId}` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setError(check(e.target.value));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(shown);
            setError(null);
          }
        }}
        onBlur={() => {
          if (check(text)) {
            // Leaving a refused value: keep the last good one and say so.
            setText(shown);
            setError(null);
          } else commit();
        }}
      />
      {error && (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
      <TypicalValues spec={spec} value={value} onPick={(picked) => setError(onCommit(picked))} />
      <p className="field-help" id={helpId}>
        {spec.help} <span className="field-range">Range {rangeText(spec)}.</span>
      </p>
      {children}
      <FixedNote spec={spec} value={value} fixed={fixed} />
    </div>
  );
}
