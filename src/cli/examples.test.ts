/** Every shipped example is a valid, runnable design whose figures are finite and conserve requests. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDesign } from '../engine';
import { checkGraph, restore } from '../model';
import { EXAMPLES } from '../store/examples';

const files = readdirSync('examples').filter((f) => f.endsWith('.json'));

describe('examples/', () => {
  it('holds exactly the examples the playground offers', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(EXAMPLES.map((e) => e.file).sort());
  });

  it.each(files)('%s restores, passes the graph checks and runs', (file) => {
    const restored = restore(readFileSync(`examples/${file}`, 'utf8'));
    if (!restored.ok) throw new Error(restored.problems.map((p) => p.message).join('\n'));
    expect(restored.warnings).toEqual([]);
    expect(checkGraph(restored.design)).toEqual([]);
    const s = runDesign(restored.design, { durationS: 20, warmupS: 2 });
    expect(s.endToEnd.sent).toBeGreaterThan(0);
    expect(s.endToEnd.completed).toBeGreaterThan(0);
    expect(s.endToEnd.sent).toBe(s.endToEnd.completed + s.endToEnd.failed + s.endToEnd.inFlight);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity|null,"p/);
  });
});
