/**
 * The dock's Brief tab while a scenario is on: the interviewer's prompt and hints on the left,
 * the requirements on the right — unchecked, then passed or failed with what the check measured.
 */
import { useDesign } from '../../store';
import { usePractice, useScenario, type CheckState } from '../../store/practice';
import { useUi } from '../../store/ui';
import { requirementLabel, rulesText, RULES_LABEL } from '../../practice/describe';
import type { Scenario } from '../../practice/types';
import { checkPractice, leavePractice, revealHint, showAnswer, watchCheck } from './actions';
import { simulatesAlike } from '../../model';

function Hints({ scenario }: { scenario: Scenario }) {
  const shown = usePractice((s) => s.hints[scenario.id] ?? 0);
  const all = shown >= scenario.hints.length;
  return (
    <div className="brief-hints">
      {shown > 0 && (
        <ol aria-label="Hints">
          {scenario.hints.slice(0, shown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}
      {all ? (
        <button type="button" className="btn btn-small" onClick={() => void showAnswer()}>
          Show an answer
        </button>
      ) : (
        <button type="button" className="btn btn-small" onClick={revealHint}>
          {shown === 0 ? 'Show a hint' : 'Another hint'} ({shown + 1} of {scenario.hints.length})
        </button>
      )}
    </div>
  );
}

type Row = { label: string; passed?: boolean; measured?: string; nodeId?: string; requirement?: string };

function rowsOf(scenario: Scenario, check: CheckState): Row[] {
  if (check.status === 'done' && check.result.ok) return check.result.results;
  return [{ label: RULES_LABEL }, ...scenario.requirements.map((r) => ({ label: requirementLabel(r) }))];
}

function CheckStatus({ scenario, check, stale }: { scenario: Scenario; check: CheckState; stale: boolean }) {
  if (check.status === 'checking') return <p className="brief-status">Checking: running the brief’s traffic through your design…</p>;
  if (check.status === 'failed') return <p className="brief-status is-bad" role="alert">{check.message}</p>;
  if (check.status !== 'done') {
    const { warmupS, durationS, seed } = scenario.check;
    return (
      <p className="brief-status">
        Not checked yet. Check runs {warmupS} s of warm-up, then {durationS} s measured, with seed {seed}.
      </p>
    );
  }
  const result = check.result;
  if (!result.ok) {
    return (
      <div className="brief-status is-bad" role="alert">
        The design cannot run yet: {result.problems[0]}
        {result.problems.length > 1 && ` (and ${result.problems.length - 1} more; see Problems after Run)`}
      </div>
    );
  }
  const failed = result.results.filter((r) => !r.passed).length;
  const verdict = result.passed ? 'Passed: every requirement is met.' : `${failed} of ${result.results.length} not met yet.`;
  const runs = `${result.runs} ${result.runs === 1 ? 'run' : 'runs'} in ${(result.wallMs / 1000).toFixed(1)} s`;
  return (
    <p className={`brief-status ${result.passed ? 'is-ok' : 'is-bad'}`} role="status">
      <strong>{verdict}</strong> {stale ? 'The design has changed since this check.' : `(${runs})`}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => void watchCheck()}
        title="Run the check’s run live, on the canvas and the charts"
      >
        Watch it run
      </button>
    </p>
  );
}

function Requirements({ scenario }: { scenario: Scenario }) {
  const check = usePractice((s) => s.check);
  const design = useDesign((s) => s.design);
  const focusNode = useUi((s) => s.focusNode);
  const checking = check.status === 'checking';
  const stale = (check.status === 'done' || check.status === 'checking') && !simulatesAlike(check.design, design);
  return (
    <section className="brief-check" aria-label="Requirements">
      <div className="brief-check-head">
        <h3>Requirements</h3>
        <button type="button" className="btn btn-primary btn-small" onClick={() => void checkPractice()} disabled={checking}>
          {checking ? 'Checking…' : 'Check'}
        </button>
      </div>
      <CheckStatus scenario={scenario} check={check} stale={stale && check.status === 'done'} />
      <ul className={`brief-requirements${stale && check.status === 'done' ? ' is-stale' : ''}`}>
        {rowsOf(scenario, check).map((row) => (
          <li key={row.label} className={row.passed === undefined ? '' : row.passed ? 'is-ok' : 'is-bad'}>
            <span className="brief-mark" aria-hidden="true">
              {row.passed === undefined ? '○' : row.passed ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{row.passed === undefined ? 'Not checked: ' : row.passed ? 'Met: ' : 'Not met: '}</span>
            <span className="brief-requirement">
              {row.label}
              {row.measured && (
                <span className="brief-measured">
                  {' — '}
                  {row.nodeId ? (
                    <button type="button" className="link-button" onClick={() => focusNode(row.nodeId!)} title="Select it on the canvas">
                      {row.measured}
                    </button>
                  ) : (
                    row.measured
                  )}
                  {row.requirement === 'survivesLoss' && row.nodeId && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="btn btn-small brief-watch"
                        onClick={() => void watchCheck(row.nodeId)}
                        title="Run the check’s run live, losing this node at the requirement’s time"
                      >
                        Watch it fail over
                      </button>
                    </>
                  )}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function BriefPanel() {
  const scenario = useScenario();
  if (!scenario) return null;
  return (
    <div className="brief" aria-label="Practice brief">
      <section className="brief-text">
        <div className="brief-title-row">
          <h3>
            <span className="brief-eyebrow">Practice</span> {scenario.title}
          </h3>
          <button type="button" className="btn btn-small" onClick={leavePractice}>
            Leave practice
          </button>
        </div>
        {scenario.brief.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p className="brief-rules">{rulesText(scenario)}</p>
        <Hints scenario={scenario} />
      </section>
      <Requirements scenario={scenario} />
    </div>
  );
}
