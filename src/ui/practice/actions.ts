/** What the Practice dialog and the Brief tab do: start, check, hint, answer, leave. */
import { useDesign } from '../../store';
import { targetName } from '../../store/faults';
import { scenarioOf, usePractice, withCheck } from '../../store/practice';
import { reset, run, setSpeed } from '../../store/runner';
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';
import { briefFaults } from '../../practice/rules';
import { scenarioById } from '../../practice/scenarios';
import type { CheckResult } from '../../practice/types';
import { cancelJob, JobCancelled, runJob } from '../../worker/batchHost';
import { quoted, showDesign } from '../share/showDesign';

/** Opens the scenario's starting design (one undoable step) and its brief. */
export async function startPractice(id: string): Promise<void> {
  const scenario = scenarioById(id);
  if (!scenario) return;
  cancelJob('check');
  usePractice.setState((s) => {
    const { [id]: _shown, ...answerShown } = s.answerShown;
    return { hints: { ...s.hints, [id]: 0 }, answerShown, check: { status: 'idle' } };
  });
  await showDesign(
    structuredClone(scenario.start),
    `Practice: ${quoted(scenario.title)}. The brief is below; change the design, then press Check.`,
  );
  useUi.getState().setDockTab('brief');
  // The brief's designs carry the check's seed and length: Run then measures what Check does.
  useUi.getState().setRunLength('design');
}

/** Marks the design as no longer a practice attempt (one undoable step); the design stays. */
export function leavePractice(): void {
  cancelJob('check');
  usePractice.setState({ check: { status: 'idle' } });
  useDesign.getState().setPractice(undefined);
  if (useUi.getState().dockTab === 'brief') useUi.getState().setDockTab('charts');
}

/** Grades the design on the canvas, in the batch worker. */
export async function checkPractice(): Promise<void> {
  const design = useDesign.getState().design;
  const id = scenarioOf(design)?.id;
  if (!id) return;
  usePractice.setState({ check: { status: 'checking', design } });
  try {
    const result = await runJob<CheckResult>('check', (api) => api.check(design, id) as Promise<CheckResult>);
    usePractice.setState((s) => ({
      check: { status: 'done', design, result },
      passed: withCheck(s.passed, s.answerShown, id, result.ok && result.passed),
    }));
  } catch (error) {
    if (error instanceof JobCancelled) return;
    usePractice.setState({ check: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

export function revealHint(): void {
  const scenario = scenarioOf(useDesign.getState().design);
  if (!scenario) return;
  const shown = usePractice.getState().hints[scenario.id] ?? 0;
  if (shown < scenario.hints.length) usePractice.setState((s) => ({ hints: { ...s.hints, [scenario.id]: shown + 1 } }));
}

/**
 * Runs the check's run live on the canvas and charts — its seed and length, and with `lost`
 * the loss of that node at the requirement's time — so the figures behind a result can be seen.
 */
export async function watchCheck(lost?: string): Promise<void> {
  const design = useDesign.getState().design;
  const scenario = scenarioOf(design);
  if (!scenario) return;
  const loss = scenario.requirements.find((r) => r.kind === 'survivesLoss');
  const faults = [...briefFaults(design, scenario), ...(lost !== undefined && loss ? [{ atS: loss.atS, action: 'kill' as const, target: lost }] : [])];
  await reset();
  useUi.getState().setDockTab('charts');
  if (useRun.getState().speed === 'realtime') await setSpeed('x10');
  const { warmupS, durationS, seed } = scenario.check;

  useUi
    .getState()
    .notify(
      'info',
      `Watching the check’s run: ${warmupS} s warm-up, ${durationS} s measured, seed ${seed}${lost !== undefined && loss ? `, losing ${targetName(design, lost)} at ${loss.atS} s` : ''}. It stops at the end, as the check does.`,
    );
  await run({ ...scenario.check, faults });
}

/** Replaces the design with the scenario's answer; Undo brings the candidate's back. */
export async function showAnswer(): Promise<void> {
  const scenario = scenarioOf(useDesign.getState().design);
  if (!scenario) return;
  usePractice.setState((s) => ({ answerShown: { ...s.answerShown, [scenario.id]: true } }));
  await showDesign(structuredClone(scenario.answer), 'This is one answer that passes. Undo (Ctrl+Z) brings your design back.');
}
