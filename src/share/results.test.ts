import { describe, expect, it } from 'vitest';
import { summarize } from '../engine';
import { simulate } from '../engine/testDesigns';
import { csvField, resultsCsv, resultsJson, secondsLeftOut, type ResultsNode } from './results';

/** Evenly spaced arrivals and a constant service time: every second's figures are known exactly. */
const steady = {
  nodes: [
    { id: 'users', kind: 'client', params: { ratePerSecond: 100, arrivals: 'uniform' } },
    { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 5, serviceDistribution: 'constant' } },
  ],
  edges: [{ source: 'users', target: 'app', params: { latencyMs: 0 } }],
};
const NODES: ResultsNode[] = [
  { id: 'users', name: 'Users', kind: 'client', ownWork: false },
  { id: 'app', name: 'App', kind: 'server', ownWork: true },
];

/** The CSV back as rows of cells (none of these cells is quoted). */
function parse(csv: string): { header: string[]; rows: Record<string, string>[] } {
  const [head, ...lines] = csv.trimEnd().split('\r\n');
  const header = head.split(',');
  return { header, rows: lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell]))) };
}

function steadyResults(untilS: number, warmupS: number) {
  const sim = simulate(steady, untilS, warmupS);
  return { summary: summarize(sim, 0), series: sim.series.since(0) };
}

describe('results CSV', () => {
  it('has a row per simulated second with the figures a closed form predicts', () => {
    const results = steadyResults(10, 2);
    const { header, rows } = parse(resultsCsv(results, NODES));
    expect(header).toEqual([
      'time_s',
      'phase',
      'throughput_per_s',
      'error_rate',
      'p50_ms',
      'p95_ms',
      'p99_ms',
      'Users: sent per s',
      'Users: p99 ms',
      'App: arrivals per s',
      'App: p99 ms',
      'App: utilisation',
      'App: mean queue',
      'App: instances',
    ]);
    expect(rows.map((r) => r.time_s)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rows.map((r) => r.phase)).toEqual([...Array(2).fill('warm-up'), ...Array(8).fill('measured')]);
    // A warm-up ending mid-second: that second holds some of it.
    const straddled = resultsCsv({ ...results, summary: { ...results.summary, warmupS: 2.5 } }, NODES);
    expect(parse(straddled).rows.map((r) => r.phase)).toEqual([...Array(3).fill('warm-up'), ...Array(7).fill('measured')]);
    // From the second second on (the first starts with an idle server): 100 arrivals a second,
    // each served in exactly 5 ms with no wait: half the server's time, nothing queued, no errors.
    for (const row of rows.slice(1)) {
      expect(Number(row.throughput_per_s)).toBe(100);
      expect(Number(row['Users: sent per s'])).toBe(100);
      expect(Number(row['App: arrivals per s'])).toBe(100);
      expect(Number(row['App: utilisation'])).toBeCloseTo(0.5, 3);
      expect(Number(row['App: mean queue'])).toBe(0);
      expect(Number(row['App: instances'])).toBe(1);
      expect(Number(row.error_rate)).toBe(0);
      // Percentiles are reported as their bucket's middle: within 0.4 % of the true 5 ms.
      for (const p of ['p50_ms', 'p99_ms', 'App: p99 ms']) expect(Math.abs(Number(row[p]) - 5) / 5).toBeLessThan(0.004);
      // A client's own latency counts its measured requests only: none in the warm-up.
      if (row.phase === 'warm-up') expect(row['Users: p99 ms']).toBe('');
      else expect(Math.abs(Number(row['Users: p99 ms']) - 5) / 5).toBeLessThan(0.004);
    }
  });

  it('follows a server’s instances as autoscaling sets them: ⌈10 ÷ (4 × 0.6)⌉ = 5 in the end', () => {
    // 1,000 requests/s of 10 ms on instances of 4 workers, from 1 instance, deciding every 10 s.
    const scaling = {
      nodes: [
        { id: 'users', kind: 'client', params: { ratePerSecond: 1000 } },
        { id: 'app', kind: 'server', params: { workers: 4, serviceTimeMs: 10, maxInstances: 20, provisionS: 5 } },
      ],
      edges: [{ source: 'users', target: 'app' }],
    };
    const sim = simulate(scaling, 200, 0);
    const { rows } = parse(resultsCsv({ summary: summarize(sim, 0), series: sim.series.since(0) }, NODES));
    const instances = rows.map((r) => Number(r['App: instances']));
    expect(instances[0]).toBe(1);
    // The first decision (at 10 s) asks for 2, starting 5 s later: billed from the decision.
    expect(instances[8]).toBe(1);
    expect(instances[10]).toBe(2);
    expect(instances.at(-1)).toBe(5);
    // Never fewer than the fewest nor more than the most.
    expect(Math.min(...instances)).toBe(1);
    expect(Math.max(...instances)).toBeLessThanOrEqual(20);
  });

  it('leaves a node’s p99 empty, not 0, for a second in which it answered nothing', () => {
    const results = steadyResults(3, 0);
    results.series[1] = { ...results.series[1], nodeP99: [null, null] };
    const { rows } = parse(resultsCsv(results, NODES));
    expect(rows[1]['App: p99 ms']).toBe('');
    expect(rows[2]['App: p99 ms']).not.toBe('');
  });

  it('leaves the end-to-end percentiles empty, not 0, for a second in which nothing was answered', () => {
    const sim = simulate({ ...steady, faults: [{ atS: 3, action: 'kill', target: 'app', durationS: 2 }] }, 6);
    const { rows } = parse(resultsCsv({ summary: summarize(sim, 0), series: sim.series.since(0) }, NODES));
    // Down from 3 s to 5 s: the seconds ending at 4 and 5 answered nothing, and failed everything.
    for (const row of [rows[3], rows[4]]) {
      expect([row.throughput_per_s, row.error_rate, row.p50_ms, row.p95_ms, row.p99_ms]).toEqual(['0', '1', '', '', '']);
    }
    expect(Number(rows[5].p50_ms)).toBe(5);
  });

  it('leaves utilisation and queue empty for a node that passes calls straight on, not a 0 that says nothing', () => {
    const results = steadyResults(3, 0);
    const cells = (ownWork: boolean) => parse(resultsCsv(results, [NODES[0], { ...NODES[1], ownWork }])).rows.map((row) => [row['App: utilisation'], row['App: mean queue']]);
    expect(cells(true).flat().every((cell) => cell !== '' && Number.isFinite(Number(cell)))).toBe(true);
    expect(cells(false).flat().every((cell) => cell === '')).toBe(true);
  });

  it('gives a queue its backlog and consumer lag', () => {
    const { header } = parse(resultsCsv(steadyResults(1, 0), [{ id: 'q', name: 'Orders', kind: 'queue', ownWork: false }]));
    expect(header.slice(7)).toEqual([
      'Orders: arrivals per s',
      'Orders: p99 ms',
      'Orders: utilisation',
      'Orders: mean queue',
      'Orders: backlog',
      'Orders: consumer lag ms',
    ]);
  });

  it('quotes names with commas, quotes or line breaks, and keeps a spreadsheet from running a name as a formula', () => {
    expect(csvField('App 1')).toBe('App 1');
    expect(csvField('Cache, hot')).toBe('"Cache, hot"');
    expect(csvField('The "main" DB')).toBe('"The ""main"" DB"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1 replica')).toBe("'-1 replica");
    expect(csvField('@home')).toBe("'@home");
  });
});

describe('seconds left out', () => {
  it('counts the first seconds a long run no longer keeps', () => {
    expect(secondsLeftOut([])).toBe(0);
    const { series } = steadyResults(3, 0);
    expect(secondsLeftOut(series)).toBe(0);
    expect(secondsLeftOut(series.map((w) => ({ ...w, tS: w.tS + 3600 })))).toBe(3600);
    // A simulation keeps an hour of seconds: a longer run's first ones are gone.
    const long = simulate(steady, 3605, 0).series.since(0);
    expect(long).toHaveLength(3600);
    expect(secondsLeftOut(long)).toBe(5);
  });
});

describe('results JSON', () => {
  it('is the runner’s summary with the design’s name and every second', () => {
    const results = steadyResults(6, 1);
    const parsed = JSON.parse(resultsJson(results, 'Steady'));
    expect(parsed).toMatchObject({ format: 'archsim.results', version: 1, design: 'Steady', seed: results.summary.seed, warmupS: 1, durationS: 5 });
    expect(parsed.endToEnd).toEqual(results.summary.endToEnd);
    expect(parsed.nodes).toEqual(results.summary.nodes);
    expect(parsed.series).toHaveLength(6);
    // Measured from 1 s to 6 s: 500 requests at 100 a second.
    expect(parsed.endToEnd.sent).toBe(500);
  });
});
