import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET } from '../../capacity/types';
import type { CapacityComparison, VariantCapacityResult } from '../../compare/capacity';
import type { RowsCapacityJob } from '../../store/compare';
import { limitPhrase } from '../../capacity/verdict';
import { capacityNote, carriesByValue } from './carries';

const SATURATED = 'Slow server is saturated: busy 94 % of the time, and requests wait longer for a worker than they take to serve (6.6 waiting on average).';

function carried(value: string, perSecond: number | null, atLeast = false): VariantCapacityResult {
  return { value, ok: true, carriedPerSecond: perSecond, atLeast, limit: { nodeId: 'slow', text: SATURATED }, runs: 8 };
}

function done(variants: VariantCapacityResult[], target = DEFAULT_TARGET): RowsCapacityJob {
  const result: CapacityComparison = { subject: { target: 'lb', key: 'algorithm' }, target, run: { durationS: 60, warmupS: 5, seed: 1 }, variants, wallMs: 3260 };
  return { status: 'done', result };
}

describe('each row’s capacity', () => {
  it('while searching: the rows finished, the one under way, and those still to come', () => {
    const job: RowsCapacityJob = { status: 'running', target: DEFAULT_TARGET, values: ['a', 'b', 'c'], variants: [carried('a', 452.8)] };
    expect([...carriesByValue(job)!.entries()]).toEqual([
      ['a', { state: 'carries', load: '453 req/s', most: false, limit: { nodeId: 'slow', text: SATURATED } }],
      ['b', { state: 'searching' }],
      ['c', { state: 'waiting' }],
    ]);
  });

  it('when done: the most marked (every row that ties), at least, missed and refused values in words', () => {
    const cells = carriesByValue(
      done([carried('a', 910), carried('b', 452.8), carried('c', 910), carried('d', 600.4, true), carried('e', null), { value: 'f', ok: false, problem: 'No traffic.' }]),
    )!;
    expect([...cells.values()].map((c) => (c.state === 'carries' ? `${c.load}${c.most ? ' (most)' : ''}` : c))).toEqual([
      '910 req/s (most)',
      '453 req/s',
      '910 req/s (most)',
      'at least 600 req/s',
      'misses at every load',
      { state: 'problem', problem: 'No traffic.' },
    ]);
  });

  it('marks no row when only one was searched, or none carries anything', () => {
    const most = (job: RowsCapacityJob) => [...carriesByValue(job)!.values()].some((c) => c.state === 'carries' && c.most);
    expect(most(done([carried('a', 910), { value: 'b', ok: false, problem: 'No traffic.' }]))).toBe(false);
    expect(most(done([carried('a', null), carried('b', null)]))).toBe(false);
    expect(most(done([carried('a', 910), carried('b', null)]))).toBe(true);
  });

  it('has no column before a search or after one failed', () => {
    expect(carriesByValue({ status: 'idle' })).toBeNull();
    expect(carriesByValue({ status: 'failed', message: 'The worker crashed.' })).toBeNull();
  });

  it('says what gives first by the finding’s first clause', () => {
    expect(limitPhrase(SATURATED)).toBe('Slow server is saturated');
    expect(limitPhrase('App is the busiest node, busy 94 % of the time.')).toBe('App is the busiest node, busy 94 % of the time');
    expect(limitPhrase('Db turned away 1,204 requests (3.5 % of what reached it).')).toBe('Db turned away 1,204 requests (3.5 % of what reached it)');
  });

  it('says what the button does, how far the search has got, and what it found against which target', () => {
    expect(capacityNote({ status: 'idle' }, DEFAULT_TARGET, false)).toBe(
      'A capacity search per row: the most traffic each value carries within the Capacity tab’s target, p99 ≤ 200 ms, errors ≤ 0.1 %.',
    );
    const running = (finished: number): RowsCapacityJob => ({
      status: 'running',
      target: DEFAULT_TARGET,
      values: ['a', 'b'],
      variants: [carried('a', 1), carried('b', 2)].slice(0, finished),
    });
    expect(capacityNote(running(0), DEFAULT_TARGET, true)).toBe('Searching row 1 of 2 for the most traffic it carries within p99 ≤ 200 ms, errors ≤ 0.1 %, queue wait ≤ 1 s …');
    expect(capacityNote(running(2), DEFAULT_TARGET, false)).toMatch(/^Searching row 2 of 2 /);
    const job = done([carried('a', 910), carried('b', null)]);
    expect(capacityNote(job, DEFAULT_TARGET, false)).toBe('Carries: the most traffic each row carries within p99 ≤ 200 ms, errors ≤ 0.1 %; 16 runs in 3.3 s.');
    expect(capacityNote(job, { ...DEFAULT_TARGET, p99Ms: 100 }, false)).toMatch(/; 16 runs in 3\.3 s\. The Capacity tab’s target is now p99 ≤ 100 ms, errors ≤ 0\.1 %\.$/);
    // A queue wait the design has no queue for is no change.
    expect(capacityNote(job, { ...DEFAULT_TARGET, queueLagMs: 5000 }, false)).toMatch(/in 3\.3 s\.$/);
  });
});
