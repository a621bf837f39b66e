import { describe, expect, it } from 'vitest';
import { restored } from '../engine/testSupport';
import { LIMITS } from '../model';
import lbComparison from '../../examples/lb-comparison.json';
import { createDesignStore } from './design';
import { onlyMoved, problemsOf, runProblems } from './runner';

const design = () => restored(lbComparison);

describe('the Problems panel while nodes are dragged', () => {
  it('keeps its problems while only positions change, and checks again after any other edit', () => {
    const store = createDesignStore(design());
    // A problem to show: the balancer loses its targets.
    const targets = new Set(store.getState().design.edges.filter((e) => e.source === 'lb').map((e) => e.id));
    store.getState().remove(new Set(), targets);
    const first = problemsOf(store.getState().design);
    expect(first.length).toBeGreaterThan(0);
    for (let x = 0; x < 5; x++) store.getState().moveNodes([{ id: 'lb', position: { x: x * 20, y: 40 } }]);
    expect(problemsOf(store.getState().design)).toBe(first);

    store.getState().setNodeParam('lb', 'algorithm', 'random');
    const after = problemsOf(store.getState().design);
    expect(after).not.toBe(first);
    expect(after).toEqual(runProblems(store.getState().design).problems);
  });

  it('tells a move from other edits', () => {
    const d = design();
    const moved = { ...d, nodes: d.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: 5, y: 5 } } : n)) };
    expect(onlyMoved(d, moved)).toBe(true);
    expect(onlyMoved(d, { ...moved, name: 'renamed' })).toBe(false);
    expect(onlyMoved(d, { ...d, nodes: d.nodes.map((n, i) => (i === 1 ? { ...n, label: 'LB' } : n)) })).toBe(false);
    expect(onlyMoved(d, { ...d, nodes: d.nodes.map((n, i) => (i === 1 ? { ...n, params: { ...n.params } } : n)) })).toBe(false);
    expect(onlyMoved(d, { ...d, nodes: d.nodes.slice(1) })).toBe(false);
  });

  it('checks again when a node goes beyond the coordinate limit, and when it comes back', () => {
    const d = design();
    const far = { ...d, nodes: d.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: LIMITS.maxCoordinate * 2, y: 0 } } : n)) };
    expect(problemsOf(d)).toEqual([]);
    expect(problemsOf(far).map((p) => p.message).join()).toMatch(/absurdly far/);
    expect(problemsOf(d)).toEqual([]);
  });
});
