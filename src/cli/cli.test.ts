/** The runner as a user calls it: `npm run --silent sim -- design.json …`, checked against DESIGN.md's contract. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../practice/scenarios';

const dir = mkdtempSync(join(tmpdir(), 'archsim-cli-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

// The runner bundled once, as tsx would compile it for `npm run sim` (both are esbuild): a
// process of its own per call, without tsx's second of start-up each time.
const runner = join(dir, 'sim.mjs');
buildSync({ entryPoints: ['src/cli/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: runner, logLevel: 'error' });

function sim(...args: string[]) {
  const result = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const mm1 = write('mm1.json', {
  format: 'archsim.design',
  version: 1,
  name: 'M/M/1',
  seed: 1,
  nodes: [
    { id: 'users', kind: 'client', position: { x: 0, y: 0 }, params: { ratePerSecond: 900 } },
    { id: 'app', kind: 'server', position: { x: 300, y: 0 }, params: { workers: 1, serviceTimeMs: 1 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app', params: { latencyMs: 0 } }],
});

describe('npm run sim', () => {
  it('is the command DESIGN.md names: npm run --silent sim -- design.json --json', () => {
    const result = spawnSync('npm', ['run', '--silent', 'sim', '--', mm1, '--duration', '10', '--json'], { encoding: 'utf8', cwd: process.cwd() });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout).durationS).toBe(10);
  });

  it('--json prints exactly one JSON object with the documented keys, measuring only after the warm-up', () => {
    const { code, stdout } = sim(mm1, '--duration', '60', '--warmup', '5', '--seed', '1', '--json');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ seed: 1, warmupS: 5, durationS: 60 });
    for (const key of ['wallMs', 'events']) expect(typeof out[key]).toBe('number');
    for (const key of ['sent', 'completed', 'failed', 'throughputPerSecond']) expect(typeof out.endToEnd[key]).toBe('number');
    for (const key of ['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']) expect(out.endToEnd.latencyMs[key]).toBeGreaterThan(0);
    const app = out.nodes.app;
    expect(app.kind).toBe('server');
    for (const key of ['arrivals', 'completed', 'dropped', 'rejected', 'utilization', 'meanQueueLength']) {
      expect(typeof app[key]).toBe('number');
    }
    expect(app.hitRatio).toBeNull();
    expect(app.backlog).toBeNull();
    // 60 measured seconds at 900 req/s: Poisson count within 5 standard deviations (√54000 ≈ 232).
    expect(Math.abs(out.endToEnd.sent - 54_000)).toBeLessThan(1200);
    expect(out.endToEnd.sent).toBe(out.endToEnd.completed + out.endToEnd.failed + out.endToEnd.inFlight);
  });

  it('repeats bit for bit for the same seed (all but wall time)', () => {
    const a = JSON.parse(sim(mm1, '--duration', '10', '--seed', '42', '--json').stdout);
    const b = JSON.parse(sim(mm1, '--duration', '10', '--seed', '42', '--json').stdout);
    const c = JSON.parse(sim(mm1, '--duration', '10', '--seed', '43', '--json').stdout);
    expect({ ...a, wallMs: 0 }).toEqual({ ...b, wallMs: 0 });
    expect({ ...a, wallMs: 0 }).not.toEqual({ ...c, wallMs: 0 });
  });

  it('prints a readable table without --json', () => {
    const { code, stdout } = sim(mm1, '--duration', '5');
    expect(code).toBe(0);
    expect(stdout).toMatch(/throughput\s+\d/);
    expect(stdout).toMatch(/p99 [\d.]+ ms/);
    expect(stdout).toMatch(/^users\s+client/m);
  });

  it.each([
    ['a missing file', [join(dir, 'nope.json')], /cannot read .*nope\.json: no such file/],
    ['a folder', [dir], /cannot read .*: it is a folder, not a file/],
    ['a file that is not JSON', [write('bad.json', '{ nodes: ')], /not valid JSON/],
    [
      'a dangling edge',
      [write('dangling.json', { nodes: [{ id: 'a', kind: 'client' }], edges: [{ id: 'e7', source: 'a', target: 'db9' }] })],
      /Edge e7 points at node 'db9', which does not exist/,
    ],
    [
      'a call cycle',
      [
        write('cycle.json', {
          nodes: [
            { id: 'c', kind: 'client' },
            { id: 'a', kind: 'server' },
            { id: 'b', kind: 'server' },
          ],
          edges: [
            { source: 'c', target: 'a' },
            { source: 'a', target: 'b' },
            { source: 'b', target: 'a' },
          ],
        }),
      ],
      /Call cycle/,
    ],
    ['a negative service time', [write('neg.json', { nodes: [{ id: 'a', kind: 'server', params: { serviceTimeMs: -3 } }] })], /serviceTimeMs must be zero or more, got -3/],
    ['a bad option', [mm1, '--duration', 'soon'], /--duration must be a number of seconds/],
    ['an unknown option', [mm1, '--fast'], /unknown option --fast/],
    ['an unknown scenario', [mm1, '--scenario', 'nope'], /no practice scenario 'nope'; there are scale-out, /],
    ['a scenario with a seed', [mm1, '--scenario', 'scale-out', '--seed', '2'], /--scenario runs the brief’s own seed and length/],
    ['a comparison of a param the node lacks', [mm1, '--compare', 'app.colour'], /--compare: 'app' has no param 'colour'; it has workers, /],
    ['a comparison of an unknown node', [mm1, '--compare', 'db.workers'], /there is no node or edge 'db'/],
    ['a comparison with a value out of range', [mm1, '--compare', 'app.workers=1,0'], /workers must be at least 1, got 0/],
    ['a comparison with an unknown choice', [mm1, '--compare', 'app.serviceDistribution=normal'], /'normal' is not one of exponential, constant, lognormal/],
    ['two output formats', [mm1, '--csv', '--json'], /--csv and --json cannot go together/],
    ['seconds of a comparison', [mm1, '--compare', 'app.workers', '--csv'], /--csv prints one run’s seconds/],
  ])('exits non-zero with a one-line reason for %s', (_, args, reason) => {
    const { code, stdout, stderr } = sim(...(args as string[]));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason as RegExp);
  });

  it('--scenario grades a design against a practice brief: exit 0 when it passes, 2 when it does not', () => {
    const scaleOut = SCENARIOS.find((s) => s.id === 'scale-out')!;
    const answer = sim(write('answer.json', scaleOut.answer), '--scenario', 'scale-out', '--json');
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout)).toMatchObject({ scenario: 'scale-out', passed: true, runs: 1 });
    const start = sim(write('start.json', scaleOut.start), '--scenario', 'scale-out');
    expect(start.code).toBe(2);
    expect(start.stdout).toMatch(/^Scale out a web API — 1 of 4 not met\n/);
    expect(start.stdout).toMatch(/\n✗ p99 latency at most 100 ms — p99 [\d,.]+ m?s of those answered, and [\d,]+ still unanswered after 100 ms\n/);
    expect(start.stdout).toContain('\n✓ Costs at most $450 a month — $70 a month\n');
    // Run without --scenario, an attempt says how to grade it.
    expect(sim(write('start.json', scaleOut.start)).stdout).toContain("\npractice   an attempt at 'scale-out': grade it with --scenario scale-out\n");
  });

  it('--compare runs the design once per value with the same requests, the current value marked', () => {
    const { code, stdout } = sim(mm1, '--compare', 'app.workers=1,2', '--duration', '20', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.subject).toEqual({ target: 'app', key: 'workers' });
    expect(out.run).toEqual({ durationS: 20, warmupS: 5, seed: 1 });
    const [one, two] = out.variants;
    expect(one.sent).toBe(two.sent);
    // 900 req/s of 1 ms work: one worker is 90 % busy, two wait far less.
    expect(two.latencyMs.p99).toBeLessThan(one.latencyMs.p99 / 3);
    const table = sim(mm1, '--compare', 'app.workers=1,2', '--duration', '20');
    expect(table.stdout.split('\n')[0]).toBe('M/M/1 — app.workers, seed 1, 20 s measured after 5 s warm-up, the same random draws in every run');
    expect(table.stdout).toMatch(/\n1 \(current\) +\d/);
  });

  it('--csv prints a row per simulated second, with the figures a steady design must have', () => {
    // Evenly spaced requests and a constant 5 ms: 100 answered every second, half the server busy.
    const steady = write('steady.json', {
      format: 'archsim.design',
      version: 1,
      name: 'Steady',
      seed: 1,
      nodes: [
        { id: 'users', kind: 'client', position: { x: 0, y: 0 }, params: { ratePerSecond: 100, arrivals: 'uniform' } },
        { id: 'app', kind: 'server', label: 'App, main', position: { x: 300, y: 0 }, params: { workers: 1, serviceTimeMs: 5, serviceDistribution: 'constant' } },
      ],
      edges: [{ id: 'e1', source: 'users', target: 'app', params: { latencyMs: 0 } }],
    });
    const { code, stdout, stderr } = sim(steady, '--duration', '4', '--warmup', '1', '--csv');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [header, ...rows] = stdout.trimEnd().split('\r\n');
    // A name with a comma is quoted.
    expect(header).toBe(
      'time_s,phase,throughput_per_s,error_rate,p50_ms,p95_ms,p99_ms,users: sent per s,users: p99 ms,' +
        '"App, main: arrivals per s","App, main: p99 ms","App, main: utilisation","App, main: mean queue","App, main: instances"',
    );
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(['1,warm-up,99', '2,measured,100', '3,measured,100', '4,measured,100', '5,measured,100']);
    for (const row of rows.slice(1)) expect(Number(row.split(',')[11])).toBeCloseTo(0.5, 3);
  });

  it('--csv leaves utilisation and queue empty for a node that passes messages on, beside its backlog', () => {
    const { code, stdout } = sim('examples/kafka-hot-partition.json', '--duration', '3', '--warmup', '1', '--csv');
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\r\n').map((line) => line.split(','));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    for (const row of rows) {
      expect([cell(row, 'Orders topic: utilisation'), cell(row, 'Orders topic: mean queue')]).toEqual(['', '']);
      expect(cell(row, 'Orders topic: backlog')).toMatch(/^\d+$/);
      expect(cell(row, 'Consumer 1: utilisation')).toMatch(/^[\d.]+$/);
    }
  });

  it('--capacity finds the load an M/M/1 carries within a p99 target: ln 100 / (μ − λ) ≤ 20 ms at λ ≈ 770 req/s', () => {
    // μ = 1000/s: p99 = ln 100 / (μ − λ) is 20 ms at λ = 1000 − ln 100 / 0.02 ≈ 769.7 req/s.
    const expected = 1000 - Math.log(100) / 0.02;
    const { code, stdout } = sim(mm1, '--capacity', '--p99', '20', '--errors', '1', '--duration', '100', '--json');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, target: { p99Ms: 20, errorRate: 0.01, queueLagMs: 1000 }, run: { durationS: 100, warmupS: 5, seed: 1 } });
    expect(Math.abs(out.carried.offeredPerSecond - expected) / expected).toBeLessThan(0.05);
    expect(out.failed.meets).toBe(false);
    expect(out.limit.nodeId).toBe('app');

    const table = sim(mm1, '--capacity', '--p99', '20', '--duration', '100');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Carries about [\d,]+ req\/s \(×0\.8\d* today’s \d{3} req\/s\) with p99 ≤ 20 ms, errors ≤ 0\.1 %/);
    expect(table.stdout).toMatch(/what gives first: /);
    expect(table.stdout).toMatch(/×1 \(today\) .* ✗ p99 [\d.]+ ms, over 20 ms/);
  });

  it('--compare with --capacity compares values by the traffic each carries: two workers of 1 ms carry more than twice one', () => {
    const { code, stdout } = sim(mm1, '--compare', 'app.workers=1,2', '--capacity', '--p99', '20', '--duration', '60', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ subject: { target: 'app', key: 'workers' }, target: { p99Ms: 20 }, run: { durationS: 60 } });
    const [one, two] = out.variants;
    // One worker: p99 = ln 100 / (μ − λ) ≤ 20 ms at λ ≈ 770 req/s.
    expect(Math.abs(one.carriedPerSecond - 769.7) / 769.7).toBeLessThan(0.05);
    expect(two.carriedPerSecond).toBeGreaterThan(2 * one.carriedPerSecond);
    expect(one.limit.nodeId).toBe('app');

    const table = sim(mm1, '--compare', 'app.workers=1,2', '--capacity', '--p99', '20', '--duration', '60');
    expect(table.stdout).toMatch(/workers by capacity within p99 ≤ 20 ms, errors ≤ 0\.1 %/);
    expect(table.stdout).toMatch(/\n1 \(current\) +[\d,]+ req\/s +app is the busiest node, busy 7\d % of the time\n2 +[\d,]+ req\/s +app is saturated\n/);
  });

  it('--capacity refuses a bad target, and target flags without it, in one line', () => {
    for (const [args, reason] of [
      [['--capacity', '--p99', '0'], /--p99 must be a positive number of milliseconds, got '0'/],
      [['--capacity', '--errors', '150'], /--errors must be a percentage from 0 up to 100, got '150'/],
      [['--queue-wait', '500'], /--queue-wait set the target of --capacity: add --capacity/],
      [['--capacity', '--scenario', 'scale-out'], /--scenario and --capacity cannot go together/],
    ] as const) {
      const { code, stdout, stderr } = sim(mm1, ...args);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(reason);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--trace follows the slowest requests and typical ones call by call, in JSON or as a table', () => {
    const { code, stdout } = sim(mm1, '--trace', '--duration', '20', '--json');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const set = JSON.parse(stdout);
    expect(set.ok).toBe(true);
    expect(set.run).toEqual({ durationS: 20, warmupS: 5, seed: 1 });
    expect(set.traces.map((t: { reason: string }) => t.reason)).toEqual(['slowest', 'slowest', 'slowest', 'slowest', 'slowest', 'p99', 'p50']);
    // An M/M/1 at ρ = 0.9: the slowest requests spent most of their time waiting for the one worker.
    const [slowest] = set.traces;
    const [span] = slowest.spans;
    expect(span.nodeId).toBe('app');
    expect(span.serviceStartMs - span.arrivedMs).toBeGreaterThan(slowest.latencyMs / 2);
    const table = sim(mm1, '--trace', '--duration', '20');
    expect(table.stdout).toMatch(/^M\/M\/1 — traces, seed 1, 20 s measured after 5 s warm-up: [\d,]+ requests, 7 kept/);
    expect(table.stdout).toMatch(/\nSlowest — [\d.]+ ms, sent by users at [\d.]+ s\nWhere its [\d.]+ ms went: [\d.]+ ms waiting for a worker at app \(\d+ %\)/);
    expect(table.stdout).toMatch(/\ncall +sent +back +network +queued +served\n/);
  });

  it('--trace refuses other modes in one line', () => {
    for (const [args, reason] of [
      [['--trace', '--capacity'], /--trace and --capacity cannot go together/],
      [['--trace', '--csv'], /--csv prints one run’s seconds: it does not go with --trace/],
    ] as const) {
      const { code, stderr } = sim(mm1, ...args);
      expect(code).toBe(1);
      expect(stderr).toMatch(reason);
    }
  });
});
