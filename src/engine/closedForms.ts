/**
 * Queueing theory's closed forms, computed from the textbook formulas, never from the engine:
 * the tests check the engine against them, and the inspector sets them beside what a node measured.
 */

/** Erlang C: the probability an arrival waits at an M/M/c queue with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  // a^k / k! built up term by term, so large c neither overflows nor loses precision.
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

/** Mean response time (wait plus service) at an M/M/c queue: C(c, λ/μ) ÷ (cμ − λ) + 1/μ. */
export function mmcMeanResponse(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
}
