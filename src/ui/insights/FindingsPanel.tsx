/** The Findings tab: what stands out in the run so far, worst first, each naming its node. */
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';
import { findDesignCapacity } from '../capacity/actions';
import { traceRequests } from '../traces/actions';
import { useFindings } from './useFindings';
import './insights.css';

const MARK = { bad: '!', warn: '▲', info: 'i' } as const;
const SPOKEN = { bad: 'Problem: ', warn: 'Warning: ', info: 'Note: ' } as const;

/** A run with nothing wrong raises the next question: how much more traffic it takes. */
function findHeadroom() {
  useUi.getState().setDockTab('capacity');
  void findDesignCapacity();
}

/** Something stands out: the slowest requests show what it does to one request, call by call. */
function traceSlowest() {
  useUi.getState().setDockTab('traces');
  void traceRequests();
}

export function FindingsPanel() {
  const list = useFindings();
  const status = useRun((s) => s.status);
  const focusNode = useUi((s) => s.focusNode);
  if (list === null) {
    return (
      <div className="metrics-empty">
        {status === 'idle' ? 'Run the design: what limits it, what fails and what is uneven shows up here.' : 'Findings start once the warm-up is over.'}
      </div>
    );
  }
  return (
    <section className="findings" aria-label="Findings">
      <p className="findings-lead">Read from the measured run so far{status === 'running' ? ', and kept up to date while it runs' : ''}.</p>
      {list.length === 0 ? (
        <p className="findings-none">
          Nothing stands out: no node is saturated, nothing was turned away or timed out, and load is spread evenly.{' '}
          <button type="button" className="link-button" onClick={findHeadroom}>
            Find how much more it carries
          </button>
        </p>
      ) : (
        <ul className="findings-list">
          {list.map((f) => (
            <li key={`${f.nodeId ?? ''}:${f.text.slice(0, 40)}`} className={`finding is-${f.tone}`}>
              <span className="finding-mark" aria-hidden="true">
                {MARK[f.tone]}
              </span>
              <span className="visually-hidden">{SPOKEN[f.tone]}</span>
              <span className="finding-text">
                {f.text}
                {f.nodeId && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => focusNode(f.nodeId!)}>
                      Select it
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <p className="findings-next">
          What it does to a single request, call by call:{' '}
          <button type="button" className="link-button" onClick={traceSlowest}>
            Trace the slowest requests
          </button>
        </p>
      )}
    </section>
  );
}

/** Problems and warnings in the run so far, for the tab's count. */
export function useFindingCount(): number {
  const list = useFindings();
  return list === null ? 0 : list.filter((f) => f.tone !== 'info').length;
}
