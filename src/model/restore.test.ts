import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArb, hostileJsonArb } from './arbitrary';
import { runnable } from './graph';
import { EDGE_PARAM_SPECS, defaultParams } from './params';
import { LIMITS, restore, type RestoreResult } from './restore';
import { FAULT_ACTIONS, type Design } from './types';

function restored(input: unknown): Design {
  const result = restore(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

function messages(result: RestoreResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.message);
}

function expectProblemsOnly(result: RestoreResult): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expect(problem.message).toEqual(expect.any(String));
}

/**
 * For plain JSON and text: problems that say what is wrong with the input. restore() turns
 * any exception of its own into "Could not read the design: …", which would pass the check
 * above; for input that cannot throw on being read, that message means restore() has a bug.
 */
function expectReasonedProblems(result: RestoreResult): void {
  expectProblemsOnly(result);
  for (const message of messages(result)) expect(message).not.toMatch(/^Could not read the design/);
}

/** Every own key anywhere in a value, so a test can say no dangerous key survived. */
function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') {
    for (const key of Reflect.ownKeys(value)) {
      keys.add(String(key));
      allKeys((value as Record<string, unknown>)[key as string], keys);
    }
  }
  return keys;
}

const server = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'server', ...extra });

describe('restore()', () => {
  it('is idempotent: a restored design restores to itself', () => {
    fc.assert(
      fc.property(designArb(), (generated) => {
        const once = restored(generated);
        expect(restored(once)).toEqual(once);
        expect(restored(JSON.stringify(once))).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random JSON values and returns only designs or problems', () => {
    fc.assert(
      fc.property(hostileJsonArb, (value) => {
        expectReasonedProblems(restore(value));
        expectReasonedProblems(restore(JSON.stringify(value) ?? 'undefined'));
        expectReasonedProblems(restore({ nodes: [value], edges: [value], faults: [value], run: value, name: value, seed: value }));
        expectReasonedProblems(restore({ nodes: [{ id: 'a', kind: 'server', params: value, position: value, label: value }] }));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random text and random bytes read as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (text, bytes) => {
        expectReasonedProblems(restore(text));
        expectReasonedProblems(restore(new TextDecoder().decode(bytes)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on hostile objects: throwing getters, proxies, cycles', () => {
    const throwing = { get nodes(): unknown[] { throw new Error('boom'); } };
    const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } });
    const cycle: Record<string, unknown> = { nodes: [] };
    cycle.self = cycle;
    (cycle.nodes as unknown[]).push({ id: 'a', kind: 'server', params: cycle, label: cycle });
    expect(messages(restore(throwing))[0]).toMatch(/Could not read the design/);
    expect(restore(trap).ok).toBe(false);
    expect(restored(cycle).nodes[0].id).toBe('a');
    for (const value of [undefined, null, 0, NaN, true, 'null', '[]', '"text"', '{}', [], () => 1, Symbol('x'), 10n]) {
      expectProblemsOnly(restore(value));
    }
  });

  describe('prototype pollution', () => {
    const dangerous = ['__proto__', 'constructor', 'prototype'];
    // Written as text: in an object literal `__proto__` would set the prototype, not make a key.
    const hostile = `{
      "__proto__": { "polluted": "root" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "name": "Hostile",
      "run": { "__proto__": { "polluted": "run" }, "durationS": 10 },
      "nodes": [
        { "__proto__": { "polluted": "node" }, "id": "a", "kind": "server",
          "position": { "x": 1, "y": 2, "__proto__": { "polluted": "position" } },
          "params": { "__proto__": { "workers": 99, "polluted": "params" },
                      "constructor": { "prototype": { "polluted": "p" } }, "prototype": 1, "workers": 3 } },
        { "id": "u", "kind": "client", "params": { "constructor": 5 } }
      ],
      "edges": [ { "source": "u", "target": "a", "__proto__": { "id": "x" }, "params": { "__proto__": { "latencyMs": 5 } } } ],
      "faults": [ { "atS": 1, "action": "kill", "target": "a", "__proto__": { "factor": 2 }, "constructor": 1 } ]
    }`;

    it('keeps __proto__, constructor and prototype keys away from every object', () => {
      const design = restored(hostile);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      const keys = allKeys(design);
      for (const key of dangerous) expect(keys.has(key), key).toBe(false);
      expect(JSON.stringify(design)).not.toContain('polluted');
      expect(design.nodes[0].params.workers).toBe(3);
      expect(Object.getPrototypeOf(design.nodes[0].params)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(design.nodes[0].position)).toBe(Object.prototype);
      expect(design.edges[0]).toEqual({ id: 'e1', source: 'u', target: 'a', params: defaultParams(EDGE_PARAM_SPECS) });
      expect(design.faults).toEqual([{ atS: 1, action: 'kill', target: 'a' }]);
    });

    it('keeps them away in any position of random JSON', () => {
      fc.assert(
        fc.property(hostileJsonArb, (value) => {
          const result = restore(JSON.stringify({ nodes: [{ id: 'a', kind: 'server', params: value }], x: value }));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          if (result.ok) for (const key of dangerous) expect(allKeys(result.design).has(key)).toBe(false);
        }),
        { numRuns: 500 },
      );
    });

    it('refuses them as node and edge ids, which become keys of run reports', () => {
      for (const id of dangerous) {
        const result = restore({ nodes: [{ id, kind: 'server' }] });
        expect(messages(result)).toEqual([`Node #1 uses the reserved id '${id}'; give it another id.`]);
        const edge = restore({ nodes: [server('a'), server('b')], edges: [{ id, source: 'a', target: 'b' }] });
        expect(messages(edge)).toEqual([`Edge #1 uses the reserved id '${id}'; give it another id.`]);
      }
    });
  });

  it('keeps a practice scenario’s id, and ignores one that is not a short slug', () => {
    const base = { nodes: [{ id: 'a', kind: 'server' }] };
    const practice = (value: unknown) => {
      const result = restore({ ...base, practice: value });
      if (!result.ok) throw new Error(result.problems[0].message);
      return result.design.practice;
    };
    expect(practice('survive-a-failure')).toBe('survive-a-failure');
    for (const odd of ['Scale Out', '', '-x', 'a'.repeat(200), 42, null, { id: 'x' }]) expect(practice(odd)).toBeUndefined();
  });

  it('refuses a document of another format, and says when it is a run’s results', () => {
    expect(messages(restore({ format: 'archsim.results', version: 1, nodes: [server('a')] }))).toEqual([
      "This is a run's results (File → Export results), not a design: open the design's own JSON (File → Export JSON).",
    ]);
    expect(messages(restore({ format: 'drawio', nodes: [server('a')] }))).toEqual(["This is not an Archsim design: its format is 'drawio', not 'archsim.design'."]);
    expect(restore({ format: 'archsim.design', nodes: [server('a')] }).ok).toBe(true);
  });

  it('keeps notes’ lines and tabs, and cleans the rest as it cleans names', () => {
    const notes = (value: unknown) => restored({ nodes: [server('a')], notes: value }).notes;
    expect(notes('Peak 6,944 req/s\r\n\t- reads 90 %\r\n\n')).toBe('Peak 6,944 req/s\n\t- reads 90 %');
    expect(notes('evil\u202e txt\u0007!')).toBe('evil txt !');
    expect(notes('😀'.repeat(10_001))).toBe('😀'.repeat(10_000));
    for (const none of ['', ' \n\t ', 42, null, ['a'], { text: 'a' }]) expect(notes(none)).toBeUndefined();
  });

  it('drops unknown fields everywhere', () => {
    const design = restored({
      extra: 1,
      nodes: [{ id: 'a', kind: 'server', colour: 'red', params: { workers: 2, turbo: true }, position: { x: 1, y: 2, z: 3 } }],
      edges: [],
      faults: [],
      run: { durationS: 30, speed: 2 },
    });
    expect(design).toEqual({
      format: 'archsim.design',
      version: 1,
      name: 'Untitled design',
      seed: 1,
      nodes: [{ id: 'a', kind: 'server', position: { x: 1, y: 2 }, params: restored({ nodes: [server('a', { params: { workers: 2 } })] }).nodes[0].params }],
      edges: [],
      faults: [],
      run: { durationS: 30, warmupS: 5 },
    });
    expect(Object.keys(design.nodes[0].params)).not.toContain('turbo');
  });

  describe('absurd numbers', () => {
    it('refuses out-of-range params with a message naming the node', () => {
      const result = restore({ nodes: [server('app', { params: { workers: 1e12, serviceTimeMs: -1 } })] });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems).toEqual([
          { message: "Node 'app': workers must be at most 10000, got 1000000000000.", nodeId: 'app' },
          { message: "Node 'app': serviceTimeMs must be zero or more, got -1.", nodeId: 'app' },
        ]);
      }
    });

    it('refuses an interval too small to mean anything but allows 0 for off', () => {
      const lb = (healthCheckIntervalS: number) => restore({ nodes: [{ id: 'lb', kind: 'loadBalancer', params: { healthCheckIntervalS } }] });
      // 1e-300 s would schedule every check at the same instant: the run would never advance.
      expect(messages(lb(1e-300))).toEqual(["Node 'lb': healthCheckIntervalS must be 0 (off) or at least 0.1 s, got 1e-300."]);
      expect(messages(lb(0.05))).toHaveLength(1);
      expect(lb(0).ok).toBe(true);
      expect(lb(0.1).ok).toBe(true);
    });

    it('refuses positions absurdly far out', () => {
      expect(messages(restore({ nodes: [server('a', { position: { x: 0, y: 1e300 } })] }))).toEqual([
        "Node 'a' is placed absurdly far away (0, 1e+300); positions must be within ±1,000,000.",
      ]);
      expect(restored({ nodes: [server('a', { position: { x: -1e6, y: 1e6 } })] }).nodes[0].position).toEqual({ x: -1e6, y: 1e6 });
    });

    it('forgives a malformed position by placing the node at the origin', () => {
      expect(restored({ nodes: [server('a', { position: { x: 'left', y: null } })] }).nodes[0].position).toEqual({ x: 0, y: 0 });
    });

    it('refuses absurd seeds, run settings and fault times', () => {
      expect(messages(restore({ nodes: [], seed: 2 ** 40 }))[0]).toMatch(/seed must be a whole number/);
      expect(messages(restore({ nodes: [], run: { durationS: 1e9 } }))[0]).toMatch(/run.durationS must be/);
      // The message says which bound was broken: a duration of 0 is not "from 0".
      expect(messages(restore({ nodes: [], run: { durationS: 0 } }))).toEqual(['run.durationS must be a number of seconds more than 0 up to 1000000, got 0.']);
      expect(messages(restore({ nodes: [server('a')], faults: [{ atS: 1e12, action: 'kill', target: 'a' }] }))[0]).toMatch(
        /Scheduled fault #1 is malformed/,
      );
    });

    it('normalises -0 to 0 so a design survives JSON unchanged', () => {
      const design = restored({ nodes: [server('a', { position: { x: -0, y: -0 }, params: { serviceTimeMs: -0 } })] });
      expect(Object.is(design.nodes[0].params.serviceTimeMs, 0)).toBe(true);
      expect(Object.is(design.nodes[0].position.x, 0)).toBe(true);
    });
  });

  describe('text', () => {
    it('strips control characters, bidirectional overrides and line breaks from names and labels', () => {
      const design = restored({
        name: ' Evil\u0000name\u202e\u2066txt.exe\u2069\nnext\u2028line\u0085 ',
        nodes: [server('a', { label: '<img src=x onerror=alert(1)>\u0007' })],
      });
      expect(design.name).toBe('Evil nametxt.exe next line');
      // Markup stays as the literal text it is; React renders it as text.
      expect(design.nodes[0].label).toBe('<img src=x onerror=alert(1)>');
    });

    it('cuts long text by characters, never inside an emoji, and trims after cutting', () => {
      const label = restored({ nodes: [server('a', { label: `${'a'.repeat(99)}😀😀` })] }).nodes[0].label!;
      expect(Array.from(label)).toHaveLength(LIMITS.maxLabelLength);
      expect(label.endsWith('😀')).toBe(true);
      const name = restored({ nodes: [], name: `${'x'.repeat(199)} tail` }).name;
      expect(name).toBe('x'.repeat(199));
      expect(restored({ nodes: [], name: '\ud800 lone' }).name).toBe('lone');
    });

    it('names an unnamed design and leaves out an empty label', () => {
      const design = restored({ name: '  \u0000 ', nodes: [server('a', { label: ' ' })] });
      expect(design.name).toBe('Untitled design');
      expect('label' in design.nodes[0]).toBe(false);
    });
  });

  describe('size and shape', () => {
    it('refuses payloads over 1 MB with a message', () => {
      const big = JSON.stringify({ nodes: [], name: 'x'.repeat(LIMITS.maxChars) });
      expect(messages(restore(big))).toEqual([
        `The design is too large (${big.length.toLocaleString('en')} characters; the limit is 1 MB).`,
      ]);
      const justUnder = JSON.stringify({ nodes: [], pad: 'x'.repeat(LIMITS.maxChars - 30) });
      expect(justUnder.length).toBeLessThanOrEqual(LIMITS.maxChars);
      expect(restore(justUnder).ok).toBe(true);
    });

    it('survives deep nesting within the size limit', () => {
      const depth = 150_000;
      const deepObject = `{"nodes":[],"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
      expect(deepObject.length).toBeLessThan(LIMITS.maxChars);
      expect(restore(deepObject).ok).toBe(true);
      const deepParams = `{"nodes":[{"id":"a","kind":"server","params":{"workers":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`;
      expect(messages(restore(deepParams))).toEqual(["Node 'a': workers must be a number, got a list."]);
      expectProblemsOnly(restore('['.repeat(400_000) + ']'.repeat(400_000)));
    });

    it('lists at most 50 problems, then says how many more', () => {
      const nodes = Array.from({ length: 200 }, (_, i) => server(`n${i}`, { params: { workers: 0 } }));
      const all = messages(restore({ nodes }));
      expect(all).toHaveLength(51);
      expect(all[50]).toBe('…and 150 more problems.');
    });

    it('reads text that starts with a byte order mark', () => {
      expect(restore('\ufeff{"nodes":[]}').ok).toBe(true);
    });

    it('refuses too many nodes with a message', () => {
      const nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => server(`n${i}`));
      expect(messages(restore({ nodes }))).toEqual(['This is not an Archsim design: nodes has more than 1000 entries.']);
    });

    it('says what is wrong with JSON that is not a design', () => {
      expect(messages(restore('{"nodes": ['))).toEqual(['This is not a design file: it is not valid JSON.']);
      expect(messages(restore('[1,2]'))).toEqual(['This is not an Archsim design: expected a JSON object with nodes and edges.']);
      expect(messages(restore('{"hello":"world"}'))).toEqual(['This is not an Archsim design: nodes is missing.']);
      expect(messages(restore('{"nodes":{}}'))).toEqual(['This is not an Archsim design: nodes must be a list, got an object.']);
      expect(messages(restore({ nodes: [{ id: 7, kind: 'server' }] }))).toEqual(['Node #1 is malformed: id must be text, got 7.']);
      expect(messages(restore({ nodes: [{ id: ' ', kind: 'server' }] }))).toEqual(['Node #1 is malformed: id is empty.']);
      expect(messages(restore({ nodes: [{ id: 'a', kind: 'server' }], faults: [{ atS: 1, action: 'explode', target: 'a' }] }))).toEqual([
        `Scheduled fault #1 is malformed: action must be one of ${FAULT_ACTIONS.join(', ')}, got "explode".`,
      ]);
    });
  });

  describe('edges and faults', () => {
    it('gives an id-less edge a fresh id that no other edge states', () => {
      const design = restored({
        nodes: [server('a'), server('b'), server('c')],
        edges: [{ source: 'a', target: 'b' }, { id: 'e1', source: 'a', target: 'c' }],
      });
      expect(design.edges.map((e) => e.id)).toEqual(['e2', 'e1']);
    });

    it('still refuses two edges stating the same id', () => {
      const result = restore({
        nodes: [server('a'), server('b'), server('c')],
        edges: [{ id: 'x', source: 'a', target: 'b' }, { id: 'x', source: 'a', target: 'c' }],
      });
      expect(messages(result)).toEqual(["Two edges share the id 'x'."]);
    });

    it('requires node faults to target nodes and edge faults to target edges', () => {
      const base = { nodes: [server('a'), server('b')], edges: [{ id: 'ab', source: 'a', target: 'b' }] };
      expect(messages(restore({ ...base, faults: [{ atS: 1, action: 'kill', target: 'ab' }] }))).toEqual([
        "Scheduled fault #1 (kill) must target a node, but 'ab' is an edge.",
      ]);
      expect(messages(restore({ ...base, faults: [{ atS: 1, action: 'cut', target: 'a' }] }))).toEqual([
        "Scheduled fault #1 (cut) must target an edge, but 'a' is a node.",
      ]);
      expect(
        restored({ ...base, faults: [{ atS: 2, action: 'cut', target: 'ab' }, { atS: 1, action: 'slow', target: 'b', factor: 3 }] }).faults,
      ).toEqual([
        { atS: 1, action: 'slow', target: 'b', factor: 3 },
        { atS: 2, action: 'cut', target: 'ab' },
      ]);
    });
  });
});

describe('scheduled faults that partition a database', () => {
  const doc = (target: string) => ({
    nodes: [
      { id: 'users', kind: 'client' },
      { id: 'db', kind: 'database', params: { replicas: 2 } },
      { id: 'app', kind: 'server' },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'db' }],
    faults: [
      { atS: 10, action: 'cut', target, durationS: 5 },
      { atS: 20, action: 'heal', target },
    ],
  });

  it('accepts cut and heal on a database node (primary ↔ replicas) and on an edge', () => {
    for (const target of ['db', 'e1']) {
      const result = restore(doc(target));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.design.faults.map((f) => f.target)).toEqual([target, target]);
    }
  });

  it('refuses cut on a node that is not a database', () => {
    const result = restore(doc('app'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/must target an edge, but 'app' is a node/);
  });
});

describe('runnable: restore, then the graph checks', () => {
  const node = (id: string, kind: string) => ({ id, kind, position: { x: 0, y: 0 } });
  it('gives restore’s problems first, then the graph’s, else the design', () => {
    expect(runnable('{not json')).toEqual({ ok: false, problems: [expect.objectContaining({ message: expect.stringMatching(/JSON/i) })] });
    const unwired = runnable({ version: 1, nodes: [node('users', 'client')], edges: [] });
    expect(unwired.ok).toBe(false);
    if (!unwired.ok) expect(unwired.problems.map((p) => p.message).join(' ')).toMatch(/no outgoing edge/);
    const wired = runnable({ version: 1, nodes: [node('users', 'client'), node('app', 'server')], edges: [{ id: 'e1', source: 'users', target: 'app' }] });
    expect(wired.ok && wired.design.nodes.map((n) => n.id)).toEqual(['users', 'app']);
  });
});

