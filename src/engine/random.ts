/**
 * Seeded randomness. Each purpose (arrivals, keys, demand, routing, faults) draws from its
 * own stream, derived from the design seed and a label, so changing how one part consumes
 * numbers never shifts another part's numbers: two runs that differ only in the balancer's
 * algorithm see the same requests with the same demands (common random numbers).
 */

// 2^32 is written as the literal 4294967296 below: a module constant costs a load and a type
// check per use in optimised code, and these run once or twice per event.

/** Murmur3's 32-bit finaliser: a fast, well-mixed bijection on 32-bit integers. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** FNV-1a over a string, finished with mix32; used to name streams and place ring points. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/**
 * A uniform in [0, 1) that is a pure function of (key, counter): counter-based randomness for
 * per-request service demands, so a request's k-th service draw is the same whichever server
 * it lands on and whatever happened before it.
 */
export function hashUniform(key: number, counter: number): number {
  return mix32(mix32(key ^ Math.imul(counter + 1, 0x9e3779b9)) + counter) / 4294967296;
}

/** xoshiro128**: small state, 32-bit arithmetic only, excellent statistical quality. */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label: string) {
    // SplitMix32 expands (seed, label) into a non-zero 128-bit state.
    let s = (mix32(seed >>> 0) ^ hashString(label)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      return mix32(s);
    };
    // | 0 keeps the bits as an int32, as int32() leaves them: the state is always small
    // integers, so code optimised for one stream is not thrown away for the next.
    this.a = next() | 0;
    this.b = next() | 0;
    this.c = next() | 0;
    this.d = next() | 1;
  }

  /**
   * The next 32 random bits as a signed integer. V8 passes an int32 out of a call as a small
   * integer; an unsigned value above 2^31 would be boxed in a new heap number, which a call
   * that is not inlined (the arrival path has two) did for every other draw.
   */
  int32(): number {
    // Each field read once and written once: a smaller body leaves more of V8's inlining budget
    // for the rest of the arrival path.
    const a = this.a;
    const b = this.b;
    const c = this.c ^ a;
    const d = this.d ^ b;
    this.a = a ^ d;
    this.b = b ^ c;
    this.c = c ^ (b << 9);
    this.d = rotl(d, 11);
    return Math.imul(rotl(Math.imul(b, 5), 7), 9);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.int32() >>> 0) / 4294967296;
  }

  /** Exponential with the given mean; 1 − u lies in (0, 1], so the log is finite. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
