/**
 * Service-time distributions, parameterised by mean (and CV for the lognormal), drawn from
 * uniforms the caller supplies so the station decides where its randomness comes from.
 */
import type { ServiceDistribution } from '../model/params';

export const Dist = { Exponential: 0, Constant: 1, Lognormal: 2 } as const;
export type Dist = (typeof Dist)[keyof typeof Dist];

export function distCode(name: ServiceDistribution): Dist {
  return name === 'constant' ? Dist.Constant : name === 'lognormal' ? Dist.Lognormal : Dist.Exponential;
}

/** σ of the underlying normal for a lognormal with coefficient of variation cv. */
export function lognormalSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

/**
 * One draw with the given mean. u1 and u2 are independent uniforms in [0, 1); only the
 * lognormal uses u2 (Box–Muller). A lognormal with mean m has μ = ln m − σ²/2.
 */
export function sampleService(dist: Dist, mean: number, sigma: number, u1: number, u2: number): number {
  return dist === Dist.Exponential ? -mean * Math.log(1 - u1) : sampleShaped(dist, mean, sigma, u1, u2);
}

/** sampleService's other distributions, apart so the exponential stays small enough to inline. */
function sampleShaped(dist: Dist, mean: number, sigma: number, u1: number, u2: number): number {
  if (dist === Dist.Constant || sigma === 0) return mean;
  const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  return mean * Math.exp(sigma * z - 0.5 * sigma * sigma);
}

/**
 * Zipf over ranks 1…n with P(k) ∝ k^−s, by rejection-inversion (Hörmann & Derflinger 1996,
 * as in Apache Commons RNG): O(1) per draw and no table, so a keyspace of 10⁸ costs nothing.
 */
export class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly squeeze: number;

  constructor(
    private readonly n: number,
    private readonly s: number,
  ) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in 1…n; `uniform` supplies fresh uniforms in [0, 1). */
  sample(uniform: () => number): number {
    for (;;) {
      const u = this.hIntegralN + uniform() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }
}

/** log(1 + x) / x, accurate near 0. */
function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (e^x − 1) / x, accurate near 0. */
function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}
