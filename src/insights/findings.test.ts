/** Findings from real runs: each rule fires on the design built to show it, and stays quiet on one that does not. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDesign } from '../engine';
import { withParam } from '../compare/compare';
import type { Design } from '../model';
import { designOf, restored, singleStation } from '../engine/testSupport';
import { findings, type Finding } from './findings';

const RUN = { durationS: 60, warmupS: 5 };
const findingsOf = (design: Design, run = RUN) => findings(design, runDesign(design, run));
const example = (file: string) => restored(JSON.parse(readFileSync(`examples/${file}.json`, 'utf8')));
const about = (list: Finding[], nodeId: string) => list.filter((f) => f.nodeId === nodeId);

describe('findings', () => {
  it('name a saturated node: busy, with requests waiting longer than they are served', () => {
    // M/M/1 at ρ = 0.95: Lq = ρ²/(1 − ρ) = 18 waiting, against 0.95 in service.
    const hot = findingsOf(singleStation(950, { workers: 1, serviceTimeMs: 1 }));
    expect(about(hot, 'app')).toEqual([expect.objectContaining({ tone: 'bad', text: expect.stringMatching(/^app is saturated: busy 9[4-6] % of the time, and requests wait longer/) })]);
    expect(findingsOf(singleStation(500, { workers: 1, serviceTimeMs: 1 }))).toEqual([]);
  });

  it('judge a node killed for part of the run on the time it was up', () => {
    // The same M/M/1 at ρ = 0.95, down from 20 s to 40 s: a third of the measured minute. Busy
    // about 63 % of the minute, it was about 95 % busy while up.
    const design = { ...singleStation(950, { workers: 1, serviceTimeMs: 1 }), faults: [{ atS: 20, action: 'kill' as const, target: 'app', durationS: 20 }] };
    const run = runDesign(design, RUN);
    expect(run.nodes.app.downS).toBe(20);
    expect(run.nodes.app.utilization).toBeLessThan(0.66);
    expect(about(findings(design, run), 'app')).toEqual([
      expect.objectContaining({ tone: 'bad', text: expect.stringMatching(/^app is saturated: busy 9[3-6] % of the time it was up, and requests wait longer/) }),
    ]);
  });

  it('leave a large pool alone at 90 % busy: by Erlang C, its requests hardly wait', () => {
    // M/M/100 at ρ = 0.9 queues about 3 requests, against 90 in service.
    const pool = runDesign(singleStation(9000, { workers: 100, serviceTimeMs: 10 }), RUN);
    expect(pool.nodes.app.utilization).toBeGreaterThan(0.88);
    expect(findings(singleStation(9000, { workers: 100, serviceTimeMs: 10 }), pool)).toEqual([]);
    // The same load on instances of one worker each would be another matter: one instance at 90 %.
    expect(about(findingsOf(singleStation(90, { workers: 1, serviceTimeMs: 10 })), 'app')).toHaveLength(1);
  });

  it('count requests turned away by a full waiting room', () => {
    const list = findingsOf(singleStation(1500, { workers: 1, serviceTimeMs: 1, queueCapacity: 5 }));
    expect(about(list, 'app').map((f) => f.text)).toContainEqual(expect.stringMatching(/^app turned away [\d,]+ requests \(\d+ %\): its waiting room was full\.$/));
  });

  it('see a round-robin balancer feeding a slow server as much as the fast ones, and suggest a fairer algorithm', () => {
    const design = example('lb-comparison');
    const uneven = about(findingsOf(design), 'lb');
    expect(uneven).toHaveLength(1);
    expect(uneven[0].text).toMatch(/spreads the load unevenly: Slow server is \d+ % busy/);
    expect(uneven[0].text).toMatch(/least connections or power of two choices/);
    // Least connections sends the slow server less: the spread is gone.
    expect(about(findingsOf(withParam(design, { target: 'lb', key: 'algorithm' }, 'leastConnections')), 'lb')).toEqual([]);
  });

  it('find the hot shard: range sharding keeps the popular keys together, and hashing cannot split one very hot key', () => {
    const design = example('sharded-hot-shard');
    const hotShards = (d: Design) => findingsOf(d).filter((f) => /takes \d+ % of/.test(f.text));
    const ranged = hotShards(design);
    expect(ranged).toHaveLength(1);
    expect(ranged[0].text).toMatch(/where 25 % would be even\. Range sharding keeps neighbouring keys together/);
    // Hashed, the shard holding the hottest key still takes far more than a quarter: a cache is the cure.
    const router = design.nodes.find((n) => n.kind === 'shardRouter')!;
    const hashed = hotShards(withParam(design, { target: router.id, key: 'strategy' }, 'hash'));
    expect(hashed).toHaveLength(1);
    expect(hashed[0].text).toMatch(/a cache in front of the router answers the hottest/);
    expect(Number(/takes (\d+) %/.exec(hashed[0].text)![1])).toBeLessThan(Number(/takes (\d+) %/.exec(ranged[0].text)![1]));
  });

  it('leave an evenly sharded keyspace alone', () => {
    const design = example('sharded-hot-shard');
    const even = design.nodes.map((n) => (n.kind === 'client' ? { ...n, params: { ...n.params, keyDistribution: 'uniform' } } : n));
    expect(findingsOf({ ...design, nodes: even }).filter((f) => /takes \d+ % of/.test(f.text))).toEqual([]);
  });

  it('report client timeouts and the retries they cause', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 200, timeoutMs: 20, retries: 2, backoffMs: 10 } },
        { id: 'app', kind: 'server', params: { workers: 8, serviceTimeMs: 10 } },
      ],
      [{ from: 'users', to: 'app' }],
    );
    const texts = findingsOf(design).map((f) => f.text);
    // P(exponential 10 ms > 20 ms) = e^−2 ≈ 13.5 % of attempts time out.
    expect(texts).toContainEqual(expect.stringMatching(/^[\d,]+ attempts \(1\d %\) timed out at the client/));
    expect(texts).toContainEqual(expect.stringMatching(/^Clients retried 1\d % of requests/));
  });

  describe('a retry storm', () => {
    // 500 req/s onto 8 workers of 12 ms (666 req/s), doubled for 5 s; each timeout retried thrice.
    const users = { ratePerSecond: 500, traffic: 'spike', spikeFactor: 2, shapeStartS: 20, shapeEndS: 25, timeoutMs: 300, retries: 3, backoffMs: 0 };
    const storm = (client: Record<string, unknown>, workers = 8) =>
      designOf(
        [
          { id: 'users', kind: 'client', params: client },
          { id: 'app', kind: 'server', params: { workers, serviceTimeMs: 12 } },
        ],
        [{ from: 'users', to: 'app' }],
      );

    it('is named when the clients’ own traffic would fit and the retries are what keep the node overloaded', () => {
      const list = findingsOf(storm(users));
      expect(about(list, 'app').map((f) => f.text)).toEqual([expect.stringMatching(/^Retries keep app overloaded \(a retry storm\): busy 9\d % of the time, yet without them it would have had about [\d,]+ requests, fewer than the [\d,]+ it served\./)]);
      expect(list.map((f) => f.text)).toContainEqual(expect.stringMatching(/A retry budget on the clients caps them\.$/));
    });

    it('is not named when the traffic alone is more than the node can serve: that is plain saturation', () => {
      // 4 workers serve 333 req/s, fewer than the 500 sent once each.
      const list = about(findingsOf(storm(users, 4)), 'app').map((f) => f.text);
      expect(list).toEqual([expect.stringMatching(/^app is saturated/)]);
    });

    it('with a retry budget, says how many retries it refused', () => {
      const list = findingsOf(storm({ ...users, retryBudgetPercent: 10 })).map((f) => f.text);
      expect(list).toContainEqual(expect.stringMatching(/^The clients' retry budget refused [\d,]+ retries \(\d+ % of requests\)/));
      expect(list.filter((t) => /caps them/.test(t))).toEqual([]);
    });
  });

  it('see a cache fetching keys it is already fetching, and not once it coalesces them', () => {
    // A hot keyspace whose entries expire every 2 s, behind a database taking 40 ms a read.
    const stampede = (coalescing: string) =>
      designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 2000, readRatio: 1, keys: 100, keyDistribution: 'zipf', zipfExponent: 1.2 } },
          { id: 'cache', kind: 'cache', params: { ttlSeconds: 2, coalescing } },
          { id: 'db', kind: 'database', params: { workers: 16, readTimeMs: 40 } },
        ],
        [
          { from: 'users', to: 'cache' },
          { from: 'cache', to: 'db' },
        ],
      );
    const off = findingsOf(stampede('off'));
    expect(about(off, 'cache').map((f) => f.text)).toEqual([
      expect.stringMatching(/^cache fetches keys it is already fetching: [\d,]+ of the requests it sent on \(\d+ %\) were reads of a key already on its way/),
    ]);
    expect(about(findingsOf(stampede('on')), 'cache')).toEqual([]);
  });

  it('advise a saturated database by what is in front of it: a cache, or a better one', () => {
    const database = (withCache: boolean) =>
      designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 700, readRatio: 1, keys: 100_000 } },
          ...(withCache ? [{ id: 'cache', kind: 'cache', params: { capacity: 10 } }] : []),
          { id: 'db', kind: 'database', params: { workers: 4, readTimeMs: 6 } },
        ],
        withCache
          ? [
              { from: 'users', to: 'cache' },
              { from: 'cache', to: 'db' },
            ]
          : [{ from: 'users', to: 'db' }],
      );
    const saturated = (withCache: boolean) => about(findingsOf(database(withCache)), 'db').map((f) => f.text);
    expect(saturated(false)).toEqual([expect.stringMatching(/is saturated: .* Put a cache in front for reads/)]);
    expect(saturated(true)).toEqual([expect.stringMatching(/is saturated: .* Have its cache answer more of the reads/)]);
  });

  it('say when a server degraded gracefully, answering around failed calls', () => {
    const design = (onCallFailure: string) =>
      designOf(
        [
          { id: 'users', kind: 'client', params: { ratePerSecond: 500 } },
          { id: 'api', kind: 'server', params: { workers: 16, onCallFailure } },
          { id: 'recs', kind: 'server', params: { workers: 16, errorRate: 0.2 } },
        ],
        [
          { from: 'users', to: 'api' },
          { from: 'api', to: 'recs' },
        ],
      );
    expect(about(findingsOf(design('degrade')), 'api').map((f) => f.text)).toEqual([
      expect.stringMatching(/^api answered around [\d,]+ failed calls \((19|20|21) % of its requests\): those requests succeeded/),
    ]);
    expect(about(findingsOf(design('fail')), 'api')).toEqual([]);
  });

  it('see a queue whose consumers fall behind', () => {
    const design = designOf(
      [
        { id: 'producers', kind: 'client', params: { ratePerSecond: 500, readRatio: 0 } },
        { id: 'orders', kind: 'queue' },
        { id: 'worker', kind: 'server', params: { workers: 2, serviceTimeMs: 10 } },
      ],
      [
        { from: 'producers', to: 'orders' },
        { from: 'orders', to: 'worker' },
      ],
    );
    expect(about(findingsOf(design), 'orders').map((f) => f.text)).toContainEqual(expect.stringMatching(/^orders's consumers are falling behind: [\d,]+ messages waiting, the oldest for [\d.]+ s\.$/));
  });

  it('put the worst first', () => {
    const list = findingsOf(example('lb-comparison'));
    const tones = list.map((f) => f.tone);
    expect(tones).toEqual([...tones].sort((a, b) => ['bad', 'warn', 'info'].indexOf(a) - ['bad', 'warn', 'info'].indexOf(b)));
  });
});
