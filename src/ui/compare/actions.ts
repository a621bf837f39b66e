/** What the inspector's Compare buttons and the Compare tab do. */
import type { Design, ParamSpec, ParamValue } from '../../model';
import type { Comparison, Subject } from '../../compare/types';
import { useDesign } from '../../store';
import { useCompare } from '../../store/compare';
import { targetName } from '../../store/faults';
import { useUi } from '../../store/ui';
import { cancelJob, JobCancelled, runJob } from '../../worker/batchHost';
import { findSubject } from '../../compare/subject';
import { defaultValues } from '../../compare/values';
import { stopRowsCapacity } from './capacityActions';

/** The subject's spec, current value and name in `design`; null once the node, edge or param is gone. */
export function subjectIn(design: Design, subject: Subject): { spec: ParamSpec; value: ParamValue; name: string } | null {
  const found = findSubject(design, subject);
  return found && { ...found, name: targetName(design, subject.target) };
}

/** Opens the Compare tab on one param, with its default values, and runs them. */
export function openCompare(subject: Subject): void {
  const found = subjectIn(useDesign.getState().design, subject);
  if (!found) return;
  stopRowsCapacity();
  useCompare.setState({ subject, values: defaultValues(found.spec, found.value), job: { status: 'idle' } });
  useUi.getState().setDockTab('compare');
  void runCompare();
}

export function setCompareValues(values: ParamValue[]): void {
  useCompare.setState({ values });
}

/** Runs the design once per value, in the batch worker. New rows: the last rows' capacity goes. */
export async function runCompare(): Promise<void> {
  const { subject, values } = useCompare.getState();
  if (!subject || values.length === 0) return;
  const design = useDesign.getState().design;
  stopRowsCapacity();
  useCompare.setState({ job: { status: 'running', design } });
  try {
    const result = await runJob<Comparison>('compare', (api) => api.compare(design, subject, values));
    if (useCompare.getState().subject === subject) useCompare.setState({ job: { status: 'done', design, result } });
  } catch (error) {
    if (error instanceof JobCancelled) return;
    useCompare.setState({ job: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

export function closeCompare(): void {
  cancelJob('compare');
  stopRowsCapacity();
  useCompare.setState({ subject: null, values: [], job: { status: 'idle' } });
  if (useUi.getState().dockTab === 'compare') useUi.getState().setDockTab('charts');
}

/** Puts one row's value into the design (one undoable step). */
export function applyValue(subject: Subject, value: ParamValue): void {
  const design = useDesign.getState();
  if (design.design.nodes.some((n) => n.id === subject.target)) design.setNodeParam(subject.target, subject.key, value);
  else design.setEdgeParam(subject.target, subject.key, value);
}
