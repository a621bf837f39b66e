/** What the Practice dialog and the Brief tab do: start, check, hint, answer, leave. */
import { useDesign } from '../../store';
import { usePractice } from '../../store/practice';
import { useUi } from '../../store/ui';
import { scenarioById } from '../../practice/scenarios';
import type { CheckResult } from '../../practice/types';
import { cancelJob, JobCancelled, runJob } from '../../worker/batchHost';
import { quoted, showDesign } from '../share/showDesign';

/** Opens the scenario's starting design (one undoable step) and its brief. */
export async function startPractice(id: string): Promise<void> {
  const scenario = scenarioById(id);
  if (!scenario) return;
  cancelJob('check');
  usePractice.setState({ scenarioId: id, hintsShown: 0, check: { status: 'idle' } });
  await showDesign(
    structuredClone(scenario.start),
    `Practice: ${quoted(scenario.title)}. The brief is below; change the design, then press Check.`,
  );
  useUi.getState().setDockTab('brief');
}

export function leavePractice(): void {
  cancelJob('check');
  usePractice.setState({ scenarioId: null, hintsShown: 0, check: { status: 'idle' } });
  if (useUi.getState().dockTab === 'brief') useUi.getState().setDockTab('charts');
}

/** Grades the design on the canvas, in the batch worker. */
export async function checkPractice(): Promise<void> {
  const id = usePractice.getState().scenarioId;
  if (!id) return;
  const design = useDesign.getState().design;
  usePractice.setState({ check: { status: 'checking', design } });
  try {
    const result = await runJob<CheckResult>('check', (api) => api.check(design, id) as Promise<CheckResult>);
    if (usePractice.getState().scenarioId === id) usePractice.setState({ check: { status: 'done', design, result } });
  } catch (error) {
    if (error instanceof JobCancelled) return;
    usePractice.setState({ check: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

export function revealHint(): void {
  const { scenarioId, hintsShown } = usePractice.getState();
  const scenario = scenarioId ? scenarioById(scenarioId) : undefined;
  if (scenario && hintsShown < scenario.hints.length) usePractice.setState({ hintsShown: hintsShown + 1 });
}

/** Replaces the design with the scenario's answer; Undo brings the candidate's back. */
export async function showAnswer(): Promise<void> {
  const id = usePractice.getState().scenarioId;
  const scenario = id ? scenarioById(id) : undefined;
  if (!scenario) return;
  await showDesign(structuredClone(scenario.answer), 'This is one answer that passes. Undo (Ctrl+Z) brings your design back.');
}
