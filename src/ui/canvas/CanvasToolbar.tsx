/** Floating tools over the canvas: undo, redo, tidy up. */
import { Panel } from '@xyflow/react';
import { useStore } from 'zustand';
import { useDesign } from '../../store';
import { redo, undo } from '../actions';

export function CanvasToolbar({ onTidy, tidying }: { onTidy: () => void; tidying: boolean }) {
  const canUndo = useStore(useDesign.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(useDesign.temporal, (t) => t.futureStates.length > 0);
  return (
    <Panel position="top-left" className="canvas-toolbar" aria-label="Canvas tools">
      <button type="button" className="btn btn-ghost" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />
        </svg>
        Undo
      </button>
      <button type="button" className="btn btn-ghost" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />
        </svg>
        Redo
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={onTidy}
        aria-busy={tidying}
        title="Arrange the design left to right"
      >
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <rect x="3" y="4" width="6" height="5" rx="1" />
          <rect x="15" y="4" width="6" height="5" rx="1" />
          <rect x="15" y="15" width="6" height="5" rx="1" />
          <path d="M9 6.5h6M12 6.5v11h3" />
        </svg>
        Tidy up
      </button>
    </Panel>
  );
}
