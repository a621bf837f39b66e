/**
 * The target a search must keep to, and the button that starts it (Stop while it runs). As in
 * the inspector, a value is checked as it is typed and taken on Enter (which also searches) or
 * leaving the field; a refused one says why, and leaving it (or Esc) puts back the last good value.
 */
import { useEffect, useId, useState } from 'react';
import { useDesign } from '../../store';
import { useCapacity } from '../../store/capacity';
import { useScenario } from '../../store/practice';
import { targetFromBrief } from '../../capacity/fromBrief';
import type { CapacityTarget } from '../../capacity/types';
import { targetText } from '../../capacity/verdict';
import { findDesignCapacity, setCapacityTarget, stopCapacity } from './actions';
import { ERRORS_FIELD, P99_FIELD, QUEUE_LAG_FIELD, type TargetField } from './targetFields';

function TargetInput({ field, onEnter }: { field: TargetField; onEnter: () => void }) {
  const id = useId();
  const shown = useCapacity((s) => field.text(s.target));
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  const problem = (typed: string) => {
    const checked = field.check(typed);
    return 'error' in checked ? checked.error : null;
  };
  /** Takes the value typed when it is good, else puts back the last good one. */
  const settle = () => {
    const checked = field.check(text);
    if ('value' in checked) setCapacityTarget({ [field.key]: checked.value });
    else setText(shown);
    setError(null);
  };
  return (
    <div className={`capacity-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(problem(e.target.value));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !error) {
            settle();
            onEnter();
          }
          if (e.key === 'Escape') {
            setText(shown);
            setError(null);
          }
        }}
        onBlur={settle}
      />
      <span className="capacity-unit">{field.unit}</span>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TargetForm() {
  const running = useCapacity((s) => s.job.status === 'running');
  const queues = useDesign((s) => s.design.nodes.some((n) => n.kind === 'queue'));
  const fields = queues ? [P99_FIELD, ERRORS_FIELD, QUEUE_LAG_FIELD] : [P99_FIELD, ERRORS_FIELD];
  // Enter in a field searches too, but does not start over a search under way.
  const find = () => {
    if (useCapacity.getState().job.status !== 'running') void findDesignCapacity();
  };
  return (
    <div className="capacity-form" role="group" aria-label="Capacity target">
      <div className="capacity-form-row">
        <div className="capacity-fields">
          {fields.map((field) => (
            <TargetInput key={field.key} field={field} onEnter={find} />
          ))}
        </div>
        {/* One button that changes its words, so focus stays on it from Find to Stop and back. */}
        <button type="button" className={`btn btn-small${running ? '' : ' btn-primary'}`} onClick={running ? stopCapacity : find}>
          {running ? 'Stop' : 'Find capacity'}
        </button>
      </div>
      <p className="capacity-note">Runs the design at multiples of its clients’ traffic, with the same seed, to find the most it carries within the target.</p>
      <BriefTarget />
    </div>
  );
}

/** While a practice brief is on: its own limits as the target, one click away (how much headroom does the answer have?). */
function BriefTarget() {
  const scenario = useScenario();
  const target = useCapacity((s) => s.target);
  if (!scenario) return null;
  const fromBrief = targetFromBrief(scenario);
  const keys = Object.keys(fromBrief) as (keyof CapacityTarget)[];
  if (keys.length === 0 || keys.every((key) => fromBrief[key] === target[key])) return null;
  return (
    <p className="capacity-note">
      <button type="button" className="link-button" onClick={() => setCapacityTarget(fromBrief)}>
        Use the brief’s target
      </button>{' '}
      ({targetText({ ...target, ...fromBrief }, 'queueLagMs' in fromBrief)}), to see how far past its traffic your design still passes.
    </p>
  );
}
