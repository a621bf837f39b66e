/** Long runs hold only what is in flight: tables, queues and the time series stay bounded. */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { singleStation } from './testSupport';

describe('memory on long runs', () => {
  it('a million requests leave the tables sized by what was in flight, not by what completed', () => {
    const sim = new Simulation(singleStation(2000, { workers: 4, serviceTimeMs: 1 }));
    sim.runUntil(500_000);
    expect(sim.e2e.completed).toBeGreaterThan(990_000);
    // At ρ = 0.5 on four workers a few dozen requests are ever in flight at once.
    expect(sim.requests.capacity).toBeLessThanOrEqual(1024);
    expect(sim.calls.capacity).toBeLessThanOrEqual(1024);
    expect(sim.requests.live).toBeLessThan(100);
    // The time series keeps its most recent windows only.
    expect(sim.series.total).toBe(500);
    expect(sim.series.since(0).length).toBeLessThanOrEqual(3600);
  });

  it('the time series is a ring: a run of two simulated hours keeps the last hour of windows', () => {
    const sim = new Simulation(singleStation(1, { workers: 1, serviceTimeMs: 1 }));
    sim.runUntil(7_200_000);
    const windows = sim.series.since(0);
    expect(windows.length).toBe(3600);
    expect(windows[0].tS).toBe(3601);
    expect(windows[windows.length - 1].tS).toBe(7200);
  });
});
