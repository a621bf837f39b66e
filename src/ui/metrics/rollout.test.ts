import { describe, expect, it } from 'vitest';
import { begin, releaseNext, rollingOut, settled, shownBy, type Rollout } from './rollout';

const shown = (r: Rollout<string>, charts: number) => Array.from({ length: charts }, (_, slot) => shownBy(r, slot));

describe('rolling new data out to the charts', () => {
  it('reaches the charts one at a time, in order, the first at once', () => {
    let r = begin(settled('a', 4), 'b', 4);
    const seen = [shown(r, 4)];
    while (rollingOut(r, 4)) seen.push(shown((r = releaseNext(r)), 4));
    expect(seen).toEqual([
      ['b', 'a', 'a', 'a'],
      ['b', 'b', 'a', 'a'],
      ['b', 'b', 'b', 'a'],
      ['b', 'b', 'b', 'b'],
    ]);
  });

  it('holds data that arrives mid-rollout until the rollout is over, so no chart runs ahead of the one before it', () => {
    let r = begin(settled('a', 4), 'b', 4);
    r = releaseNext(r);
    expect(begin(r, 'c', 4)).toBe(r);
    r = releaseNext(releaseNext(r));
    expect(shown(r, 4)).toEqual(['b', 'b', 'b', 'b']);
    r = begin(r, 'c', 4);
    expect(shown(r, 4)).toEqual(['c', 'b', 'b', 'b']);
  });

  it('starts nothing for data already shown, and finishes a rollout for a chart that appears mid-way', () => {
    const r = settled('a', 4);
    expect(begin(r, 'a', 4)).toBe(r);
    // A queue's chart appears (four charts become five) while `b` is being rolled out.
    let five = releaseNext(releaseNext(releaseNext(begin(r, 'b', 4))));
    expect(rollingOut(five, 4)).toBe(false);
    expect(rollingOut(five, 5)).toBe(true);
    five = releaseNext(five);
    expect(shown(five, 5)).toEqual(['b', 'b', 'b', 'b', 'b']);
  });
});
