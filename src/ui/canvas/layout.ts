/** "Tidy up": a left-to-right layered layout (dagre), following the direction requests flow. */
import dagre from '@dagrejs/dagre';
import type { Design } from '../../model';
import type { Size } from '../../store/convert';
import { NEW_NODE_SIZE, snapToGrid } from './placement';

export function tidyPositions(design: Design, measured: ReadonlyMap<string, Size>): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of design.nodes) {
    const size = measured.get(node.id) ?? NEW_NODE_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of design.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of design.nodes) {
    const laid = g.node(node.id);
    const size = measured.get(node.id) ?? NEW_NODE_SIZE;
    // dagre gives centres; React Flow positions are top-left corners, on the grid.
    positions.set(node.id, { x: snapToGrid(laid.x - size.width / 2), y: snapToGrid(laid.y - size.height / 2) });
  }
  return positions;
}
