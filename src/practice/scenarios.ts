/**
 * The practice scenarios: system-design interview questions with numbers. Each gives the
 * traffic and the hardware, asks for latency, errors and a budget (and some, surviving a
 * failure), and is graded by simulation. Each has an answer that passes, proven in
 * scenarios.test.ts, and a starting design that does not.
 */
import { restore, type Design, type Params } from '../model';
import type { Scenario } from './types';

type NodeRow = [id: string, kind: string, label: string, x: number, y: number, params?: Params];
type EdgeRow = [source: string, target: string, params?: Params];

/**
 * A scenario whose designs are built on first use: every page load imports the list, and twelve
 * restores cost ~4 ms warm, ~16 ms cold, for a feature most visits do not open. scenarios.test.ts
 * builds them all, so a broken sketch still fails the tests.
 */
function scenario(spec: Omit<Scenario, 'start' | 'answer'> & { start: () => Design; answer: () => Design }): Scenario {
  let start: Design | undefined;
  let answer: Design | undefined;
  // The designs run as Check runs them: a fixed-length Run then measures what Check measures.
  const { durationS, warmupS, seed } = spec.check;
  const checked = (design: Design): Design => ({ ...design, seed, run: { durationS, warmupS } });
  return Object.defineProperties({ ...spec } as unknown as Scenario, {
    start: { get: () => (start ??= checked(spec.start())), enumerable: true },
    answer: { get: () => (answer ??= checked(spec.answer())), enumerable: true },
  });
}

/** A design for scenario `practice`, written as rows, through restore() like any file. */
function sketch(practice: string, name: string, nodes: NodeRow[], edges: EdgeRow[]): Design {
  const result = restore({
    name,
    seed: 1,
    practice,
    nodes: nodes.map(([id, kind, label, x, y, params]) => ({ id, kind, label, position: { x, y }, params: params ?? {} })),
    edges: edges.map(([source, target, params], i) => ({ id: `e${i + 1}`, source, target, params: params ?? {} })),
  });
  if (!result.ok) throw new Error(`Practice design “${name}” is invalid: ${result.problems[0].message}`);
  return result.design;
}

/** `count` rows of one kind in a column at x, centred on y = 160, 120 apart. */
function column(prefix: string, kind: string, label: string, count: number, x: number, params?: Params): NodeRow[] {
  const top = 160 - ((count - 1) * 120) / 2;
  return Array.from({ length: count }, (_, i) => [`${prefix}-${i + 1}`, kind, `${label} ${i + 1}`, x, top + i * 120, params]);
}

const ids = (rows: NodeRow[]) => rows.map((row) => row[0]);
const fanOut = (from: string, to: string[]): EdgeRow[] => to.map((id) => [from, id]);
const fanIn = (from: string[], to: string): EdgeRow[] => from.map((id) => [id, to]);

/** The brief's users: the one client, where its traffic enters. */
const users = (params: Params): NodeRow => ['users', 'client', 'Users', 0, 160, params];

/** `client` → a load balancer → `count` app servers in a column: the tier most briefs build on. */
function balancedApps(client: NodeRow, count: number, lb: Params = {}, app?: Params) {
  const apps = column('app', 'server', 'App', count, 600, app);
  const rows: NodeRow[] = [client, ['lb', 'loadBalancer', 'Load balancer', 300, 160, lb], ...apps];
  const edges: EdgeRow[] = [['users', 'lb'], ...fanOut('lb', ids(apps))];
  return { rows, edges, apps: ids(apps) };
}

const CHECK = { durationS: 60, warmupS: 5, seed: 1 };

// ---- Scale out --------------------------------------------------------------------------

const scaleUsers = users({ ratePerSecond: 1500 });

const scaleOut = scenario({
  id: 'scale-out',
  title: 'Scale out a web API',
  level: 'warm-up',
  summary: 'One server, four times the traffic it can take.',
  brief: [
    'Our API runs on one server. Traffic has grown to 1,500 requests a second, and the server — 4 workers, 10 ms of work per request — can serve about 400.',
    'Keep the API fast for everyone: p99 under 100 ms, almost no errors, and no more than $450 a month.',
  ],
  start: () => sketch('scale-out', 'Practice: scale out a web API', [scaleUsers, ['app', 'server', 'App', 300, 160]], [['users', 'app']]),
  answer: () => {
    const tier = balancedApps(scaleUsers, 5, { algorithm: 'leastConnections' });
    return sketch('scale-out', 'Practice: scale out a web API (an answer)', tier.rows, tier.edges);
  },
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 450 },
  ],
  hints: [
    'At 1,500 requests a second, how many 400-a-second servers does it take just to keep up — and how busy would each be?',
    'A server more than about 80 % busy queues requests: the p99 grows long before it falls over.',
    'A load balancer in front of five servers keeps each about 75 % busy. Least connections evens out the queues better than round robin.',
  ],
});

// ---- The database is the bottleneck ------------------------------------------------------

const readUsers = users({ ratePerSecond: 750, readRatio: 0.95, keys: 10_000, keyDistribution: 'zipf', zipfExponent: 1 });
const readTier = () => balancedApps(readUsers, 3);

const databaseBottleneck = scenario({
  id: 'database-bottleneck',
  title: 'The database is the bottleneck',
  level: 'core',
  summary: 'A read-heavy product catalogue whose database cannot keep up.',
  brief: [
    'A product catalogue serves 750 requests a second, 95 % of them reads. A few products are far more popular than the rest (Zipf over 10,000 products).',
    'Three app servers are fine. The database is a small instance — 4 connections, 5 ms a read, 10 ms a write — and at this load it is busy 98 % of the time: requests queue for it, and the p99 is about 200 ms.',
    'Bring the p99 under 100 ms with almost no errors, for at most $500 a month.',
  ],
  hardware: { database: { workers: 4 } },
  start: () => {
    const tier = readTier();
    return sketch(
      'database-bottleneck',
      'Practice: the database is the bottleneck',
      [...tier.rows, ['db', 'database', 'Database', 900, 160, { workers: 4 }]],
      [...tier.edges, ...fanIn(tier.apps, 'db')],
    );
  },
  answer: () => {
    const tier = readTier();
    return sketch(
      'database-bottleneck',
      'Practice: the database is the bottleneck (an answer)',
      [...tier.rows, ['cache', 'cache', 'Cache', 900, 160], ['db', 'database', 'Database', 1200, 160, { workers: 4 }]],
      [...tier.edges, ...fanIn(tier.apps, 'cache'), ['cache', 'db']],
    );
  },
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 500 },
  ],
  hints: [
    'Select the database while it runs: how busy is it, and how long is its queue?',
    'Most requests are reads of a few popular products. Could most of them be answered without the database?',
    'A cache between the app servers and the database answers hot reads in 1 ms. Read replicas spread reads too — compare what each costs.',
  ],
});

// ---- No single point of failure --------------------------------------------------------

const failUsers = users({ ratePerSecond: 800 });

const survivesFailure = scenario({
  id: 'survive-a-failure',
  title: 'Survive losing a server',
  level: 'core',
  summary: 'Three servers that cope — until one of them dies.',
  brief: [
    'A checkout API takes 800 requests a second behind a load balancer with three servers (4 workers, 10 ms per request, about 400 a second each). On a normal day it is fine.',
    'Servers die. Whichever one dies, 21.5 s into the check, the API must keep almost every request working — at most 0.5 % failing — with p99 under 150 ms.',
    'On a normal day: p99 under 100 ms and at most 0.1 % errors. Budget: $400 a month.',
  ],
  start: () => {
    const tier = balancedApps(failUsers, 3);
    return sketch('survive-a-failure', 'Practice: survive losing a server', tier.rows, tier.edges);
  },
  answer: () => {
    const tier = balancedApps(users({ ratePerSecond: 800, retries: 1 }), 4, { healthCheckIntervalS: 1 });
    return sketch('survive-a-failure', 'Practice: survive losing a server (an answer)', tier.rows, tier.edges);
  },
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 400 },
    { kind: 'survivesLoss', of: 'server', atS: 21.5, maxErrorRate: 0.005, maxP99Ms: 150 },
  ],
  hints: [
    'If one of three servers dies, can the other two carry 800 requests a second?',
    'Until the load balancer’s next health check, it still sends requests to the dead server. How many fail in those seconds?',
    'N + 1: four servers leave enough when one dies. Check health every second, and let the client retry a failed request so it reaches a live server.',
    'Least connections sends almost everything to a dead server until the next health check: it answers at once, so it always has the fewest connections.',
  ],
});

// ---- A burst of writes ------------------------------------------------------------------

const burstUsers = users({ ratePerSecond: 500, readRatio: 0, traffic: 'spike', spikeFactor: 4, shapeStartS: 20, shapeEndS: 30 });

const writeBurst = scenario({
  id: 'write-burst',
  title: 'Absorb a burst of writes',
  level: 'core',
  summary: 'Orders arrive four times faster for ten seconds.',
  brief: [
    'An order service takes 500 writes a second. During a flash sale — 20 s to 30 s into the check — orders arrive four times as fast: 2,000 a second.',
    'Two app servers (400 a second each) write to a database (16 connections, 10 ms a write: 1,600 a second). In the sale the servers fall behind, and customers wait seconds for their order to be accepted.',
    'Accept every order fast — p99 under 100 ms, at most 0.1 % lost — and handle each within 10 s, for at most $450 a month.',
  ],
  start: () => {
    const tier = balancedApps(burstUsers, 2);
    return sketch(
      'write-burst',
      'Practice: absorb a burst of writes',
      [...tier.rows, ['db', 'database', 'Database', 900, 160]],
      [...tier.edges, ...fanIn(tier.apps, 'db')],
    );
  },
  answer: () => {
    const workers = column('worker', 'server', 'Worker', 3, 600);
    return sketch(
      'write-burst',
      'Practice: absorb a burst of writes (an answer)',
      [burstUsers, ['orders', 'queue', 'Order queue', 300, 160], ...workers, ['db', 'database', 'Database', 900, 160]],
      [['users', 'orders'], ...fanOut('orders', ids(workers)), ...fanIn(ids(workers), 'db')],
    );
  },
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'queueLag', maxS: 10 },
    { kind: 'cost', maxPerMonth: 450 },
  ],
  hints: [
    'Does the customer need to wait for the database, or only to know the order was accepted?',
    'Enough servers for the peak would cost more than the budget, and sit idle the rest of the time.',
    'A queue acknowledges at once and holds the orders; servers behind it take them as fast as they can. The sale leaves a backlog: how fast must it drain for no order to wait more than 10 s?',
  ],
});

// ---- A hot shard ------------------------------------------------------------------------

const shardUsers = users({ ratePerSecond: 1200, readRatio: 0.8, keys: 10_000, keyDistribution: 'zipf', zipfExponent: 1.2 });
const shardHardware = { server: { workers: 32, serviceTimeMs: 3 }, database: { workers: 8, readTimeMs: 6, writeTimeMs: 12 } };

/** Users → App → Shard router (with `strategy`) → four database shards. */
function shardedDesign(name: string, strategy: string): Design {
  const shards = column('shard', 'database', 'Shard', 4, 900, shardHardware.database);
  return sketch(
    'hot-shard',
    name,
    [shardUsers, ['app', 'server', 'App', 300, 160, shardHardware.server], ['router', 'shardRouter', 'Shard router', 600, 160, { strategy }], ...shards],
    [['users', 'app'], ['app', 'router'], ...fanOut('router', ids(shards))],
  );
}

const hotShard = scenario({
  id: 'hot-shard',
  title: 'Cool a hot shard',
  level: 'core',
  summary: 'Four database shards, and one of them does nearly all the work.',
  brief: [
    'A user-profile store takes 1,200 requests a second, 80 % reads, over 10,000 users — a few of them far more popular than the rest (Zipf, exponent 1.2).',
    'The data is split over four database shards (8 connections, 6 ms a read, 12 ms a write: about 1,100 requests a second each), by key range. Four shards should be plenty, yet the p99 is over a second.',
    'Find out why and fix it: p99 under 100 ms, at most 0.1 % errors, at most $750 a month.',
  ],
  hardware: shardHardware,
  start: () => shardedDesign('Practice: cool a hot shard', 'range'),
  answer: () => shardedDesign('Practice: cool a hot shard (an answer)', 'hash'),
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 750 },
  ],
  hints: [
    'Run it and select each shard: how busy is each one?',
    'Range sharding gives shard 1 the keys 0 to 2,499. Under Zipf, which keys are the popular ones?',
    'Hash the key to choose a shard (or use consistent hashing), so popular keys land on different shards; a cache in front of the router for the hottest keys works too.',
  ],
});

// ---- A slow dependency -----------------------------------------------------------------

const paymentUsers = users({ ratePerSecond: 600, readRatio: 0.8 });
/** A third party: it answers in 100 ms, takes any number of calls at once, and bills per call, not here. */
const payments: NodeRow = [
  'payments',
  'server',
  'Payment provider',
  900,
  160,
  { workers: 1000, serviceTimeMs: 100, serviceDistribution: 'constant', costPerMonth: 0 },
];
const checkoutHardware = { server: { workers: 16, serviceTimeMs: 5 } };

/** Users → balancer → three app servers (in `callMode`) → the payment provider, for writes only. */
function checkoutDesign(name: string, callMode: string): Design {
  const tier = balancedApps(paymentUsers, 3, {}, { ...checkoutHardware.server, callMode });
  return sketch(
    'slow-dependency',
    name,
    [...tier.rows, payments],
    [...tier.edges, ...tier.apps.map((id): EdgeRow => [id, 'payments', { when: 'writes' }])],
  );
}

const slowDependency = scenario({
  id: 'slow-dependency',
  title: 'Survive a slow dependency',
  level: 'stretch',
  summary: 'The payment provider slows down, and the whole shop with it.',
  brief: [
    'A shop takes 600 requests a second: 80 % are people browsing, 20 % are orders, and only orders call the payment provider, which answers in 100 ms.',
    'Three app servers (16 workers, 5 ms of work each) call it the simple way: a worker waits for the answer. From 20 s to 40 s into the check the provider takes ten times as long, and browsing — which never calls it — grinds to a halt too.',
    'Keep browsing fast while payments are slow: median latency under 20 ms in every second, at most 0.1 % errors, for at most $300 a month. The provider is not yours to change.',
  ],
  hardware: checkoutHardware,
  given: ['payments'],
  faults: [{ atS: 20, action: 'slow', target: 'payments', factor: 10, durationS: 20 }],
  start: () => checkoutDesign('Practice: survive a slow dependency', 'blocking'),
  answer: () => checkoutDesign('Practice: survive a slow dependency (an answer)', 'async'),
  check: CHECK,
  requirements: [
    { kind: 'p50EverySecond', maxMs: 20 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 300 },
  ],
  hints: [
    'Watch it run and select an app server when payments slow down: what are its workers doing?',
    'Each order holds a worker for as long as the provider takes. At 1 s an answer, how many workers do the orders alone need?',
    'Free the worker while waiting — the async call mode, as non-blocking I/O does — so browsing never queues behind orders.',
  ],
});

// ---- Follow the daily peak -----------------------------------------------------------------

/** A day compressed into the check's 20 measured minutes: 100 requests a second at night, 1,700 at the peak. */
const dayUsers = users({ ratePerSecond: 900, traffic: 'sine', sineAmplitude: 0.8889, periodS: 1200 });
/** How long a new instance takes to start: the platform's, not the design's. */
const dayHardware = { server: { provisionS: 30 } };

const dailyPeak = scenario({
  id: 'daily-peak',
  title: 'Pay for the peak only at the peak',
  level: 'core',
  summary: 'Five instances all day, for an evening peak.',
  brief: [
    'A streaming API follows the day: 100 requests a second at night, 1,700 at the evening peak. The check compresses the day into 20 measured minutes; the 2 minutes of warm-up before them do not count, and give a fleet time to find its size.',
    'One server instance — 4 workers, 10 ms a request, about 400 a second — costs $70 a month. Today five instances run all day, sized for the peak: $350 a month, and mostly idle. Four would be too few at the peak.',
    'Keep p99 under 100 ms with almost no errors for at most $300 a month. A new instance takes 30 s to start.',
  ],
  hardware: dayHardware,
  start: () => sketch('daily-peak', 'Practice: pay for the peak only at the peak', [dayUsers, ['app', 'server', 'App', 300, 160, { instances: 5 }]], [['users', 'app']]),
  answer: () =>
    sketch(
      'daily-peak',
      'Practice: pay for the peak only at the peak (an answer)',
      [dayUsers, ['app', 'server', 'App', 300, 160, { instances: 2, maxInstances: 8, targetUtilization: 0.7 }]],
      [['users', 'app']],
    ),
  check: { durationS: 1200, warmupS: 120, seed: 1 },
  requirements: [
    { kind: 'p99', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 300 },
  ],
  hints: [
    'How many instances does the peak need, and how many does the night? Five all day pays for the peak all day.',
    'Let the server scale: set Max instances above Instances, and it adds instances as it gets busy and removes them as it quietens (target tracking). Watch the Instances chart beside the traffic.',
    'A new instance takes 30 s to start. With a floor of one, the morning climb outruns it and requests queue for seconds: keep a floor of two.',
    'At the default 60 % target it keeps more instances than the peak needs. A higher target leaves less headroom and costs less: 70 % is still enough for this climb.',
  ],
});

// ---- The tail of a fan-out -------------------------------------------------------------

const searchUsers = users({ ratePerSecond: 200 });
/** An index shard: 10 ms on average, exponential, so one answer in a hundred takes over 46 ms. */
const shardServer = { workers: 16, serviceTimeMs: 10 };
const SHARDS = ['shard-1', 'shard-2', 'shard-3', 'shard-4'];
const searchApi: NodeRow = ['api', 'server', 'Search API', 300, 160, { workers: 32, serviceTimeMs: 2, serviceDistribution: 'constant', fanOut: 'parallel' }];
const shardRows = () => column('shard', 'server', 'Shard', 4, 900, shardServer);

const searchTail = scenario({
  id: 'search-tail',
  title: 'Tame the tail of a search',
  level: 'stretch',
  summary: 'Four idle shards, and a search slower than any of them.',
  brief: [
    'A search API asks four index shards at once and answers when the last has: 200 searches a second. A shard answers in 10 ms on average, but with a tail, as services have: one answer in a hundred takes over 46 ms.',
    'Waiting for the slowest of four puts the search’s p99 at about 62 ms, though no shard is even 15 % busy. Bring it under 50 ms, with almost no errors, for at most $750 a month.',
    'Each shard holds its own quarter of the index, so every search needs all four; a copy of a shard, on the same hardware, can answer for it.',
  ],
  hardware: { server: shardServer },
  given: ['api', ...SHARDS],
  start: () => sketch('search-tail', 'Practice: tame the tail of a search', [searchUsers, searchApi, ...shardRows()], [['users', 'api'], ...fanOut('api', SHARDS)]),
  answer: () => {
    const rows: NodeRow[] = [searchUsers, searchApi];
    const edges: EdgeRow[] = [['users', 'api']];
    // Each shard with its copy just below it, and the balancer that hedges between them beside the pair.
    shardRows().forEach(([id, kind, label], i) => {
      const n = i + 1;
      const y = 160 + (i - 1.5) * 180;
      rows.push(
        [`lb-${n}`, 'loadBalancer', `Hedge ${n}`, 600, y, { hedgeAfterMs: 20 }],
        [id, kind, label, 900, y - 45, shardServer],
        [`copy-${n}`, 'server', `${label} copy`, 900, y + 45, shardServer],
      );
      edges.push(['api', `lb-${n}`], [`lb-${n}`, id], [`lb-${n}`, `copy-${n}`]);
    });
    return sketch('search-tail', 'Practice: tame the tail of a search (an answer)', rows, edges);
  },
  check: CHECK,
  requirements: [
    { kind: 'p99', maxMs: 50 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 750 },
  ],
  hints: [
    'Select a shard while it runs: it is barely busy. More workers or more instances shorten a queue, not a tail that comes from the work itself.',
    'The search waits for the slowest of four. How often is at least one of four answers in its slowest 1 %?',
    'Ask twice: put a copy of each shard behind a load balancer and set its Hedge after. An answer that is late gets a second chance on the copy, and the search takes whichever comes first.',
    'Hedge a little before a shard’s p95 (30 ms): at 20 ms one request in seven sends a second copy, and the p99 falls to about 42 ms.',
  ],
});

// ---- A retry storm -----------------------------------------------------------------------

/** The app's traffic and its retry policy (shipped: the brief fixes it), doubled from 20 s to 25 s. */
const stormUsers = users({ ratePerSecond: 500, traffic: 'spike', spikeFactor: 2, shapeStartS: 20, shapeEndS: 25, timeoutMs: 300, retries: 3, backoffMs: 50 });
/** Two of these serve about 666 requests a second. */
const stormServer = { workers: 4, serviceTimeMs: 12 };

const retryStorm = scenario({
  id: 'retry-storm',
  title: 'Recover from a retry storm',
  level: 'stretch',
  summary: 'Five seconds of double traffic, and the API never comes back.',
  brief: [
    'A profile API takes 500 requests a second on two servers (4 workers, 12 ms a request: about 666 a second between them). The mobile app gives up on a request after 300 ms and sends it again, up to three times, 50 ms apart with jitter. That is shipped in the app and cannot change this week.',
    'Last Tuesday a push notification doubled the traffic for five seconds, and the API went down — and stayed down long after the traffic was back to normal, until someone restarted it. In the check the same burst comes 20 s in, until 25 s.',
    'Some requests may fail in the burst; staying down may not. From 30 s on, every second must have a p99 under 150 ms and no errors, and over the whole check at most 6 % of requests may fail. There is no money for more servers: at most $200 a month.',
  ],
  hardware: { server: stormServer },
  fixes: { client: ['timeoutMs', 'retries', 'backoffMs'] },
  start: () => {
    const tier = balancedApps(stormUsers, 2, { algorithm: 'leastConnections' }, stormServer);
    return sketch('retry-storm', 'Practice: recover from a retry storm', tier.rows, tier.edges);
  },
  answer: () => {
    const budgeted: NodeRow = ['users', 'client', 'Users', 0, 160, { ...stormUsers[5], retryBudgetPercent: 10 }];
    const tier = balancedApps(budgeted, 2, { algorithm: 'leastConnections' }, { ...stormServer, queueCapacity: 20 });
    return sketch('retry-storm', 'Practice: recover from a retry storm (an answer)', tier.rows, tier.edges);
  },
  check: CHECK,
  requirements: [
    { kind: 'recovers', fromS: 30, maxP99Ms: 150, maxErrorRate: 0 },
    { kind: 'errorRate', max: 0.06 },
    { kind: 'cost', maxPerMonth: 200 },
  ],
  hints: [
    'Watch it run, and after the burst compare what the users send with what reaches the load balancer.',
    'A request that timed out still waits at a server, and a worker will serve it for nobody; meanwhile the app has sent it again. The servers spend their time on work no one is waiting for.',
    'The app’s retries can be capped without a release: a retry budget (remote config) lets them add at most, say, 10 % to the traffic. On its own it ends the storm, but the backlog still takes a while to drain.',
    'Shed load: a short waiting room per server (Queue capacity 20) turns away at once what it could not serve in time, instead of serving it late. With a retry budget as well, the servers are themselves again a second after the burst. Or serve the newest first and skip requests whose client gave up (Queue order LIFO, Expired requests skip), as Facebook’s servers do.',
  ],
});

// ---- A cache stampede --------------------------------------------------------------------

/** The front page's feeds: a few far more popular than the rest. */
const feedUsers = users({ ratePerSecond: 2000, readRatio: 1, keys: 50, keyDistribution: 'zipf', zipfExponent: 1 });
/** A 300 ms query on 16 connections; every cache keeps a feed at most 5 s (product's rule, not the design's). */
const feedApp = { workers: 64, serviceTimeMs: 5 };
const feedDatabase = { workers: 16, readTimeMs: 300 };
const feedHardware = { server: feedApp, database: feedDatabase, cache: { ttlSeconds: 5 }, cdn: { ttlSeconds: 5 } };

/** Users → a balancer → two apps → a cache (with `cache` params) → the database. */
function feedDesign(name: string, cache: Params = {}): Design {
  const tier = balancedApps(feedUsers, 2, { algorithm: 'leastConnections' }, feedApp);
  return sketch(
    'cache-stampede',
    name,
    [...tier.rows, ['cache', 'cache', 'Feed cache', 900, 160, { ttlSeconds: 5, ...cache }], ['db', 'database', 'Database', 1200, 160, feedDatabase]],
    [...tier.edges, ...fanIn(tier.apps, 'cache'), ['cache', 'db']],
  );
}

const cacheStampede = scenario({
  id: 'cache-stampede',
  title: 'Keep the front page fast when its cache expires',
  level: 'stretch',
  summary: 'A cache in front of a slow query, and a database that melts down.',
  brief: [
    'The front page shows one of 50 feeds, 2,000 requests a second, a few feeds far more popular than the rest. A feed is a 300 ms query on a database with 16 connections, so two app servers read it through a cache that keeps each feed for 5 s: product wants feeds at most 5 s old, or a little older while a fresh one is on its way.',
    'Whenever a popular feed expires, hundreds of requests miss at once and each runs the query. The database falls behind and never catches up.',
    'Keep every second fast — p99 under 100 ms in each one — with at most 0.1 % errors, for at most $420 a month. The database cannot get bigger, and no cache may keep a feed longer than 5 s.',
  ],
  hardware: feedHardware,
  start: () => feedDesign('Practice: keep the front page fast'),
  answer: () => feedDesign('Practice: keep the front page fast (an answer)', { coalescing: 'on', staleWhileRevalidateS: 5 }),
  check: CHECK,
  requirements: [
    { kind: 'p99EverySecond', maxMs: 100 },
    { kind: 'errorRate', max: 0.001 },
    { kind: 'cost', maxPerMonth: 420 },
  ],
  hints: [
    'Run it and select the cache: its repeat fetches are reads of a feed it was already fetching, each one another 300 ms query.',
    'Request coalescing makes the reads of a feed being fetched wait for that one query. The database keeps up — but is waiting 300 ms fast enough for every second’s p99?',
    'Stale-while-revalidate answers with the feed just past its 5 s at once, while one query fetches the fresh one: nobody waits for the database. It takes both.',
  ],
});

export const SCENARIOS: readonly Scenario[] = [
  scaleOut,
  databaseBottleneck,
  survivesFailure,
  writeBurst,
  hotShard,
  dailyPeak,
  slowDependency,
  searchTail,
  retryStorm,
  cacheStampede,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
