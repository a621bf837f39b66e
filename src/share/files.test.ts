import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArb } from '../model/arbitrary';
import { NODE_PARAM_SPECS } from '../model/params';
import { restore } from '../model/restore';
import type { Design } from '../model/types';
import { designToJson, fileNameFor, readDesignFile } from './files';
import { realisticDesign } from './sampleDesigns';

function restored(input: unknown): Design {
  const result = restore(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

async function read(input: string | Blob): Promise<Design> {
  const result = await readDesignFile(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

async function problemsOf(input: string | Blob): Promise<string[]> {
  const result = await readDesignFile(input);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

describe('design files', () => {
  it('export the DESIGN.md format: pretty, stable key order, every param spelled out', () => {
    const design = realisticDesign();
    const json = designToJson(design);
    expect(json.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(json);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'name', 'seed', 'run', 'nodes', 'edges', 'faults']);
    expect(doc.format).toBe('archsim.design');
    expect(doc.version).toBe(1);
    expect(Object.keys(doc.nodes[0])).toEqual(['id', 'kind', 'label', 'position', 'params']);
    expect(Object.keys(doc.nodes[0].params)).toEqual(NODE_PARAM_SPECS.client.map((s) => s.key));
    expect(Object.keys(doc.edges[0])).toEqual(['id', 'source', 'target', 'params']);
    expect(json).toContain('\n  "nodes": [\n    {\n      "id": "web-users",');
    // The same design always serialises to the same text.
    expect(designToJson(restored(JSON.parse(json)))).toBe(json);
  });

  it('survive export → import exactly, positions and all', async () => {
    await fc.assert(
      fc.asyncProperty(designArb(), async (generated) => {
        const design = restored(generated);
        expect(await read(designToJson(design))).toEqual(design);
        expect(await read(new File([designToJson(design)], 'design.json', { type: 'application/json' }))).toEqual(design);
      }),
      { numRuns: 100 },
    );
  });

  it('read the example of DESIGN.md', async () => {
    const example = `{
      "format": "archsim.design", "version": 1, "name": "Read-heavy API", "seed": 1,
      "nodes": [
        { "id": "users", "kind": "client", "label": "Users", "position": { "x": 0, "y": 0 },
          "params": { "ratePerSecond": 900, "arrivals": "poisson" } },
        { "id": "app", "kind": "server", "position": { "x": 300, "y": 0 },
          "params": { "workers": 1, "serviceTimeMs": 1, "serviceDistribution": "exponential" } }
      ],
      "edges": [ { "id": "e1", "source": "users", "target": "app", "params": { "latencyMs": 0 } } ]
    }`;
    const design = await read(example);
    expect(design.name).toBe('Read-heavy API');
    expect(design.nodes.map((n) => n.params.ratePerSecond ?? n.params.workers)).toEqual([900, 1]);
  });

  it('say what is wrong with a file that is not a design', async () => {
    expect(await problemsOf('')).toEqual(['This file is empty: there is no design in it.']);
    expect(await problemsOf(new File([], 'empty.json'))).toEqual(['This file is empty: there is no design in it.']);
    expect(await problemsOf('hello')).toEqual(['This is not a design file: it is not valid JSON.']);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await problemsOf(new File([png], 'canvas.png', { type: 'image/png' }))).toEqual([
      'This is not a design file: it is not valid JSON.',
    ]);
    expect(await problemsOf('{"name":"shopping list","items":[1,2]}')).toEqual(['This is not an Archsim design: nodes is missing.']);
    expect(await problemsOf('[]')).toEqual(['This is not an Archsim design: expected a JSON object with nodes and edges.']);
  });

  it('refuse a file over 1 MB without reading it', async () => {
    let read = false;
    const huge = { size: 5_000_000_000, text: async () => ((read = true), '') } as unknown as Blob;
    expect(await problemsOf(huge)).toEqual(['This file is too large to be a design (5000.0 MB; the limit is 1 MB).']);
    expect(read).toBe(false);
  });

  it('report a file that cannot be read instead of throwing', async () => {
    const broken = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    expect(await problemsOf(broken)).toEqual(['Could not read the file: NotReadableError']);
  });

  it('accept a UTF-8 byte order mark', async () => {
    const design = realisticDesign();
    expect(await read(`\ufeff${designToJson(design)}`)).toEqual(design);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(designToJson(design))]);
    expect(await read(new File([withBom], 'bom.json'))).toEqual(design);
  });
});

describe('file names', () => {
  const named = (name: string) => ({ name });

  it('use the design name', () => {
    expect(fileNameFor(named('Read-heavy API'), 'json')).toBe('Read-heavy API.json');
    expect(fileNameFor(named('Café ☕ — v2'), '.png')).toBe('Café ☕ — v2.png');
  });

  it('make any name safe on every operating system', () => {
    expect(fileNameFor(named('a/b\\c:d*e?f"g<h>i|j'), 'json')).toBe('a b c d e f g h i j.json');
    expect(fileNameFor(named('../../etc/passwd'), 'json')).toBe('etc passwd.json');
    expect(fileNameFor(named('  .hidden  '), 'json')).toBe('hidden.json');
    expect(fileNameFor(named('trailing dots...'), 'json')).toBe('trailing dots.json');
    expect(fileNameFor(named('CON'), 'json')).toBe('CON design.json');
    expect(fileNameFor(named('line\nbreak\ttab\u202eevil'), 'json')).toBe('line break tab evil.json');
    expect(fileNameFor(named('///'), 'json')).toBe('archsim-design.json');
    expect(fileNameFor(named(''), 'png')).toBe('archsim-design.png');
    expect(Array.from(fileNameFor(named('😀'.repeat(300)), 'json'))).toHaveLength(85);
  });

  it('never produce an unsafe name from random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const file = fileNameFor(named(name), 'json');
        expect(file).toMatch(/\.json$/);
        expect(file).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
        expect(file).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(file.startsWith('.')).toBe(false);
        expect(file.startsWith(' ')).toBe(false);
        expect(Array.from(file).length).toBeLessThanOrEqual(85);
      }),
      { numRuns: 500 },
    );
  });
});
