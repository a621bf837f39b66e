import { describe, expect, it } from 'vitest';
import { BREAKER_CLOSED, BREAKER_HALF_OPEN, BREAKER_OPEN, Breakers, PROBE } from './breakers';

/** One edge with a breaker: 3 failures within 1 s open it for 2 s; 2 probes close it. */
function breaker(): Breakers {
  const b = new Breakers(['e1']);
  b.configure(0, { breakerFailures: 3, breakerWindowS: 1, breakerOpenS: 2, breakerProbes: 2 });
  return b;
}

describe('circuit breakers', () => {
  it('let everything through on an edge without one', () => {
    const b = new Breakers(['e1']);
    b.configure(0, {});
    expect(b.has(0)).toBe(false);
    for (let t = 0; t < 10; t++) b.record(0, false, 0, t, true);
    expect(b.admit(0, 10, true)).toBe(0);
    expect(b.log).toEqual([]);
  });

  it('open on the threshold-th failure within the window, not on failures spread wider', () => {
    const spread = breaker();
    for (const t of [0, 600, 1200, 1800]) spread.record(0, false, 0, t, true);
    expect(spread.state[0]).toBe(BREAKER_CLOSED);
    const b = breaker();
    b.record(0, false, 0, 0, true);
    b.record(0, true, 0, 100, true); // successes do not reset the count
    b.record(0, false, 0, 500, true);
    expect(b.state[0]).toBe(BREAKER_CLOSED);
    b.record(0, false, 0, 1000, true);
    expect(b.state[0]).toBe(BREAKER_OPEN);
    expect(b.opens[0]).toBe(1);
  });

  it('fail calls fast while open, then let the probes through half-open, and close when they succeed', () => {
    const b = breaker();
    for (const t of [0, 10, 20]) b.record(0, false, 0, t, true);
    expect(b.admit(0, 1000, true)).toBe(-1);
    expect(b.admit(0, 2019, false)).toBe(-1);
    expect(b.rejected[0]).toBe(1); // only while measuring
    expect(b.wouldAdmit(0, 2020)).toBe(true);
    expect(b.admit(0, 2020, true)).toBe(PROBE);
    expect(b.state[0]).toBe(BREAKER_HALF_OPEN);
    expect(b.admit(0, 2021, true)).toBe(PROBE);
    expect(b.wouldAdmit(0, 2022)).toBe(false);
    expect(b.admit(0, 2022, true)).toBe(-1);
    b.record(0, true, PROBE, 2030, true);
    expect(b.state[0]).toBe(BREAKER_HALF_OPEN);
    b.record(0, true, PROBE, 2031, true);
    expect(b.state[0]).toBe(BREAKER_CLOSED);
    expect(b.log.map((l) => [l.tMs, l.state])).toEqual([
      [20, 'open'],
      [2020, 'halfOpen'],
      [2031, 'closed'],
    ]);
  });

  it('open again at a failed probe, for another full open period', () => {
    const b = breaker();
    for (const t of [0, 10, 20]) b.record(0, false, 0, t, true);
    expect(b.admit(0, 2020, true)).toBe(PROBE);
    b.record(0, false, PROBE, 2050, true);
    expect(b.state[0]).toBe(BREAKER_OPEN);
    expect(b.admit(0, 4049, true)).toBe(-1);
    expect(b.admit(0, 4050, true)).toBe(PROBE);
    expect(b.opens[0]).toBe(2);
  });

  it('start afresh, closed, when the threshold changes, and name the worst state of a set', () => {
    const b = new Breakers(['a', 'b', 'c']);
    b.configure(0, { breakerFailures: 1 });
    b.configure(1, { breakerFailures: 1 });
    b.configure(2, {});
    expect(b.worstOf([0, 1, 2])).toBe('closed');
    b.record(1, false, 0, 5, true);
    expect(b.worstOf([0, 1, 2])).toBe('open');
    expect(b.worstOf([0, 2])).toBe('closed');
    expect(b.worstOf([2])).toBeNull();
    b.configure(1, { breakerFailures: 4 });
    expect(b.state[1]).toBe(BREAKER_CLOSED);
  });
});
