/** What the Capacity tab does: search the design on the canvas, stop a search, change the target. */
import * as Comlink from 'comlink';
import type { CapacityResult, CapacityTarget, LoadPoint } from '../../capacity/types';
import { useDesign } from '../../store';
import { useCapacity } from '../../store/capacity';
import { cancelJob, JobCancelled, runJob } from '../../worker/batchHost';

/** Counts searches, so a stopped search's last points (already on their way) are not taken for a newer one's. */
let searches = 0;

/** Finds how much traffic the design carries within the target, in the batch worker, showing each run as it is measured. */
export async function findDesignCapacity(): Promise<void> {
  const { target } = useCapacity.getState();
  const design = useDesign.getState().design;
  const search = ++searches;
  useCapacity.setState({ job: { status: 'running', design, target, points: [] } });
  const onPoint = (point: LoadPoint) => {
    const { job } = useCapacity.getState();
    if (search === searches && job.status === 'running') useCapacity.setState({ job: { ...job, points: [...job.points, point] } });
  };
  try {
    const result = await runJob<CapacityResult>('capacity', (api) => api.capacity(design, target, Comlink.proxy(onPoint)));
    useCapacity.setState({ job: result.ok ? { status: 'done', design, result } : { status: 'failed', message: result.problem } });
  } catch (error) {
    if (error instanceof JobCancelled) return;
    useCapacity.setState({ job: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

export function stopCapacity(): void {
  cancelJob('capacity');
  useCapacity.setState({ job: { status: 'idle' } });
}

export function setCapacityTarget(change: Partial<CapacityTarget>): void {
  useCapacity.setState((s) => ({ target: { ...s.target, ...change } }));
}
