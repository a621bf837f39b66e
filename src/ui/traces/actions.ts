/** What the Traces tab does: replay the design on the canvas and keep requests to follow, choose the one on show. */
import type { TraceResult } from '../../trace/types';
import { useDesign } from '../../store';
import { useTraces } from '../../store/traces';
import { JobCancelled, runJob } from '../../worker/batchHost';

/** Replays the design in the batch worker and keeps its slowest requests, a failure and typical ones, the first on show. */
export async function traceRequests(): Promise<void> {
  const design = useDesign.getState().design;
  useTraces.setState({ job: { status: 'running', design } });
  try {
    const result = await runJob<TraceResult>('trace', (api) => api.traces(design));
    useTraces.setState(result.ok ? { job: { status: 'done', design, result }, selected: 0 } : { job: { status: 'failed', message: result.problem } });
  } catch (error) {
    // A newer replay took over; it sets the state itself.
    if (error instanceof JobCancelled) return;
    useTraces.setState({ job: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
  }
}

export function selectTrace(index: number): void {
  useTraces.setState({ selected: index });
}
