import { describe, expect, it } from 'vitest';
import type { Snapshot, WindowPoint } from '../engine';
import { formatMs, formatRate } from '../ui/format';
import { liveFigures } from './live';

const latency = { mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, p999: 1, max: 1 };

function snap(timeMs: number, completed: number): Snapshot {
  const node = (id: string, kind: 'client' | 'server') => ({
    id, kind, arrivals: completed, completed, failed: 0, dropped: 0, rejected: 0, expired: 0, utilization: 0.5, meanQueueLength: 0,
    latencyMs: { mean: 5, p50: 4, p99: 12.34 }, hitRatio: null, backlog: null, consumerLagMs: null, concurrentMisses: null, degraded: null,
    longestWaitMs: null, staleReads: null,
    breaker: null, state: 'up' as const, downS: 0, slowdown: 1, instances: 1, costPerMonth: 0, busy: 1, queueLength: 0, ownWork: kind !== 'client',
  });
  return {
    timeMs, events: 1, measuring: true,
    endToEnd: { sent: completed, completed, failed: 0, inFlight: 0, timedOut: 0, retries: 0, retriesDenied: 0, throughputPerSecond: 1, latencyMs: latency },
    nodes: [node('users', 'client'), node('app', 'server')],
    edges: [{ id: 'e1', sent: completed, failed: 0, breaker: null, breakerOpens: 0, breakerRejected: 0, cut: false, addedLatencyMs: 0, inFlight: 0 }],
    windows: [], cursor: 0,
  };
}

const windowWith = (rate: number): WindowPoint => ({
  tS: 1, throughput: rate, errorRate: 0, p50: 1, p95: 1, p99: 1,
  utilization: [0, 0.5], queue: [0, 0], nodeRate: [0, rate], nodeP99: [null, 4], edgeRate: [rate], edgeErrors: [0],
});

describe('live figures', () => {
  it('keeps a badge object while what it shows is unchanged, so its node does not re-render', () => {
    const first = liveFigures(snap(1000, 100), null, windowWith(100.01));
    const same = liveFigures(snap(1100, 110), snap(1000, 100), windowWith(100.02), first);
    expect(same.nodes.get('app')).toBe(first.nodes.get('app'));
    expect(same.edges.get('e1')).toBe(first.edges.get('e1'));
    const moved = liveFigures(snap(1200, 120), snap(1100, 110), windowWith(150), same);
    expect(moved.nodes.get('app')).not.toBe(same.nodes.get('app'));
    expect(moved.nodes.get('app')?.ratePerSecond).toBe(150);
    expect(moved.edges.get('e1')?.ratePerSecond).toBe(150);
  });

  it('never yields NaN', () => {
    const figures = liveFigures(snap(0, 0), snap(0, 0), null);
    for (const badge of figures.nodes.values()) for (const v of Object.values(badge)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it("gives a client its last window's rate, like every node", () => {
    const window: WindowPoint = { ...windowWith(50), nodeRate: [80, 50] };
    const figures = liveFigures(snap(2000, 100), snap(1900, 90), window);
    expect(figures.nodes.get('users')?.ratePerSecond).toBe(80);
    expect(figures.nodes.get('app')?.ratePerSecond).toBe(50);
  });

  it('shows no rate, rather than 0, until the first window of simulated time has closed', () => {
    const early = liveFigures(snap(400, 300), snap(300, 200), null);
    expect(early.nodes.get('users')?.ratePerSecond).toBeNull();
    expect(early.nodes.get('app')?.ratePerSecond).toBeNull();
    expect(early.edges.get('e1')?.ratePerSecond).toBeNull();
    expect(formatRate(early.nodes.get('app')?.ratePerSecond)).toBe('— req/s');
    // A window that closed with no traffic is a true 0.
    const idle = liveFigures(snap(1000, 0), null, windowWith(0), early);
    expect(idle.nodes.get('app')?.ratePerSecond).toBe(0);
    expect(idle.nodes.get('app')).not.toBe(early.nodes.get('app'));
  });

  it('shows no p99, rather than 0 ms, until a window closes, and none for a window without an answer', () => {
    const none = liveFigures(snap(400, 0), null, null);
    expect(none.nodes.get('app')?.p99Ms).toBeNull();
    expect(formatMs(none.nodes.get('app')?.p99Ms)).toBe('— ms');
    const after = liveFigures(snap(1400, 10), snap(400, 0), windowWith(100), none);
    expect(after.nodes.get('app')?.p99Ms).toBe(4);
    expect(after.nodes.get('users')?.p99Ms).toBeNull();
  });

  it('shows the p99 of the last window, not of the whole run (12.34 ms here), so a change shows at once', () => {
    expect(liveFigures(snap(1400, 10), null, { ...windowWith(100), nodeP99: [null, 250] }).nodes.get('app')?.p99Ms).toBe(250);
  });

  it('takes down and slowed from the engine, not from failures', () => {
    const s = snap(1000, 10);
    s.nodes[1] = { ...s.nodes[1], state: 'slowed', slowdown: 4, breaker: 'open' };
    s.edges[0] = { ...s.edges[0], cut: true, breaker: 'halfOpen', addedLatencyMs: 200 };
    const figures = liveFigures(s, null, null);
    expect(figures.nodes.get('app')).toMatchObject({ slowdown: 4, breaker: 'open', health: 'healthy' });
    expect(figures.edges.get('e1')).toMatchObject({ cut: true, breaker: 'halfOpen', addedLatencyMs: 200 });
    s.nodes[1] = { ...s.nodes[1], state: 'down' };
    expect(liveFigures(s, null, null).nodes.get('app')?.health).toBe('down');
  });
});
