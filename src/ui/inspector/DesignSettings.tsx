/**
 * What the inspector shows when nothing is selected: the design as a whole, and the run
 * length a fixed-length Run (and the command line) uses. The fields are ordinary params, so
 * they are checked and explained like every other one.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_RUN, LIMITS, type NumberSpec, type ParamValue } from '../../model';
import { useDesign } from '../../store';
import { plural } from '../format';
import { ParamField } from './ParamField';

const RUN_SPECS: Record<'durationS' | 'warmupS', NumberSpec> = {
  durationS: {
    type: 'number',
    key: 'durationS',
    label: 'Duration',
    unit: 's',
    default: DEFAULT_RUN.durationS,
    min: 0,
    exclusiveMin: true,
    max: LIMITS.maxDurationS,
    help: 'Simulated seconds a fixed-length run measures, after its warm-up.',
  },
  warmupS: {
    type: 'number',
    key: 'warmupS',
    label: 'Warm-up',
    unit: 's',
    default: DEFAULT_RUN.warmupS,
    min: 0,
    max: LIMITS.maxDurationS,
    help: 'Simulated seconds run first and left out of every figure, so queues and caches start filled.',
  },
};

/** Typing that pauses this long is set in the design (and so saved): one undo step a burst, not a keystroke. */
const NOTES_PAUSE_MS = 800;

/**
 * The design's notes, typed into local state and set in the design when typing pauses or the
 * field is left; an undo or another design replaces what is shown.
 */
function DesignNotes() {
  const notes = useDesign((s) => s.design.notes ?? '');
  const setNotes = useDesign((s) => s.setNotes);
  const [text, setText] = useState(notes);
  useEffect(() => setText(notes), [notes]);
  useEffect(() => {
    if (text === notes) return;
    const timer = setTimeout(() => setNotes(text), NOTES_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, notes, setNotes]);
  const typed = useRef(text);
  typed.current = text;
  useEffect(() => {
    // Leaving the page (a reload, a closed tab) mid-typing: set the notes before autosave's last
    // save, which listens on the document — a capturing listener on the window runs first.
    const leave = () => {
      if (document.visibilityState === 'hidden') setNotes(typed.current);
    };
    window.addEventListener('visibilitychange', leave, { capture: true });
    return () => window.removeEventListener('visibilitychange', leave, { capture: true });
  }, [setNotes]);
  const left = LIMITS.maxNotesLength - Array.from(text).length;
  return (
    <section className="inspector-section">
      <h3 className="inspector-section-title">
        <label htmlFor="design-notes">Notes</label>
      </h3>
      <textarea
        id="design-notes"
        className="design-notes"
        rows={4}
        value={text}
        maxLength={LIMITS.maxNotesLength * 2}
        placeholder="Requirements, estimates, assumptions, why it is built this way…"
        aria-describedby="design-notes-help"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => setNotes(text)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText(notes);
        }}
      />
      <p className="field-help" id="design-notes-help">
        Kept with the design: in files, shared links and this browser.
        {left < 500 && ` ${left < 0 ? `${(-left).toLocaleString('en')} characters over the limit; the end will be cut.` : `${left.toLocaleString('en')} characters left.`}`}
      </p>
    </section>
  );
}

export function DesignSettings() {
  const nodes = useDesign((s) => s.design.nodes.length);
  const edges = useDesign((s) => s.design.edges.length);
  const run = useDesign((s) => s.design.run);
  const setRunSettings = useDesign((s) => s.setRunSettings);
  const commit = (key: keyof typeof RUN_SPECS) => (value: ParamValue) => setRunSettings({ [key]: value as number });
  return (
    <div className="inspector-empty">
      <h2 className="panel-title">Inspector</h2>
      <p>Select a node or a connection to see and edit its parameters.</p>
      <p className="muted">
        {plural(nodes, 'node')} · {plural(edges, 'connection')}
      </p>
      <DesignNotes />
      <section className="inspector-section" aria-label="Run length">
        <h3 className="inspector-section-title">Run length</h3>
        <p className="inspector-section-note">
          Used when “Run for” is set to a fixed length, by shared links and by the command line. A change applies from the next Run.
        </p>
        <ParamField spec={RUN_SPECS.durationS} value={run.durationS} onCommit={commit('durationS')} />
        <ParamField spec={RUN_SPECS.warmupS} value={run.warmupS} onCommit={commit('warmupS')} />
      </section>
    </div>
  );
}
