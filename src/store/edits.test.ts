import { describe, expect, it } from 'vitest';
import { changedParams, EDITS_CAP, withEdits, type LiveEdit } from './edits';

const edit = (tS: number, to: LiveEdit['to'], from: LiveEdit['from'] = 'roundRobin', key = 'algorithm', target = 'lb'): LiveEdit => ({ tS, target, key, from, to });

describe('live edits kept for the charts', () => {
  it('finds the params that changed, with their old and new values', () => {
    expect(changedParams({ workers: 4, serviceTimeMs: 10, queueCapacity: null }, { workers: 8, serviceTimeMs: 10, queueCapacity: 50 })).toEqual([
      { key: 'workers', from: 4, to: 8 },
      { key: 'queueCapacity', from: null, to: 50 },
    ]);
    expect(changedParams({ algorithm: 'random' }, { algorithm: 'random' })).toEqual([]);
  });

  it('keeps edits at different moments apart, in order', () => {
    const edits = withEdits([edit(5, 'leastConnections')], [edit(9, 'roundRobin', 'leastConnections')]);
    expect(edits.map((e) => [e.tS, e.to])).toEqual([
      [5, 'leastConnections'],
      [9, 'roundRobin'],
    ]);
  });

  it('makes several changes of one param at one moment one edit, from the first value to the last', () => {
    const edits = withEdits([edit(5, 'random')], [edit(5, 'peakEwma', 'random')]);
    expect(edits).toEqual([edit(5, 'peakEwma', 'roundRobin')]);
  });

  it('drops the edit when the param ends where it began', () => {
    expect(withEdits([edit(5, 'random')], [edit(5, 'roundRobin', 'random')])).toEqual([]);
  });

  it('merges only the same param of the same target', () => {
    const other = edit(5, 8, 4, 'workers', 'app');
    expect(withEdits([edit(5, 'random'), other], [edit(5, 16, 8, 'workers', 'app')])).toEqual([edit(5, 'random'), edit(5, 16, 4, 'workers', 'app')]);
    expect(withEdits([edit(5, 'random')], [edit(5, 'random', 'roundRobin', 'algorithm', 'lb2')])).toHaveLength(2);
  });

  it(`keeps the newest ${EDITS_CAP}`, () => {
    const many = Array.from({ length: EDITS_CAP + 5 }, (_, i) => edit(i, i % 2 ? 'random' : 'roundRobin'));
    const kept = withEdits([], many);
    expect(kept).toHaveLength(EDITS_CAP);
    expect(kept[0].tS).toBe(5);
  });
});
