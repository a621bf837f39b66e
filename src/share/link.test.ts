import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { designArb } from '../model/arbitrary';
import { restore, type RestoreResult } from '../model/restore';
import type { Design } from '../model/types';
import { crc32, fromBase64Url, toBase64Url } from './bytes';
import { DAMAGED_LINK_MESSAGE, designFromHash, encodeDesign, isDesignHash, linkFor } from './link';
import { LINK_DICTIONARY_D1 } from './linkDictionary';
import { largeDesign, realisticDesign } from './sampleDesigns';

function restored(design: unknown): Design {
  const result = restore(design);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

/** What a link keeps of a design: everything, with positions rounded to whole pixels. */
function asLinked(design: Design): Design {
  const copy = structuredClone(design);
  for (const node of copy.nodes) node.position = { x: Math.round(node.position.x) + 0, y: Math.round(node.position.y) + 0 };
  return copy;
}

function opened(hash: string): Design {
  const result = designFromHash(hash);
  if (!result?.ok) throw new Error(result ? result.problems.map((p) => p.message).join('\n') : 'no design in hash');
  return result.design;
}

function expectProblemsOnly(result: RestoreResult | null): void {
  if (result === null) return;
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(typeof problem.message).toBe('string');
  }
}

/** A payload in the link format around arbitrary bytes, as a forger would build it. */
function forge(json: string): string {
  const bytes = strToU8(json);
  const deflated = deflateSync(bytes, { level: 9, dictionary: LINK_DICTIONARY_D1 });
  const payload = new Uint8Array(4 + deflated.length);
  new DataView(payload.buffer).setUint32(0, crc32(bytes));
  payload.set(deflated, 4);
  return `#d1.${toBase64Url(payload)}`;
}

describe('share links', () => {
  it('fit a realistic 30-node design in under 2,000 characters', () => {
    const design = realisticDesign();
    expect(design.nodes).toHaveLength(30);
    const url = linkFor(design, 'https://archsim.example/');
    const fragment = url.slice(url.indexOf('#'));
    console.log(`link for a ${design.nodes.length}-node, ${design.edges.length}-edge design: ${fragment.length} characters in the fragment, ${url.length} in the whole URL`);
    for (const servers of [50, 100, 300]) {
      const big = largeDesign(servers);
      console.log(`link for a ${big.nodes.length}-node design: ${encodeDesign(big).length + 1} characters`);
    }
    expect(url.length).toBeLessThan(2000);
    expect(opened(fragment)).toEqual(asLinked(design));
  });

  it('carry everything that decides the numbers: seed, run settings, faults, params, labels, positions', () => {
    const design = realisticDesign();
    const back = opened(encodeDesign(design));
    expect(back.seed).toBe(20240611);
    expect(back.run).toEqual({ durationS: 120, warmupS: 5 });
    expect(back.faults).toEqual(design.faults);
    expect(back.nodes.find((n) => n.id === 'app-3')).toEqual(asLinked(design).nodes.find((n) => n.id === 'app-3'));
    expect(back.name).toBe(design.name);
  });

  it('carry the practice scenario a design is an attempt at, and nothing when it is none', () => {
    const design = realisticDesign();
    expect(opened(encodeDesign({ ...design, practice: 'scale-out' })).practice).toBe('scale-out');
    expect('practice' in opened(encodeDesign(design))).toBe(false);
  });

  it('survive encode → decode unchanged for random valid designs', () => {
    fc.assert(
      fc.property(designArb({ integerPositions: true }), (generated) => {
        const design = restored(generated);
        expect(opened(encodeDesign(design))).toEqual(design);
      }),
      { numRuns: 300 },
    );
  });

  it('round positions to whole pixels and keep everything else exactly', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 6 }), (generated) => {
        const design = restored(generated);
        expect(opened(encodeDesign(design))).toEqual(asLinked(design));
      }),
      { numRuns: 100 },
    );
  });

  it('replace the fragment of the base URL and keep its path and query', () => {
    const design = realisticDesign();
    const url = linkFor(design, 'https://archsim.example/app/?compare=1#d1.oldstuff');
    expect(url.startsWith('https://archsim.example/app/?compare=1#d1.')).toBe(true);
    expect(url).not.toContain('oldstuff');
    expect(url.split('#')).toHaveLength(2);
  });

  it('use only URL-safe characters', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 5 }), (generated) => {
        expect(encodeDesign(restored(generated))).toMatch(/^d1\.[A-Za-z0-9_-]+$/);
      }),
      { numRuns: 50 },
    );
  });

  it('leave fragments that are not design links alone', () => {
    expect(designFromHash('')).toBeNull();
    expect(designFromHash('#')).toBeNull();
    expect(designFromHash('#pricing')).toBeNull();
    expect(isDesignHash('#pricing')).toBe(false);
    expect(isDesignHash('#d1.abc')).toBe(true);
    // Read with or without the '#', and despite whitespace picked up when copying.
    const fragment = encodeDesign(realisticDesign());
    expect(opened(fragment)).toEqual(asLinked(realisticDesign()));
    expect(opened(`  #${fragment}\n`)).toEqual(asLinked(realisticDesign()));
  });

  it('report a truncated link as damaged, at every length', () => {
    const fragment = `#${encodeDesign(realisticDesign())}`;
    const prefix = '#d1.'.length;
    for (let cut = prefix; cut < fragment.length; cut++) {
      const result = designFromHash(fragment.slice(0, cut));
      expect(result?.ok, `cut at ${cut}`).toBe(false);
      if (result && !result.ok) expect(result.problems[0].message).toBe(DAMAGED_LINK_MESSAGE);
    }
  });

  it('report any single changed character as damaged, never as a different design', () => {
    const fragment = `#${encodeDesign(realisticDesign())}`;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.integer({ min: 4, max: fragment.length - 1 }), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(fragment[at] !== char);
        const changed = fragment.slice(0, at) + char + fragment.slice(at + 1);
        const result = designFromHash(changed);
        // Some bits change nothing: base64url padding at the end, and DEFLATE bits an inflater
        // never reads (an exhaustive scan of this link finds about 50 such single-character
        // edits, all decoding to the same bytes). What must never happen is a different design.
        if (result?.ok) {
          expect(result.design).toEqual(asLinked(realisticDesign()));
        } else {
          expect(result?.problems[0].message).toBe(DAMAGED_LINK_MESSAGE);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reject characters outside base64url as damaged', () => {
    const fragment = `#${encodeDesign(realisticDesign())}`;
    for (const junk of ['+', '/', '=', '%20', ' ', '!', 'é', '😀']) {
      const result = designFromHash(fragment.slice(0, 40) + junk + fragment.slice(40));
      expect(result?.ok).toBe(false);
      if (result && !result.ok) expect(result.problems[0].message).toBe(DAMAGED_LINK_MESSAGE);
    }
  });

  it('say when a link comes from a newer version', () => {
    const result = designFromHash(`#d2.${encodeDesign(realisticDesign()).slice(3)}`);
    expect(result).toEqual({ ok: false, problems: [{ message: expect.stringMatching(/newer version of Archsim/) }] });
  });

  it('never throw on random strings, and only ever return problems', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        expectProblemsOnly(designFromHash(text));
        expectProblemsOnly(designFromHash(`#d1.${text}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throw on random bytes as a link payload, and only ever return problems', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectProblemsOnly(designFromHash(`#d1.${toBase64Url(bytes)}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('pass a well-formed link with bad content through restore() and its messages', () => {
    expect(designFromHash(forge('not json'))).toEqual({
      ok: false,
      problems: [{ message: 'This is not a design file: it is not valid JSON.' }],
    });
    const result = designFromHash(forge('{"version":1,"nodes":[{"id":"a","kind":"server","params":{"workers":-3}}]}'));
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.problems[0].message).toMatch(/workers must be at least 1/);
  });

  it('refuse a zip bomb without inflating it', () => {
    // 50 MB of spaces compresses to about 50 kB; the decoder must stop at the 1 MB cap.
    const bomb = new Uint8Array(50_000_000).fill(32);
    const deflated = deflateSync(bomb, { level: 9, dictionary: LINK_DICTIONARY_D1 });
    const payload = new Uint8Array(4 + deflated.length);
    payload.set(deflated, 4);
    const before = process.memoryUsage().arrayBuffers;
    const result = designFromHash(`#d1.${toBase64Url(payload)}`);
    expect(result).toEqual({ ok: false, problems: [{ message: expect.stringMatching(/larger than 1 MB/) }] });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20_000_000);
  });

  it('refuse an over-long fragment before decoding it', () => {
    const result = designFromHash(`#d1.${'A'.repeat(1_000_004)}`);
    expect(result).toEqual({ ok: false, problems: [{ message: expect.stringMatching(/too large/) }] });
  });

  it('keep the d1 dictionary frozen: every link ever shared depends on it', () => {
    expect(LINK_DICTIONARY_D1.length).toBe(1863);
    expect(crc32(LINK_DICTIONARY_D1).toString(16)).toBe('1ef8cdb4');
  });
});

describe('base64url and crc32', () => {
  it('round-trip any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('match the RFC 4648 test vectors and the standard CRC-32', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) expect(toBase64Url(strToU8(plain))).toBe(encoded);
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64Url('Zm9v!')).toBeNull();
    expect(fromBase64Url('Zm9vY')).toBeNull();
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});
