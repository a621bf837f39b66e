import { describe, expect, it } from 'vitest';
import { restored } from '../engine/testSupport';
import defaultDesign from '../../examples/default.json';
import { designFromHash, encodeDesign } from '../share/link';
import { createDesignStore } from './design';
import { actionsFor, describeAction, faultProblem, targetOf } from './faults';

const design = () => restored(defaultDesign);

describe('which faults apply where', () => {
  it('offers each kind only the faults that do something to it', () => {
    const d = design();
    expect(actionsFor(targetOf(d, 'users')!)).toEqual(['spike']);
    expect(actionsFor(targetOf(d, 'app-1')!)).toEqual(['kill', 'revive', 'slow']);
    expect(actionsFor(targetOf(d, 'lb')!)).toEqual(['kill', 'revive']);
    expect(actionsFor(targetOf(d, 'cache')!)).toEqual(['kill', 'revive', 'slow', 'flush']);
    expect(actionsFor({ type: 'node', id: 'db', kind: 'database', replicas: 1 })).toEqual(['kill', 'revive', 'slow', 'cut', 'heal']);
    expect(actionsFor({ type: 'node', id: 'db', kind: 'database', replicas: 0 })).toEqual(['kill', 'revive', 'slow']);
    expect(actionsFor(targetOf(d, d.edges[0].id)!)).toEqual(['addLatency', 'cut', 'heal']);
  });
  it('names actions the way a person says them', () => {
    expect(describeAction({ action: 'slow', factor: 3 })).toBe('Slow ×3');
    expect(describeAction({ action: 'addLatency', latencyMs: 200 })).toBe('Add latency +200 ms');
    expect(describeAction({ action: 'cut' }, { type: 'node', id: 'db', kind: 'database', replicas: 2 })).toBe('Partition replicas');
  });
  it('refuses node actions on edges and edge actions on nodes, through the model', () => {
    const d = design();
    expect(faultProblem(d, { atS: 1, action: 'kill', target: 'app-1' })).toBeNull();
    expect(faultProblem(d, { atS: 1, action: 'cut', target: 'app-1' })).toMatch(/Cut does not apply to a server/);
    expect(faultProblem(d, { atS: 1, action: 'kill', target: d.edges[0].id })).toMatch(/Kill does not apply to a connection/);
    expect(faultProblem(d, { atS: -1, action: 'kill', target: 'app-1' })).toBe('When must be at least 0, got -1.');
    expect(faultProblem(d, { atS: 1, action: 'slow', target: 'app-1', factor: 5000 })).toBe('The factor must be at most 1000, got 5000.');
    expect(faultProblem(d, { atS: 1, action: 'kill', target: 'nobody' })).toMatch(/no node or connection 'nobody'/);
  });
});

describe('scheduled faults in the design store', () => {
  it('adds in time order, edits, deletes, each one undo step', () => {
    const store = createDesignStore(design());
    const s = () => store.getState();
    expect(s().addFault({ atS: 20, action: 'kill', target: 'app-1', durationS: 5 })).toBeNull();
    expect(s().addFault({ atS: 10, action: 'slow', target: 'app-2', factor: 4 })).toBeNull();
    expect(s().design.faults.map((f) => f.atS)).toEqual([10, 20]);
    expect(s().updateFault(0, { atS: 30, action: 'slow', target: 'app-2', factor: 2 })).toBeNull();
    expect(s().design.faults).toEqual([
      { atS: 20, action: 'kill', target: 'app-1', durationS: 5 },
      { atS: 30, action: 'slow', target: 'app-2', factor: 2 },
    ]);
    s().removeFault(0);
    expect(s().design.faults).toHaveLength(1);
    store.temporal.getState().undo();
    expect(s().design.faults).toHaveLength(2);
    store.temporal.getState().undo();
    expect(s().design.faults.map((f) => f.atS)).toEqual([10, 20]);
  });
  it('refuses a bad fault and leaves the design alone', () => {
    const store = createDesignStore(design());
    const before = store.getState().design;
    expect(store.getState().addFault({ atS: 5, action: 'flush', target: 'app-1' })).toMatch(/Flush cache does not apply/);
    expect(store.getState().addFault({ atS: Number.NaN, action: 'kill', target: 'app-1' })).toMatch(/^When /);
    expect(store.getState().design).toBe(before);
  });
  it('keeps only the fields an action uses', () => {
    const store = createDesignStore(design());
    store.getState().addFault({ atS: 1, action: 'kill', target: 'app-1', factor: 9, latencyMs: 3 });
    store.getState().addFault({ atS: 2, action: 'flush', target: 'cache', durationS: 4 });
    expect(store.getState().design.faults).toEqual([
      { atS: 1, action: 'kill', target: 'app-1' },
      { atS: 2, action: 'flush', target: 'cache' },
    ]);
  });
  it('travels in a share link', () => {
    const store = createDesignStore(design());
    store.getState().addFault({ atS: 12, action: 'addLatency', target: store.getState().design.edges[0].id, latencyMs: 250, durationS: 3 });
    const decoded = designFromHash(`#${encodeDesign(store.getState().design)}`);
    expect(decoded?.ok && decoded.design.faults).toEqual(store.getState().design.faults);
  });
  it('checks run settings', () => {
    const store = createDesignStore(design());
    expect(store.getState().setRunSettings({ durationS: 0 })).toMatch(/duration/);
    expect(store.getState().setRunSettings({ warmupS: -1 })).toMatch(/warm-up/);
    expect(store.getState().setRunSettings({ durationS: 30, warmupS: 2 })).toBeNull();
    expect(store.getState().design.run).toEqual({ durationS: 30, warmupS: 2 });
  });
});
