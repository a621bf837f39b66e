/** Editor commands shared by the keyboard, the toolbar and the palette. */
import type { ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../model';
import { copySelection, type Clip } from '../store/convert';
import { useDesign } from '../store';
import { useUi } from '../store/ui';

let clipboard: Clip | null = null;
let pasteCount = 0;

export const undo = () => useDesign.temporal.getState().undo();
export const redo = () => useDesign.temporal.getState().redo();

export function deleteSelection() {
  const { selectedNodes, selectedEdges, clearSelection } = useUi.getState();
  if (selectedNodes.size === 0 && selectedEdges.size === 0) return;
  useDesign.getState().remove(selectedNodes, selectedEdges);
  clearSelection();
}

export function copy(): boolean {
  const clip = copySelection(useDesign.getState().design, useUi.getState().selectedNodes);
  if (!clip) return false;
  clipboard = clip;
  pasteCount = 0;
  return true;
}

export function cut() {
  if (copy()) deleteSelection();
}

export function paste() {
  if (!clipboard) return;
  pasteCount++;
  const pasted = useDesign.getState().paste(clipboard, 40 * pasteCount);
  useUi.getState().select(
    pasted.nodes.map((n) => n.id),
    pasted.edges.map((e) => e.id),
  );
}

export function selectAll() {
  const { design } = useDesign.getState();
  useUi.getState().select(
    design.nodes.map((n) => n.id),
    design.edges.map((e) => e.id),
  );
}

/** Adds a node at the centre of the visible canvas, nudged off any node already there. */
export function addAtCentre(flow: ReactFlowInstance, kind: NodeKind) {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = pane
    ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
    : { x: 0, y: 0 };
  let position = { x: Math.round((centre.x - 100) / 20) * 20, y: Math.round((centre.y - 32) / 20) * 20 };
  const nodes = useDesign.getState().design.nodes;
  for (let i = 0; i < 50 && nodes.some((n) => Math.abs(n.position.x - position.x) < 40 && Math.abs(n.position.y - position.y) < 40); i++) {
    position = { x: position.x + 40, y: position.y + 40 };
  }
  addAt(kind, position);
}

export function addAt(kind: NodeKind, position: { x: number; y: number }) {
  const id = useDesign.getState().addNode(kind, position);
  useUi.getState().select([id], []);
  return id;
}
