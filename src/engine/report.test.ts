import { describe, expect, it } from 'vitest';
import { restore } from '../model';
import { snapshot } from './report';
import { Simulation } from './simulation';
import { designOf } from './testSupport';

/** One node of each way of handling a call: with work of its own, or passing it straight on. */
const mixed = designOf(
  [
    { id: 'users', kind: 'client', params: { ratePerSecond: 200 } },
    { id: 'lb', kind: 'loadBalancer' },
    { id: 'app', kind: 'server', params: { serviceTimeMs: 2 } },
    { id: 'tokens', kind: 'rateLimiter', params: { algorithm: 'tokenBucket', ratePerSecond: 500, burst: 20 } },
    { id: 'leaky', kind: 'rateLimiter', params: { algorithm: 'leakyBucket', ratePerSecond: 500, burst: 20 } },
    { id: 'db', kind: 'database' },
  ],
  [
    { from: 'users', to: 'lb' },
    { from: 'lb', to: 'app' },
    { from: 'app', to: 'tokens' },
    { from: 'tokens', to: 'leaky' },
    { from: 'leaky', to: 'db' },
  ],
);

const ownWork = (sim: Simulation) => Object.fromEntries(snapshot(sim, 0).nodes.map((n) => [n.id, n.ownWork]));

describe('snapshot', () => {
  it('says which nodes do work of their own, so the UI shows utilisation only where it means something', () => {
    const sim = new Simulation(mixed);
    sim.runUntil(2000);
    expect(ownWork(sim)).toEqual({ users: false, lb: false, app: true, tokens: false, leaky: true, db: true });
    // A pass-through node's utilisation is 0 however busy the design: it says nothing.
    const lb = snapshot(sim, 0).nodes.find((n) => n.id === 'lb')!;
    expect(lb.arrivals).toBeGreaterThan(0);
    expect(lb.utilization).toBe(0);
  });

  it('follows a live edit that gives a balancer a processing time of its own', () => {
    const sim = new Simulation(mixed);
    sim.runUntil(1000);
    const edited = restore({ ...mixed, nodes: mixed.nodes.map((n) => (n.id === 'lb' ? { ...n, params: { ...n.params, serviceTimeMs: 0.5 } } : n)) });
    if (!edited.ok) throw new Error('edited design is invalid');
    sim.setNodeParams('lb', edited.design.nodes[1].params);
    sim.runUntil(3000);
    expect(ownWork(sim).lb).toBe(true);
    expect(snapshot(sim, 0).nodes[1].utilization).toBeGreaterThan(0);
  });
});
