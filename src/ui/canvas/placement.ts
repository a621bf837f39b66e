/**
 * Where a node added by click or keyboard goes. Requests flow left to right, so a new node
 * lands to the right of the selected one, ready to be wired to it; with nothing selected, at
 * the centre of the view. Either way it moves down until it overlaps nothing.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size of a node before React Flow has measured it. */
export const NEW_NODE_SIZE = { width: 200, height: 64 };
/** Space between columns of nodes, as in the examples: room for a connection's rate label. */
const COLUMN_GAP = 100;
/** Space kept clear around every node. */
const MARGIN = 20;
/** The canvas's grid: nodes dragged, dropped, added or tidied land on it. */
export const GRID = 20;

export const snapToGrid = (v: number) => Math.round(v / GRID) * GRID;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + MARGIN && b.x < a.x + a.width + MARGIN && a.y < b.y + b.height + MARGIN && b.y < a.y + a.height + MARGIN;
}

/**
 * The top-left corner for a new node: right of `anchor` when there is one, else centred on
 * `centre`; then down a row at a time until it is clear of every box in `taken`.
 */
export function placeNewNode(taken: readonly Box[], anchor: Box | null, centre: { x: number; y: number }): { x: number; y: number } {
  const { width, height } = NEW_NODE_SIZE;
  const box: Box = anchor
    ? { x: snapToGrid(anchor.x + anchor.width + COLUMN_GAP), y: snapToGrid(anchor.y), width, height }
    : { x: snapToGrid(centre.x - width / 2), y: snapToGrid(centre.y - height / 2), width, height };
  // Bounded: a canvas holds a few thousand nodes at most, and each step clears at least one row.
  for (let step = 0; step < 10_000 && taken.some((t) => overlaps(box, t)); step++) box.y += snapToGrid(height + MARGIN + GRID);
  return { x: box.x, y: box.y };
}
