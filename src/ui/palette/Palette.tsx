/** The left palette: every kind, draggable onto the canvas, or added by click or Enter (right of the selected node, or at the centre). */
import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { KIND_LABELS, KIND_NOTES, NODE_KINDS, type NodeKind } from '../../model';
import { addAtCentre } from '../actions';
import { DRAG_MIME } from '../canvas/Canvas';
import { KindIcon } from '../icons';

export function Palette() {
  const flow = useReactFlow();
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(DRAG_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Components">
      <h2 className="panel-title">Components</h2>
      <p className="palette-hint">Drag onto the canvas, or click to add right of the selected node.</p>
      <ul>
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette-item kind-${kind}`}
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addAtCentre(flow, kind)}
              aria-label={KIND_LABELS[kind]}
              aria-describedby={`palette-note-${kind}`}
              title={KIND_NOTES[kind]}
            >
              <span className="palette-icon">
                <KindIcon kind={kind} />
              </span>
              <span className="palette-text">
                <span className="palette-name">{KIND_LABELS[kind]}</span>
                <span className="palette-note" id={`palette-note-${kind}`}>
                  {KIND_NOTES[kind]}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
