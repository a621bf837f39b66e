/** What the Compare tab's "Find each row's capacity" does: a capacity search per row of the comparison shown, each row's answer shown as it comes. */
import * as Comlink from 'comlink';
import type { CapacityComparison, VariantCapacityResult } from '../../compare/capacity';
import { useCapacity } from '../../store/capacity';
import { useCompare } from '../../store/compare';
import { cancelJob, JobCancelled, runJob } from '../../worker/batchHost';

/** Counts searches, so a stopped search's last rows (already on their way) are not taken for a newer one's. */
let searches = 0;

/** Searches the rows that ran, of the design they ran, within the Capacity tab's target. */
export async function findRowsCapacity(): Promise<void> {
  const { subject, job } = useCompare.getState();
  if (!subject || job.status !== 'done') return;
  const { design } = job;
  const values = job.result.variants.filter((v) => v.ok).map((v) => v.value);
  const { target } = useCapacity.getState();
  const search = ++searches;
  useCompare.setState({ capacity: { status: 'running', target, values, variants: [] } });
  const onVariant = (variant: VariantCapacityResult) => {
    const { capacity } = useCompare.getState();
    if (search === searches && capacity.status === 'running') useCompare.setState({ capacity: { ...capacity, variants: [...capacity.variants, variant] } });
  };
  try {
    const result = await runJob<CapacityComparison>('capacity comparison', (api) => api.compareCapacity(design, subject, values, target, Comlink.proxy(onVariant)));
    if (search === searches) useCompare.setState({ capacity: { status: 'done', result } });
  } catch (error) {
    if (error instanceof JobCancelled || search !== searches) return;
    useCompare.setState({ capacity: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

/** Stops a search under way and drops the Carries column: Stop, and a comparison run again or closed. */
export function stopRowsCapacity(): void {
  searches++;
  cancelJob('capacity comparison');
  useCompare.setState({ capacity: { status: 'idle' } });
}
