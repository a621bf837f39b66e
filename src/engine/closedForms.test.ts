import { describe, expect, it } from 'vitest';
import { erlangC, mmcMeanResponse } from './closedForms';

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('the closed forms tests check the engine against', () => {
  it('Erlang C: one server is M/M/1 (waits with probability ρ), two at a = 1 wait a third of the time, and the textbook sum agrees', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    for (const [c, a] of [[4, 3.2], [12, 10], [16, 9]]) {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
      const top = (a ** c / factorial(c)) * (c / (c - a));
      expect(erlangC(c, a)).toBeCloseTo(top / (sum + top), 12);
    }
  });

  it('M/M/c response time: M/M/1 is 1 / (μ − λ)', () => {
    expect(mmcMeanResponse(1, 0.7, 1)).toBeCloseTo(1 / 0.3, 12);
  });
});
