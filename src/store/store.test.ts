import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restored } from '../engine/testSupport';
import type { Design } from '../model';
import lbComparison from '../../examples/lb-comparison.json';
import { connectionProblem } from './connection';
import { copySelection, createFlowEdgeMapper, createFlowNodeMapper, pasteClip } from './convert';
import { beginGesture, createDesignStore } from './design';
import { ingest, initialRun, SERIES_CAP } from './run';
import { healthOf } from './live';

const design = () => restored(lbComparison);

describe('canvas ↔ model conversion', () => {
  it('derives one flow node per design node, keeping position, selection and the model', () => {
    const d = design();
    const nodes = createFlowNodeMapper()(d, new Set(['lb']), new Map());
    expect(nodes.map((n) => n.id)).toEqual(d.nodes.map((n) => n.id));
    expect(nodes.find((n) => n.id === 'lb')!.selected).toBe(true);
    expect(nodes[0].position).toEqual(d.nodes[0].position);
    expect(nodes[0].data.node).toBe(d.nodes[0]);
  });
  it('reuses unchanged flow objects so React Flow re-renders only what changed', () => {
    const map = createFlowNodeMapper();
    const d = design();
    const first = map(d, new Set(), new Map());
    const moved = { ...d, nodes: d.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 5, y: 5 } } : n)) };
    const second = map(moved, new Set(), new Map());
    expect(second[0]).not.toBe(first[0]);
    expect(second.slice(1)).toEqual(first.slice(1));
    second.slice(1).forEach((n, i) => expect(n).toBe(first[i + 1]));
    const edges = createFlowEdgeMapper()(d, new Set());
    expect(edges.map((e) => [e.source, e.target])).toEqual(d.edges.map((e) => [e.source, e.target]));
  });
  it('pastes copies with fresh ids, edges rewired to the copies', () => {
    const d = design();
    const clip = copySelection(d, new Set(['lb', 'slow']))!;
    expect(clip.edges).toHaveLength(1);
    const pasted = pasteClip(d, clip, 40);
    const ids = new Set(d.nodes.map((n) => n.id));
    for (const n of pasted.nodes) expect(ids.has(n.id)).toBe(false);
    expect(pasted.edges[0].source).toBe(pasted.nodes[0].id);
    expect(pasted.edges[0].target).toBe(pasted.nodes[1].id);
    expect(pasted.nodes[0].position.x).toBe(clip.nodes[0].position.x + 40);
  });
});

describe('connection validation', () => {
  const d = design();
  it('accepts a new forward connection', () => expect(connectionProblem(d, 'users', 'slow')).toBeNull());
  it('refuses a self-loop', () => expect(connectionProblem(d, 'lb', 'lb')).toMatch(/itself/));
  it('refuses a connection into a client', () => expect(connectionProblem(d, 'lb', 'users')).toMatch(/client/));
  it('refuses a duplicate', () => expect(connectionProblem(d, 'users', 'lb')).toMatch(/already connected/));
  it('refuses a cycle', () => expect(connectionProblem(d, 'slow', 'lb')).toMatch(/cycle/));
});

describe('design store and undo', () => {
  it('undoes and redoes an added node', () => {
    const store = createDesignStore(design());
    const id = store.getState().addNode('cache', { x: 10, y: 10 });
    expect(store.getState().design.nodes.some((n) => n.id === id)).toBe(true);
    store.temporal.getState().undo();
    expect(store.getState().design.nodes.some((n) => n.id === id)).toBe(false);
    store.temporal.getState().redo();
    expect(store.getState().design.nodes.some((n) => n.id === id)).toBe(true);
  });
  it('adds a node with params over its kind’s defaults (a practice brief’s hardware)', () => {
    const store = createDesignStore(design());
    const id = store.getState().addNode('database', { x: 10, y: 10 }, { workers: 4 });
    const params = store.getState().design.nodes.find((n) => n.id === id)!.params;
    expect(params.workers).toBe(4);
    expect(params.readTimeMs).toBe(5);
  });
  it('refuses an invalid param with the checker message and keeps the old value', () => {
    const store = createDesignStore(design());
    expect(store.getState().setNodeParam('slow', 'workers', -1)).toMatch(/workers must be at least 1/);
    expect(store.getState().design.nodes.find((n) => n.id === 'slow')!.params.workers).toBe(4);
    expect(store.getState().setNodeParam('slow', 'workers', 8)).toBeNull();
    expect(store.getState().design.nodes.find((n) => n.id === 'slow')!.params.workers).toBe(8);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
  it('records a whole drag as one undo step', () => {
    const store = createDesignStore(design());
    const end = beginGesture(store);
    for (let x = 0; x < 10; x++) store.getState().moveNodes([{ id: 'lb', position: { x, y: 0 } }]);
    end();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().design.nodes.find((n) => n.id === 'lb')!.position).toEqual(design().nodes[1].position);
  });
  it('removing a node removes its edges in one step', () => {
    const store = createDesignStore(design());
    store.getState().remove(new Set(['lb']), new Set());
    expect(store.getState().design.edges.some((e) => e.source === 'lb' || e.target === 'lb')).toBe(false);
    store.temporal.getState().undo();
    expect(store.getState().design.edges).toHaveLength(4);
  });
  it('sets notes as one undo step, none for the same text, and drops blank ones', () => {
    const store = createDesignStore(design());
    store.getState().setNotes('Peak 6,944 req/s\r\n\tmostly reads\u0007 ');
    expect(store.getState().design.notes).toBe('Peak 6,944 req/s\n\tmostly reads  ');
    // A reload or a link shows them as restore() keeps them: the same, trailing blanks aside.
    expect(restored(store.getState().design).notes).toBe('Peak 6,944 req/s\n\tmostly reads');
    store.getState().setNotes('Peak 6,944 req/s\n\tmostly reads  ');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().setNotes(' \n ');
    expect('notes' in store.getState().design).toBe(false);
    store.temporal.getState().undo();
    expect(store.getState().design.notes).toBe('Peak 6,944 req/s\n\tmostly reads  ');
  });
  it('connect refuses with a reason and adds an edge otherwise', () => {
    const store = createDesignStore(design());
    const bad = store.getState().connect('slow', 'users');
    expect(bad.ok).toBe(false);
    const good = store.getState().connect('users', 'slow');
    expect(good.ok).toBe(true);
    expect(store.getState().design.edges).toHaveLength(5);
  });
});

describe('run slice', () => {
  it('caps the series', () => {
    const point = { tS: 1, throughput: 1, errorRate: 0, p50: 1, p95: 1, p99: 1, utilization: [], queue: [], nodeRate: [], nodeP99: [], edgeRate: [], edgeErrors: [] };
    const snap = {
      timeMs: 1000, events: 1, measuring: true,
      endToEnd: { sent: 1, completed: 1, failed: 0, inFlight: 0, timedOut: 0, retries: 0, retriesDenied: 0, throughputPerSecond: 1, latencyMs: { mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, p999: 1, max: 1 } },
      nodes: [], edges: [], windows: Array.from({ length: SERIES_CAP + 50 }, () => point), cursor: 1,
    };
    const next = ingest(initialRun, snap);
    expect(next.series).toHaveLength(SERIES_CAP);
  });
  it('classifies health', () => {
    expect(healthOf('up', 0.3, 0, 10, 0)).toBe('healthy');
    expect(healthOf('slowed', 0.8, 0, 10, 0)).toBe('hot');
    expect(healthOf('up', 0.95, 0, 10, 0)).toBe('saturated');
    expect(healthOf('up', 0.2, 0, 10, 3)).toBe('saturated');
    // Failing everything is not "down": only the engine says a node is down.
    expect(healthOf('up', 0, 5, 0, 0)).toBe('failing');
    expect(healthOf('down', 0, 0, 0, 0)).toBe('down');
  });
});

describe('names and labels typed in the editor', () => {
  const restoredText = (d: Design) => {
    const r = restored(d);
    return { name: r.name, label: r.nodes[0].label ?? '' };
  };

  it('are cleaned as restore() cleans them, so a reload or a link shows what was typed', () => {
    fc.assert(
      // Starting with a letter: a field that began with more spaces than fit would differ after the cut.
      fc.property(fc.string({ unit: 'binary', maxLength: 260 }).map((text) => `A${text}`), (typed) => {
        const store = createDesignStore(design());
        store.getState().setName(typed);
        store.getState().setNodeLabel(store.getState().design.nodes[0].id, typed);
        const { name, nodes } = store.getState().design;
        const label = nodes[0].label ?? '';
        // Only the spaces at either end differ: the field keeps them while typing.
        const shown = restoredText(store.getState().design);
        expect(name.trim() || 'Untitled design').toBe(shown.name);
        expect(label.trim()).toBe(shown.label);
        expect(restoredText({ ...design(), name: typed, nodes: [{ ...nodes[0], label: typed }, ...nodes.slice(1)] })).toEqual(shown);
      }),
      { numRuns: 300 },
    );
  });

  it('lose bidirectional overrides and control characters, and are cut by characters, never inside an emoji', () => {
    const store = createDesignStore(design());
    const id = store.getState().design.nodes[0].id;
    store.getState().setNodeLabel(id, 'evil\u202e txt.exe\u0007 ');
    expect(store.getState().design.nodes[0].label).toBe('evil txt.exe  ');
    store.getState().setNodeLabel(id, '😀'.repeat(150));
    expect(store.getState().design.nodes[0].label).toBe('😀'.repeat(100));
  });
});
