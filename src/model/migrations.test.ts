import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { NODE_KINDS } from './params';
import { restore } from './restore';

/** The prototype's format, as a saved file would have it. */
const versionZero = {
  version: 0,
  title: 'Prototype design',
  components: [
    { id: 'users', type: 'client', name: 'Users', x: 0, y: 120, config: { ratePerSecond: 300 } },
    { id: 'lb', type: 'loadBalancer', name: 'LB', x: 250, y: 120, config: { algorithm: 'random' } },
    { id: 'app', type: 'server', name: 'App', x: 500, y: 120, config: { workers: 2, serviceTimeMs: 4 } },
  ],
  links: [
    { from: 'users', to: 'lb', latency: 15 },
    { from: 'lb', to: 'app' },
  ],
};

/** The same design written by hand in version 1. */
const versionOne = {
  format: 'archsim.design',
  version: 1,
  name: 'Prototype design',
  seed: 1,
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 120 }, params: { ratePerSecond: 300 } },
    { id: 'lb', kind: 'loadBalancer', label: 'LB', position: { x: 250, y: 120 }, params: { algorithm: 'random' } },
    { id: 'app', kind: 'server', label: 'App', position: { x: 500, y: 120 }, params: { workers: 2, serviceTimeMs: 4 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb', params: { latencyMs: 15 } },
    { id: 'e2', source: 'lb', target: 'app', params: {} },
  ],
};

describe('migrations', () => {
  it('turn a version 0 document into exactly the version 1 document', () => {
    const warnings: string[] = [];
    expect(migrate(structuredClone(versionZero), warnings)).toEqual({ ok: true, doc: versionOne });
    expect(warnings).toEqual(['Upgraded the design from format version 0 to 1.']);
  });

  it('take restore() from version 0 to the same design as the version 1 document, with the upgrade warning', () => {
    const fromZero = restore(JSON.stringify(versionZero));
    const fromOne = restore(versionOne);
    expect(fromZero.ok && fromOne.ok).toBe(true);
    if (!fromZero.ok || !fromOne.ok) return;
    expect(fromZero.design).toEqual(fromOne.design);
    expect(fromZero.warnings).toEqual(['Upgraded the design from format version 0 to 1.']);
    expect(fromOne.warnings).toEqual([]);
    expect(fromZero.design.edges.map((e) => e.params.latencyMs)).toEqual([15, 0]);
    expect(fromZero.design.nodes.map((n) => n.label)).toEqual(['Users', 'LB', 'App']);
  });

  it('recognise a version 0 document without a version field by its components', () => {
    const { version: _, ...unversioned } = versionZero;
    const result = restore(unversioned);
    expect(result.ok && result.warnings).toEqual(['Upgraded the design from format version 0 to 1.']);
  });

  it('report what is wrong inside a version 0 document in version 1 terms', () => {
    const broken = { ...versionZero, components: [...versionZero.components, null, { id: 'x', type: 'mainframe' }] };
    const result = restore(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.message)).toEqual([
        'Node #4 is malformed: id is missing.',
        `Node 'x' has unknown kind 'mainframe' (expected one of ${NODE_KINDS.join(', ')}).`,
      ]);
    }
  });

  it('refuse documents from a newer version and versions that are not whole numbers', () => {
    expect(migrate({ version: 2, nodes: [] }, [])).toEqual({
      ok: false,
      problem: 'This design was made by a newer Archsim (format version 2; this one reads up to 1).',
    });
    for (const version of [1.5, -1, '1', null]) {
      expect(migrate({ version, nodes: [] }, [])).toEqual({
        ok: false,
        problem: 'This is not an Archsim design: its version is not a whole number.',
      });
    }
  });

  it('leave a current document as it is, without a warning', () => {
    const warnings: string[] = [];
    const doc = structuredClone(versionOne);
    expect(migrate(doc, warnings)).toEqual({ ok: true, doc: versionOne });
    expect(warnings).toEqual([]);
  });
});
