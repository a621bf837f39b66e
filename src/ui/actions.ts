/** Editor commands shared by the keyboard, the toolbar and the palette. */
import type { ReactFlowInstance } from '@xyflow/react';
import type { DesignNode, NodeKind } from '../model';
import { NEW_NODE_SIZE, placeNewNode, type Box } from './canvas/placement';
import { copySelection, type Clip } from '../store/convert';
import { useDesign } from '../store';
import { useUi } from '../store/ui';
import { scenarioOf } from '../store/practice';
import { fixedParams } from '../practice/rules';

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

/**
 * Adds a node by click or keyboard: right of the selected node, or at the centre of the view,
 * clear of every other node (see placeNewNode). The view pans to it if it lands out of sight.
 */
export function addAtCentre(flow: ReactFlowInstance, kind: NodeKind) {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = pane
    ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
    : { x: 0, y: 0 };
  const boxOf = (node: DesignNode): Box => {
    const size = flow.getNode(node.id)?.measured;
    return { ...node.position, width: size?.width ?? NEW_NODE_SIZE.width, height: size?.height ?? NEW_NODE_SIZE.height };
  };
  const nodes = useDesign.getState().design.nodes;
  const selected = useUi.getState().selectedNodes;
  const anchor = selected.size === 1 ? nodes.find((n) => selected.has(n.id)) : undefined;
  const position = placeNewNode(nodes.map(boxOf), anchor ? boxOf(anchor) : null, centre);
  addAt(kind, position);
  if (pane) scrollIntoView(flow, pane, position);
}

/** Pans the least that brings a new node at `position` wholly into view, so what was in view mostly stays. */
function scrollIntoView(flow: ReactFlowInstance, pane: DOMRect, position: { x: number; y: number }) {
  const margin = 40;
  const topLeft = flow.flowToScreenPosition(position);
  const bottomRight = flow.flowToScreenPosition({ x: position.x + NEW_NODE_SIZE.width, y: position.y + NEW_NODE_SIZE.height });
  const shift = (low: number, high: number, min: number, max: number) =>
    high > max - margin ? max - margin - high : low < min + margin ? min + margin - low : 0;
  const dx = shift(topLeft.x, bottomRight.x, pane.left, pane.right);
  const dy = shift(topLeft.y, bottomRight.y, pane.top, pane.bottom);
  if (dx === 0 && dy === 0) return;
  const { x, y, zoom } = flow.getViewport();
  void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
}

export function addAt(kind: NodeKind, position: { x: number; y: number }) {
  // While practising, a new instance is the brief's: its hardware, not the catalogue's.
  const scenario = scenarioOf(useDesign.getState().design);
  const params = scenario && kind !== 'client' ? fixedParams(kind, scenario.hardware) : undefined;
  const id = useDesign.getState().addNode(kind, position, params);
  useUi.getState().select([id], []);
  return id;
}
