import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { restored } from '../../engine/testSupport';
import { faultEndMarkers } from './faultMarkers';

describe('fault markers', () => {
  it('mark where a fault with a duration ended, as the run logged it', () => {
    // Recommendations are killed at 20 s for 20 s.
    const design = restored(JSON.parse(readFileSync('examples/graceful-degradation.json', 'utf8')));
    const sim = new Simulation(design, { warmupMs: 5000 });
    sim.runUntil(30_000);
    expect(faultEndMarkers(sim.faultLog, design)).toEqual([]);
    sim.runUntil(65_000);
    expect(faultEndMarkers(sim.faultLog, design)).toEqual([{ tS: 40, text: 'Back up · Recommendations', tone: 'good' }]);
  });
});
