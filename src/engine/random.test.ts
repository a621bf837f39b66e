/** The random streams against published reference outputs. */
import { describe, expect, it } from 'vitest';
import { RandomStream } from './random';

/** The first ten outputs from the state 1, 2, 3, 4, as in the rand_xoshiro crate's tests of Blackman and Vigna's reference implementation. */
const REFERENCE = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];

function referenceStream(): RandomStream {
  const rng = new RandomStream(0, 'reference');
  Object.assign(rng, { a: 1, b: 2, c: 3, d: 4 });
  return rng;
}

describe('random streams', () => {
  it('xoshiro128** gives the reference outputs for state (1, 2, 3, 4)', () => {
    const rng = referenceStream();
    expect(Array.from({ length: REFERENCE.length }, () => rng.uint32())).toEqual(REFERENCE);
  });

  it('int32 gives the same bits, signed, and next() the unsigned value over 2^32', () => {
    // The last four reference outputs are above 2^31: as int32 they are negative.
    const signed = referenceStream();
    expect(Array.from({ length: REFERENCE.length }, () => signed.int32())).toEqual(REFERENCE.map((x) => x | 0));
    const uniform = referenceStream();
    expect(Array.from({ length: REFERENCE.length }, () => uniform.next())).toEqual(REFERENCE.map((x) => x / 2 ** 32));
  });
});
