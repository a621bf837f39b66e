/** The top bar: the app, the design’s name, examples, practice, Run / Pause / Reset, speed, seed, File and Share. */
import { useEffect, useState } from 'react';
import { useDesign } from '../../store';
import { EXAMPLES, loadExample } from '../../store/examples';
import { useRun } from '../../store/run';
import { pause, reset, run, setSpeed } from '../../store/runner';
import { useUi, type RunLength } from '../../store/ui';
import { SPEED_LABELS, SPEEDS } from '../../worker/protocol';
import { formatRunLength } from '../format';
import { FileMenu } from '../share/FileMenu';
import { ShareButton } from '../share/ShareButton';
import { notesHint } from '../share/showDesign';
import { PracticeMenu } from '../practice/PracticeMenu';
import { HeaderActions } from './HeaderActions';
import './header.css';

function SeedField() {
  const seed = useDesign((s) => s.design.seed);
  const setSeed = useDesign((s) => s.setSeed);
  const [text, setText] = useState(String(seed));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(seed)), [seed]);
  const commit = () => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      setError('The seed must be a whole number from 0 to 4294967295.');
      return;
    }
    setError(null);
    if (n !== seed) setSeed(n);
  };
  return (
    <div className="seed">
      <label htmlFor="seed-input">Seed</label>
      <input
        id="seed-input"
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        title="One seed fixes every random draw: the same seed gives the same run."
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        onBlur={() => {
          commit();
        }}
      />
      {error && (
        <p className="popover-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ExamplesMenu() {
  const replace = useDesign((s) => s.replaceDesign);
  const notify = useUi((s) => s.notify);
  return (
    <select
      className="examples"
      aria-label="Examples"
      value=""
      onChange={async (e) => {
        const entry = EXAMPLES.find((x) => x.file === e.target.value);
        if (!entry) return;
        try {
          const design = await loadExample(entry.file);
          await reset();
          useUi.getState().clearSelection();
          replace(design);
          // An example's notes quote its figures for its own run length: Run gives exactly those.
          useUi.getState().setRunLength('design');
          notify('info', `Opened “${design.name}”${notesHint(design)}. Undo (Ctrl+Z) brings your previous design back.`);
        } catch (error) {
          notify('error', error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <option value="" disabled>
        Examples…
      </option>
      {EXAMPLES.map((x) => (
        <option key={x.file} value={x.file}>
          {x.title}
        </option>
      ))}
    </select>
  );
}

/** Until paused, or the design's warm-up plus duration (then the run stops as Finished). */
function RunLengthMenu() {
  const length = useUi((s) => s.runLength);
  const setLength = useUi((s) => s.setRunLength);
  const run = useDesign((s) => s.design.run);
  const status = useRun((s) => s.status);
  const fixed = formatRunLength(run);
  return (
    <label className="run-length" title="How long Run runs. A fixed length measures after its warm-up, stops as Finished, and gives the same figures every time for a seed.">
      <span className="run-length-label">Run for</span>
      <select
        value={length}
        // The length is fixed when a run starts; a change applies from the next Run.
        disabled={status === 'running' || status === 'starting' || status === 'paused'}
        onChange={(e) => setLength(e.target.value as RunLength)}
      >
        <option value="forever">∞ until paused</option>
        <option value="design">{fixed}</option>
      </select>
    </label>
  );
}

export function Header() {
  const name = useDesign((s) => s.design.name);
  const setName = useDesign((s) => s.setName);
  const status = useRun((s) => s.status);
  const speed = useRun((s) => s.speed);
  const hasRun = useRun((s) => s.snapshot !== null || s.status !== 'idle');
  const running = status === 'running' || status === 'starting';
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <circle cx="5" cy="12" r="3" />
          <circle cx="19" cy="5" r="3" />
          <circle cx="19" cy="19" r="3" />
          <path d="M8 12h4m0 0 4.5-5.5M12 12l4.5 5.5" fill="none" />
        </svg>
        <h1 className="brand-name">Archsim</h1>
      </div>
      <input
        className="design-name"
        aria-label="Design name"
        value={name}
        maxLength={200}
        title={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={(e) => !e.target.value.trim() && setName('Untitled design')}
      />
      <ExamplesMenu />
      <PracticeMenu />
      <div className="run-controls" role="group" aria-label="Simulation">
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={running} title="Validate and simulate the design">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path d="M7 4.5v15l12-7.5z" fill="currentColor" />
          </svg>
          <span className="btn-text">{status === 'paused' ? 'Resume' : 'Run'}</span>
        </button>
        <button type="button" className="btn" onClick={() => void pause()} disabled={status !== 'running'} title="Pause the simulation">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
          </svg>
          <span className="btn-text">Pause</span>
        </button>
        <button type="button" className="btn" onClick={() => void reset()} disabled={!hasRun} title="Stop and clear the figures">
          <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
            <path d="M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5" />
          </svg>
          <span className="btn-text">Reset</span>
        </button>
      </div>
      <RunLengthMenu />
      <div className="speed" role="radiogroup" aria-label="Speed">
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={speed === s}
            className={`speed-option${speed === s ? ' is-on' : ''}`}
            onClick={() => void setSpeed(s)}
            title={s === 'max' ? 'As fast as the engine can go' : s === 'x10' ? 'Ten simulated seconds per second' : 'One simulated second per second'}
          >
            {s === 'max' ? 'Max' : SPEED_LABELS[s]}
            {s === 'max' && <span className="visually-hidden"> (as fast as possible)</span>}
          </button>
        ))}
      </div>
      <SeedField />
      <HeaderActions>
        <FileMenu />
        <ShareButton />
      </HeaderActions>
    </header>
  );
}
