import { describe, expect, it } from 'vitest';
import { NEW_NODE_SIZE, placeNewNode, type Box } from './placement';

const box = (x: number, y: number, width = 200, height = 64): Box => ({ x, y, width, height });
const disjoint = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('placing a node added by click or keyboard', () => {
  it('goes to the centre of an empty view', () => {
    expect(placeNewNode([], null, { x: 500, y: 300 })).toEqual({ x: 400, y: 260 });
  });

  it('goes to the right of the selected node, at its height, a label-wide gap away', () => {
    const client = box(0, 160, 180, 72);
    expect(placeNewNode([client], client, { x: 0, y: 0 })).toEqual({ x: 280, y: 160 });
  });

  it('moves down until it overlaps nothing', () => {
    const anchor = box(0, 0);
    const taken = [anchor, box(300, 0), box(300, 100), box(300, 190, 200, 200)];
    const at = placeNewNode(taken, anchor, { x: 0, y: 0 });
    expect(at.x).toBe(300);
    for (const t of taken) expect(disjoint({ ...at, ...NEW_NODE_SIZE }, t)).toBe(true);
  });

  it('adding at the centre again and again never piles nodes up', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 12; i++) taken.push({ ...placeNewNode(taken, null, { x: 640, y: 360 }), ...NEW_NODE_SIZE });
    for (let i = 0; i < taken.length; i++) for (let j = i + 1; j < taken.length; j++) expect(disjoint(taken[i], taken[j])).toBe(true);
  });

  it('adding to the right of each new node in turn makes a left-to-right chain', () => {
    const taken: Box[] = [box(0, 0)];
    for (let i = 0; i < 4; i++) taken.push({ ...placeNewNode(taken, taken[taken.length - 1], { x: 0, y: 0 }), ...NEW_NODE_SIZE });
    expect(taken.map((t) => t.y)).toEqual([0, 0, 0, 0, 0]);
    expect(taken.map((t) => t.x)).toEqual([0, 300, 600, 900, 1200]);
  });
});
