/**
 * Adds or edits one scheduled fault: when (s), what it is aimed at, the action that applies
 * there, its amount (×k or ms) and how long it lasts. The design store checks it through the
 * model; a refusal is shown as an alert beside the form and nothing changes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { LIMITS, type Design, type FaultAction, type ScheduledFault } from '../../model';
import { useDesign } from '../../store';
import { actionsFor, amountOf, canLast, describeAction, targetName, targetOf } from '../../store/faults';
import { useUi } from '../../store/ui';

interface Props {
  /** The fault being edited (its index in design.faults), or null to add one. */
  editing: { index: number; fault: ScheduledFault } | null;
  /** Where a new fault starts by default (the simulated time now, or 10 s). */
  suggestedAtS: number;
  onDone: () => void;
}

const DEFAULT_AMOUNT: Partial<Record<FaultAction, string>> = { slow: '3', spike: '3', addLatency: '200' };

/** '' → undefined, a numeral → its number, anything else → NaN (refused with a message). */
function parse(text: string): number | undefined {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

const trimNumber = (x: number) => String(Number(x.toFixed(3)));

export function FaultForm({ editing, suggestedAtS, onDone }: Props) {
  const id = useId();
  const design = useDesign((s) => s.design);
  const addFault = useDesign((s) => s.addFault);
  const updateFault = useDesign((s) => s.updateFault);
  const draft = useUi((s) => s.faultDraft);
  const atRef = useRef<HTMLInputElement>(null);

  const targets = useMemo(() => listTargets(design), [design.nodes, design.edges]);
  const [target, setTarget] = useState(() => editing?.fault.target ?? targets.nodes[0]?.id ?? '');
  const [action, setAction] = useState<FaultAction>(() => editing?.fault.action ?? 'kill');
  const [atText, setAtText] = useState(() => trimNumber(editing?.fault.atS ?? suggestedAtS));
  const [amountText, setAmountText] = useState(() => amountTextOf(editing?.fault));
  const [durationText, setDurationText] = useState(() =>
    editing?.fault.durationS !== undefined ? trimNumber(editing.fault.durationS) : '',
  );
  const [error, setError] = useState<string | null>(null);
  /** Which input the message is about, so only that one is marked invalid. */
  const invalid = (label: string) => (error?.startsWith(label) ? true : undefined);

  const aimed = targetOf(design, target);
  const actions = aimed ? actionsFor(aimed) : [];
  // A target that cannot take the chosen action switches to its first one.
  const chosen: FaultAction = actions.includes(action) ? action : (actions[0] ?? action);
  const amount = amountOf(chosen);

  // A menu's Schedule…: aim the form at its target, once (the draft is consumed).
  useEffect(() => {
    if (!draft) return;
    setTarget(draft.target);
    if (draft.action) setAction(draft.action);
    setAmountText('');
    setError(null);
    useUi.setState({ faultDraft: null });
    requestAnimationFrame(() => atRef.current?.focus());
  }, [draft]);
  // Editing starts with the cursor in the form.
  useEffect(() => {
    if (editing) requestAnimationFrame(() => atRef.current?.focus());
  }, [editing]);
  // The target was deleted from the design: aim at the first node instead.
  useEffect(() => {
    if (!aimed && targets.nodes[0]) setTarget(targets.nodes[0].id);
  }, [aimed, targets]);

  const submit = () => {
    const atS = parse(atText);
    if (atS === undefined || Number.isNaN(atS)) return setError('When must be a number of seconds, e.g. 20.');
    if (atS < 0 || atS > LIMITS.maxDurationS) {
      return setError(`When must be from 0 to ${LIMITS.maxDurationS.toLocaleString('en')} s.`);
    }
    const fault: ScheduledFault = { atS, action: chosen, target };
    if (amount) {
      const value = parse(amountText === '' ? (DEFAULT_AMOUNT[chosen] ?? '') : amountText);
      if (value === undefined || Number.isNaN(value)) {
        return setError(amount === 'factor' ? 'The factor must be a number, e.g. 3 for three times.' : 'The extra latency must be a number of milliseconds.');
      }
      fault[amount] = value;
    }
    if (canLast(chosen)) {
      const durationS = parse(durationText);
      if (Number.isNaN(durationS)) return setError('Lasts must be a number of seconds, or empty for until the end of the run.');
      if (durationS !== undefined) fault.durationS = durationS;
    }
    const problem = editing ? updateFault(editing.index, fault) : addFault(fault);
    setError(problem);
    if (problem) return;
    // The next fault starts from the same target and action, not from this one's numbers.
    setAmountText('');
    setDurationText('');
    onDone();
  };

  const noTargets = targets.nodes.length === 0 && targets.edges.length === 0;
  return (
    <form
      className="fault-form"
      aria-label={editing ? 'Edit scheduled fault' : 'Schedule a fault'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="fault-form-fields">
        <div className="fault-field fault-field-at">
          <label htmlFor={`${id}-at`}>When (s)</label>
          <input
            ref={atRef}
            id={`${id}-at`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={atText}
            onChange={(e) => setAtText(e.target.value)}
            aria-invalid={invalid('When')}
          />
        </div>
        <div className="fault-field fault-field-target">
          <label htmlFor={`${id}-target`}>Target</label>
          <select id={`${id}-target`} value={aimed ? target : ''} onChange={(e) => {
              setTarget(e.target.value);
              setAmountText('');
            }}
            disabled={noTargets}
          >
            {targets.nodes.length > 0 && (
              <optgroup label="Nodes">
                {targets.nodes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            )}
            {targets.edges.length > 0 && (
              <optgroup label="Connections">
                {targets.edges.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="fault-field fault-field-action">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} value={chosen} onChange={(e) => {
              setAction(e.target.value as FaultAction);
              setAmountText('');
            }}
            disabled={noTargets}
          >
            {actions.map((a) => (
              <option key={a} value={a}>
                {describeAction({ action: a }, aimed).replace(/ [×+].*$/, '')}
              </option>
            ))}
          </select>
        </div>
        {amount && (
          <div className="fault-field fault-field-amount">
            <label htmlFor={`${id}-amount`}>{amount === 'factor' ? 'Factor (×)' : 'Extra latency (ms)'}</label>
            <input
              id={`${id}-amount`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={amountText}
              placeholder={DEFAULT_AMOUNT[chosen]}
              aria-invalid={invalid('The factor') ?? invalid('The extra latency')}
              onChange={(e) => setAmountText(e.target.value)}
            />
          </div>
        )}
        {canLast(chosen) && (
          <div className="fault-field fault-field-duration">
            <label htmlFor={`${id}-duration`}>Lasts (s)</label>
            <input
              id={`${id}-duration`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={durationText}
              placeholder="to the end"
              aria-invalid={invalid('Lasts')}
              onChange={(e) => setDurationText(e.target.value)}
            />
          </div>
        )}
        <div className="fault-form-buttons">
          <button type="submit" className="btn btn-primary" disabled={noTargets}>
            {editing ? 'Save fault' : 'Add fault'}
          </button>
          {editing && (
            <button type="button" className="btn" onClick={onDone}>
              Cancel
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="fault-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function amountTextOf(fault: ScheduledFault | undefined): string {
  if (!fault) return '';
  const value = fault.factor ?? fault.latencyMs;
  return value === undefined ? '' : trimNumber(value);
}

function listTargets(design: Design) {
  return {
    nodes: design.nodes.map((n) => ({ id: n.id, name: targetName(design, n.id) })),
    edges: design.edges.map((e) => ({ id: e.id, name: targetName(design, e.id) })),
  };
}
