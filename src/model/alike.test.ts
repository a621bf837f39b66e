import { describe, expect, it } from 'vitest';
import { designOf } from '../engine/testSupport';
import { simulatesAlike } from './alike';
import type { Design } from './types';

const base = designOf(
  [
    { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
    { id: 'app', kind: 'server', params: { workers: 4 } },
  ],
  [{ from: 'users', to: 'app' }],
);

const editNode = (design: Design, id: string, change: (n: Design['nodes'][number]) => Design['nodes'][number]): Design => ({
  ...design,
  nodes: design.nodes.map((n) => (n.id === id ? change(n) : n)),
});

describe('simulatesAlike', () => {
  it('holds for the same design, a copy, a node moved and the design renamed', () => {
    expect(simulatesAlike(base, base)).toBe(true);
    expect(simulatesAlike(base, structuredClone(base))).toBe(true);
    expect(simulatesAlike(base, editNode(base, 'app', (n) => ({ ...n, position: { x: 999, y: -5 } })))).toBe(true);
    expect(simulatesAlike(base, { ...base, name: 'Renamed' })).toBe(true);
  });

  it('fails for anything a run measures or says', () => {
    const changed: [string, Design][] = [
      ['a param', editNode(base, 'app', (n) => ({ ...n, params: { ...n.params, workers: 8 } }))],
      ['a label', editNode(base, 'app', (n) => ({ ...n, label: 'API' }))],
      ['a node added', { ...base, nodes: [...base.nodes, { ...base.nodes[1], id: 'app2' }] }],
      ['an edge re-aimed', { ...base, edges: base.edges.map((e) => ({ ...e, target: 'users' })) }],
      ['an edge param', { ...base, edges: base.edges.map((e) => ({ ...e, params: { ...e.params, latencyMs: 3 } })) }],
      ['the seed', { ...base, seed: 2 }],
      ['the run length', { ...base, run: { ...base.run, durationS: base.run.durationS + 1 } }],
      ['a fault', { ...base, faults: [{ atS: 5, action: 'kill', target: 'app' }] }],
      ['the brief', { ...base, practice: 'scale-out' }],
    ];
    for (const [what, design] of changed) expect(simulatesAlike(base, design), what).toBe(false);
  });
});
