/**
 * The Compare tab's capacity per row: the button that searches every row (Stop while it runs),
 * and each row's Carries cell — the load it carries within the target, what gives first under it.
 */
import type { Design } from '../../model';
import { useCapacity } from '../../store/capacity';
import { useCompare } from '../../store/compare';
import { limitPhrase } from '../../capacity/verdict';
import { capacityNote, type Carries } from './carries';
import { findRowsCapacity, stopRowsCapacity } from './capacityActions';

/** `design` is the one the rows ran; `stale` when the design has changed since, and the rows with it. */
export function RowsCapacityBar({ design, stale }: { design: Design; stale: boolean }) {
  const job = useCompare((s) => s.capacity);
  const target = useCapacity((s) => s.target);
  const running = job.status === 'running';
  const hasQueue = design.nodes.some((n) => n.kind === 'queue');
  return (
    <div className="compare-capacity">
      {/* One button that changes its words, so focus stays on it from Find to Stop and back. */}
      <button type="button" className="btn btn-small" onClick={running ? stopRowsCapacity : () => void findRowsCapacity()} disabled={stale && !running}>
        {running ? 'Stop' : 'Find each row’s capacity'}
      </button>
      <p className="compare-capacity-note" aria-live="polite">
        {capacityNote(job, target, hasQueue)}
      </p>
      {job.status === 'failed' && (
        <p className="compare-capacity-failed" role="alert">
          {job.message}
        </p>
      )}
    </div>
  );
}

export function CarriesCell({ carries }: { carries: Carries }) {
  switch (carries.state) {
    case 'waiting':
      return (
        <td className="compare-carries is-waiting">
          <span aria-hidden="true">…</span>
          <span className="visually-hidden">not searched yet</span>
        </td>
      );
    case 'searching':
      return <td className="compare-carries is-searching">searching…</td>;
    case 'problem':
      return <td className="compare-carries compare-problem">{carries.problem}</td>;
    case 'carries':
      return (
        <td className={`compare-carries${carries.most ? ' is-most' : ''}`}>
          <span className="compare-carries-load">
            {carries.load}
            {carries.most && <span className="visually-hidden"> (most)</span>}
          </span>
          {carries.limit && (
            <span className="compare-carries-limit" title={carries.limit.text}>
              {limitPhrase(carries.limit.text)}
            </span>
          )}
        </td>
      );
  }
}
