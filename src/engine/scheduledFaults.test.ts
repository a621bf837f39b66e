/**
 * Faults written in the design (as a shared link or file carries them) replay through
 * restore() and the runner, reproducibly: the CAP trade-off from a saved design.
 */
import { describe, expect, it } from 'vitest';
import { restore } from '../model';
import { runDesign } from './run';

function capDesign(replication: string) {
  const result = restore({
    seed: 7,
    nodes: [
      { id: 'users', kind: 'client', params: { ratePerSecond: 400, readRatio: 0.5, keys: 50 } },
      { id: 'db', kind: 'database', params: { replicas: 2, replication, readTimeMs: 1, writeTimeMs: 2, workers: 64 } },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'db' }],
    faults: [{ atS: 20, action: 'cut', target: 'db', durationS: 10 }],
  });
  if (!result.ok) throw new Error(result.problems[0].message);
  return result.design;
}

describe('a partition scheduled in the design', () => {
  const sync = runDesign(capDesign('sync'), { durationS: 50, warmupS: 0 });
  const async = runDesign(capDesign('async'), { durationS: 50, warmupS: 0 });

  it('sync replication refuses writes during the partition (consistency first)', () => {
    // About half of 400 req/s are writes, refused for the 10 s of the partition.
    expect(sync.endToEnd.failed).toBeGreaterThan(0.8 * 200 * 10);
    expect(sync.endToEnd.failed).toBeLessThan(1.2 * 200 * 10);
    expect(sync.nodes.db.staleReads).toBe(0);
  });

  it('async replication keeps accepting writes and serves stale reads (availability first)', () => {
    expect(async.endToEnd.failed).toBe(0);
    expect(async.nodes.db.staleReads).toBeGreaterThan(sync.nodes.db.staleReads as number);
  });

  it('counts the seconds a node was down in the measured time, from the warm-up’s end', () => {
    const down = (faults: object[]) => {
      const result = restore({ nodes: [{ id: 'users', kind: 'client' }, { id: 'app', kind: 'server' }], edges: [{ source: 'users', target: 'app' }], faults });
      if (!result.ok) throw new Error(result.problems[0].message);
      return runDesign(result.design, { durationS: 60, warmupS: 5 }).nodes.app.downS;
    };
    expect(down([])).toBe(0);
    expect(down([{ atS: 20, action: 'kill', target: 'app', durationS: 20 }])).toBe(20);
    // Killed in the warm-up and never revived: down for all of the measured minute.
    expect(down([{ atS: 2, action: 'kill', target: 'app' }])).toBe(60);
    // Killed twice over without a revive in between is one outage; revived after the end is down to the end.
    expect(down([{ atS: 10, action: 'kill', target: 'app' }, { atS: 15, action: 'kill', target: 'app' }, { atS: 50, action: 'revive', target: 'app' }])).toBe(40);
  });

  it('replays bit for bit', () => {
    const again = runDesign(capDesign('sync'), { durationS: 50, warmupS: 0 });
    expect({ ...again, wallMs: 0 }).toEqual({ ...sync, wallMs: 0 });
  });
});
