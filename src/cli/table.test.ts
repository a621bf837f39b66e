import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDesign } from '../engine/run';
import { designOf, restored } from '../engine/testSupport';
import type { Span, TraceSet } from '../trace/types';
import { formatTable, formatTraces } from './table';

const rowOf = (table: string, name: string) => table.split('\n').find((line) => line.startsWith(`${name} `))!;

describe('the readable table', () => {
  it('leaves utilisation and queue blank for nodes that pass calls straight on', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 500 } },
        { id: 'bare', kind: 'loadBalancer' },
        { id: 'busy', kind: 'loadBalancer', params: { serviceTimeMs: 0.5 } },
        { id: 'app', kind: 'server', params: { workers: 2, serviceTimeMs: 2 } },
      ],
      [
        { from: 'users', to: 'bare' },
        { from: 'bare', to: 'busy' },
        { from: 'busy', to: 'app' },
      ],
    );
    const table = formatTable(design, runDesign(design, { durationS: 5, warmupS: 1 }));
    // Columns: node, kind, arrivals, completed, failed, util, queue, mean, p99.
    const cells = (name: string) => rowOf(table, name).trim().split(/\s{2,}/);
    expect(cells('users')).toHaveLength(7);
    expect(cells('bare')).toHaveLength(7);
    expect(cells('busy')).toHaveLength(9);
    expect(cells('busy')[5]).toMatch(/^\d+\.\d %$/);
    expect(cells('app')[5]).toMatch(/^(4\d|5\d)\.\d %$/); // ρ = 500 × 2 ms / 2 workers = 50 %
  });

  it('gives the error rate among settled requests, as the playground, Compare and Check do', () => {
    // 100 req/s onto a limiter that admits 50 a second to a server that serves 10: half are
    // refused at once, and most of the admitted are still waiting at the end.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100, arrivals: 'uniform' } },
        { id: 'limiter', kind: 'rateLimiter', params: { ratePerSecond: 50, burst: 1 } },
        { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 100, serviceDistribution: 'constant' } },
      ],
      [
        { from: 'users', to: 'limiter' },
        { from: 'limiter', to: 'app' },
      ],
    );
    const s = runDesign(design, { durationS: 10, warmupS: 0 });
    const { sent, completed, failed, inFlight } = s.endToEnd;
    expect(inFlight).toBeGreaterThan(300);
    const rate = failed / (completed + failed);
    expect(Math.abs(rate - failed / sent)).toBeGreaterThan(0.2);
    expect(formatTable(design, s)).toContain(`error rate ${(rate * 100).toFixed(1)} %`);
  });

  it('says no request was answered rather than a latency of 0', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'app', kind: 'server', params: { errorRate: 1 } },
      ],
      [{ from: 'users', to: 'app' }],
    );
    const table = formatTable(design, runDesign(design, { durationS: 5, warmupS: 1 }));
    expect(table).toContain('\nlatency    — (no request was answered)\n');
    expect(table).toContain('error rate 100.0 %');
  });

  it('counts timeouts, retries and refused retries, and a server’s expired requests, only where there are some', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 2000, arrivals: 'uniform', timeoutMs: 50, retries: 2, retryBudgetPercent: 10 } },
        { id: 'app', kind: 'server', params: { workers: 1, serviceTimeMs: 1, serviceDistribution: 'constant', queueOrder: 'lifo', expiredRequests: 'skip' } },
      ],
      [{ from: 'users', to: 'app' }],
    );
    const s = runDesign(design, { durationS: 5, warmupS: 1 });
    const table = formatTable(design, s);
    const e = s.endToEnd;
    expect(e.timedOut * e.retries * e.retriesDenied * s.nodes.app.expired).toBeGreaterThan(0);
    const n = (x: number) => x.toLocaleString('en-US');
    expect(table).toContain(`retries    ${n(e.timedOut)} attempts timed out   ${n(e.retries)} retried   ${n(e.retriesDenied)} refused by a retry budget`);
    expect(table).toMatch(/ expired\n/);
    expect(rowOf(table, 'app').trim().split(/\s{2,}/).at(-1)).toBe(n(s.nodes.app.expired));
    // A run without any of these has neither line nor column.
    const calm = designOf([{ id: 'users', kind: 'client' }, { id: 'app', kind: 'server' }], [{ from: 'users', to: 'app' }]);
    const quiet = formatTable(calm, runDesign(calm, { durationS: 5, warmupS: 1 }));
    expect(quiet).not.toMatch(/^retries|expired/m);
  });

  it('ends with what stands out, worst first, and says nothing where nothing does', () => {
    const slow = restored(JSON.parse(readFileSync('examples/lb-comparison.json', 'utf8')));
    const table = formatTable(slow, runDesign(slow, { durationS: 30, warmupS: 2 }));
    const tail = table.slice(table.indexOf('\nfindings\n'));
    expect(tail.split('\n').slice(2, 5)).toEqual([
      expect.stringMatching(/^✗ Slow server is saturated/),
      expect.stringMatching(/^✗ Slow server turned away/),
      expect.stringMatching(/^! Load balancer spreads the load unevenly/),
    ]);
    const calm = designOf([{ id: 'users', kind: 'client' }, { id: 'app', kind: 'server' }], [{ from: 'users', to: 'app' }]);
    expect(formatTable(calm, runDesign(calm, { durationS: 5, warmupS: 1 }))).not.toContain('findings');
  });
});

describe('the traces table', () => {
  it('says work nobody waits for is so, and what ended the wait of the rest that went on after it', () => {
    const span = (nodeId: string, extra: Partial<Span>): Span => ({
      parent: -1, nodeId, edgeId: null, attempt: 0, detached: false, pastAnswer: false,
      sentMs: 0, arrivedMs: 1, serviceStartMs: 1, serviceEndMs: 2, respondedMs: 2, returnedMs: 3, outcome: 'ok', ...extra,
    });
    // A first attempt that timed out (its call went on), a retry answered, and a replica's write after the answer.
    const set: TraceSet = {
      ok: true,
      run: { durationS: 10, warmupS: 1, seed: 1 },
      measured: 1,
      wallMs: 1,
      traces: [{
        reason: 'slowest', clientId: 'users', sentAtS: 2, latencyMs: 60, ok: true, attempts: 2, attemptEndsMs: [50, 60],
        spans: [
          span('slow', { pastAnswer: true, returnedMs: 80 }),
          span('fast', { attempt: 1, sentMs: 50, returnedMs: 60 }),
          span('replica', { attempt: 1, parent: 1, detached: true, pastAnswer: true, sentMs: 55, returnedMs: 90 }),
          span('log', { attempt: 1, parent: 2, pastAnswer: true, sentMs: 70, returnedMs: 85 }),
        ],
      }],
    };
    const table = formatTraces(designOf([{ id: 'users', kind: 'client' }, { id: 'slow', kind: 'server' }, { id: 'fast', kind: 'server' }, { id: 'replica', kind: 'database' }, { id: 'log', kind: 'server' }], []), set);
    expect(rowOf(table, 'slow').trimEnd()).toMatch(/after the client stopped waiting for it$/);
    expect(rowOf(table, 'fast').trimEnd()).toMatch(/ms$/);
    expect(rowOf(table, '  replica').trimEnd()).toMatch(/ms  nobody waits for it$/);
    expect(rowOf(table, '    log').trimEnd()).toMatch(/ms  after the client had its answer$/);
  });
});
