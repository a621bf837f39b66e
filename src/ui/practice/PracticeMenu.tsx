/** The header's Practice button and its dialog: the interview scenarios, each a brief to design against. */
import { useId, useRef, useState } from 'react';
import { requirementLabel } from '../../practice/describe';
import { SCENARIOS } from '../../practice/scenarios';
import { usePractice, useScenario } from '../../store/practice';
import { ModalDialog } from '../ModalDialog';
import { startPractice } from './actions';
import './practice.css';

const LEVELS = { 'warm-up': 'Warm-up', core: 'Core', stretch: 'Stretch' } as const;

function PracticeDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const active = useScenario()?.id;
  const passed = usePractice((s) => s.passed);
  const start = (id: string) => {
    dialog.current?.close();
    void startPractice(id);
  };
  return (
    <ModalDialog dialogRef={dialog} className="practice-dialog" labelledBy={titleId} onClose={onClose}>
      <div className="practice-dialog-body">
        <h2 id={titleId}>Practise a system-design interview</h2>
        <p className="practice-note">
          Each scenario is a brief with numbers: the traffic, what an instance can do and costs, and what the system must
          achieve. Design on the canvas, Run it to watch, then Check: the simulation grades every requirement.
        </p>
        <ul className="practice-list">
          {SCENARIOS.map((scenario) => (
            <li key={scenario.id} className="practice-item">
              <div className="practice-item-text">
                <h3>
                  {scenario.title}
                  <span className={`practice-level level-${scenario.level}`}>{LEVELS[scenario.level]}</span>
                  {passed[scenario.id] === 'own' && <span className="practice-passed">✓ Passed</span>}
                  {passed[scenario.id] === 'withAnswer' && <span className="practice-passed is-answer">Passed with the answer</span>}
                </h3>
                <p>{scenario.summary}</p>
                <p className="practice-item-asks">{scenario.requirements.map(requirementLabel).join(' · ')}</p>
              </div>
              <button
                type="button"
                className="btn btn-primary"
                aria-label={`Start ${scenario.title}`}
                onClick={() => start(scenario.id)}
              >
                {active === scenario.id ? 'Start again' : 'Start'}
              </button>
            </li>
          ))}
        </ul>
        <p className="practice-note">Starting opens the scenario’s design in place of yours; Undo (Ctrl+Z) brings yours back.</p>
        <div className="practice-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

export function PracticeMenu() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn practice-button"
        onClick={() => setOpen(true)}
        title="Interview scenarios, graded by simulation"
      >
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
          <path d="M4 5h16v11H9l-5 4zM8 9h8M8 12h5" />
        </svg>
        <span className="btn-text">Practice</span>
      </button>
      {open && <PracticeDialog onClose={() => setOpen(false)} />}
    </>
  );
}
