/**
 * The parameter catalogue: every param of every kind, with its default, range, unit and a
 * sentence on what it does. The schema, restore(), the inspector and the docs all read this
 * one table, so a param is declared exactly once.
 */

export const NODE_KINDS = [
  'client',
  'loadBalancer',
  'server',
  'cache',
  'cdn',
  'shardRouter',
  'database',
  'queue',
  'rateLimiter',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LB_ALGORITHMS = [
  'roundRobin',
  'stickyRoundRobin',
  'weightedRoundRobin',
  'ipHash',
  'urlHash',
  'leastConnections',
  'leastResponseTime',
  'random',
  'powerOfTwoChoices',
  'peakEwma',
  'consistentHash',
] as const;
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];

/** One line per algorithm, shown in the inspector and kept beside the code that implements it. */
export const LB_ALGORITHM_NOTES: Record<LbAlgorithm, string> = {
  roundRobin: 'Each target in turn, one after another.',
  stickyRoundRobin: 'Round robin for a session’s first request, then that session stays on the same target.',
  weightedRoundRobin: 'Round robin in proportion to the edge weights, interleaved smoothly.',
  ipHash: 'The client’s address (its session) is hashed to pick a target, so a user always lands on the same one.',
  urlHash: 'The requested key (URL) is hashed to pick a target, so each key is always served by the same one.',
  leastConnections: 'The target with the fewest requests in flight from this balancer.',
  leastResponseTime: 'The target with the lowest recent response time multiplied by its requests in flight.',
  random: 'A target chosen uniformly at random.',
  powerOfTwoChoices: 'Two targets chosen at random; the one with fewer requests in flight wins.',
  peakEwma: 'Two random targets; the one with the lower peak-sensitive moving average of latency × load wins.',
  consistentHash: 'The key is placed on a hash ring with virtual nodes; only about 1/n of keys move when a target leaves.',
};

export const SERVICE_DISTRIBUTIONS = ['exponential', 'constant', 'lognormal'] as const;
export type ServiceDistribution = (typeof SERVICE_DISTRIBUTIONS)[number];

export const TRAFFIC_SHAPES = ['constant', 'ramp', 'spike', 'sine'] as const;
export type TrafficShape = (typeof TRAFFIC_SHAPES)[number];

export type ParamValue = number | string | null;

/** A client's params that decide when requests leave (changing one live redraws the next arrival). */
export const ARRIVAL_PARAMS = [
  'ratePerSecond',
  'arrivals',
  'traffic',
  'rampToRatePerSecond',
  'spikeFactor',
  'shapeStartS',
  'shapeEndS',
  'sineAmplitude',
  'periodS',
] as const;

interface SpecBase {
  key: string;
  label: string;
  /** One sentence on what the param does, shown beside the field. */
  help: string;
  unit?: string;
}
export interface NumberSpec extends SpecBase {
  type: 'number';
  default: number | null;
  min: number;
  max: number;
  integer?: boolean;
  /** `null` is a meaningful value (unbounded, none). */
  nullable?: boolean;
  /** What null means, in a word or two, where `nullable` ('unbounded' unless said). */
  empty?: string;
  /** The lower bound itself is not allowed (strictly positive). */
  exclusiveMin?: boolean;
  /**
   * 0 turns the feature off; any other value must be at least this. For intervals, where a
   * tiny one would flood the simulation with events rather than mean anything.
   */
  minWhenOn?: number;
  /** Values commonly reached for, each with what it stands for, offered beside the field. */
  typical?: readonly TypicalValue[];
}
export interface TypicalValue {
  value: number;
  label: string;
}
export interface EnumSpec extends SpecBase {
  type: 'enum';
  default: string;
  options: readonly string[];
}
export type ParamSpec = NumberSpec | EnumSpec;

/** How a null value of `spec` reads: in a field left empty, a compared value, a marker. */
export const emptyWord = (spec: ParamSpec | undefined): string => (spec?.type === 'number' && spec.empty) || 'unbounded';

const num = (
  key: string,
  label: string,
  dflt: number | null,
  min: number,
  max: number,
  help: string,
  extra: Partial<NumberSpec> = {},
): NumberSpec => ({ type: 'number', key, label, default: dflt, min, max, help, ...extra });

const choice = (key: string, label: string, options: readonly string[], dflt: string, help: string): EnumSpec => ({
  type: 'enum',
  key,
  label,
  options,
  default: dflt,
  help,
});

/**
 * Monthly cost of one instance. Defaults are public on-demand list prices (AWS us-east-1,
 * 730 hours a month) for a typical instance of the kind; the basis is noted beside each.
 */
const cost = (dollars: number): NumberSpec =>
  num('costPerMonth', 'Cost per month', dollars, 0, 10_000_000, 'Monthly cost of one instance, for the design’s total.', {
    unit: '$/month',
  });

/** The station params shared by every kind that does work and can queue. */
const stationParams = (workers: number, serviceTimeMs: number, queueCapacity: number | null): ParamSpec[] => [
  num('workers', 'Workers', workers, 1, 10_000, 'Requests served in parallel; the rest wait in the queue.', {
    integer: true,
  }),
  num('serviceTimeMs', 'Service time', serviceTimeMs, 0, 600_000, 'Mean time one request takes of a worker.', {
    unit: 'ms',
  }),
  choice(
    'serviceDistribution',
    'Service-time distribution',
    SERVICE_DISTRIBUTIONS,
    'exponential',
    'How service times vary around the mean: memoryless, fixed, or a long-tailed lognormal.',
  ),
  num('serviceTimeCv', 'Service-time CV', 1, 0, 20, 'Coefficient of variation (std ÷ mean) of the lognormal service time.'),
  num(
    'queueCapacity',
    'Queue capacity',
    queueCapacity,
    0,
    10_000_000,
    'Most requests waiting for a worker (not counting those in service); empty = unbounded, 0 = no waiting room. Arrivals to a full queue are dropped.',
    { integer: true, nullable: true, unit: 'requests' },
  ),
];

const cacheParams = (capacity: number, hitTimeMs: number, costPerMonth: number): ParamSpec[] => [
  num('capacity', 'Capacity', capacity, 1, 10_000_000, 'Entries the cache holds before it evicts.', {
    integer: true,
    unit: 'entries',
  }),
  choice('eviction', 'Eviction', ['lru', 'lfu', 'fifo'], 'lru', 'Which entry leaves when the cache is full.'),
  num('ttlSeconds', 'TTL', null, 0, 31_536_000, 'Seconds an entry stays fresh; empty = never expires.', {
    nullable: true,
    empty: 'never expires',
    unit: 's',
  }),
  num(
    'staleWhileRevalidateS',
    'Stale while revalidate',
    0,
    0,
    31_536_000,
    'For this long after an entry goes stale, a read is answered with it at once while one fetch behind the cache refreshes it (HTTP’s stale-while-revalidate); 0 = a stale entry is a miss.',
    { unit: 's' },
  ),
  num('hitTimeMs', 'Hit time', hitTimeMs, 0, 60_000, 'Time to answer a read from the cache.', { unit: 'ms' }),
  choice(
    'writePolicy',
    'Write policy',
    ['writeThrough', 'writeAround'],
    'writeThrough',
    'Write-through updates the cache on writes; write-around sends writes past it and invalidates the entry.',
  ),
  choice(
    'coalescing',
    'Request coalescing',
    ['off', 'on'],
    'off',
    'On: a read that misses a key already being fetched waits for that fetch instead of fetching it again (singleflight; nginx’s proxy_cache_lock), so an expired or flushed hot key sends one read behind the cache, not a stampede.',
  ),
  num('workers', 'Workers', 64, 1, 10_000, 'Lookups served in parallel.', { integer: true }),
  cost(costPerMonth),
];

export const NODE_PARAM_SPECS: Record<NodeKind, readonly ParamSpec[]> = {
  client: [
    num('ratePerSecond', 'Rate', 100, 0, 10_000_000, 'Requests sent per second (the base rate of the traffic shape).', {
      unit: 'req/s',
    }),
    choice(
      'arrivals',
      'Arrivals',
      ['poisson', 'uniform'],
      'poisson',
      'Poisson: random, independent arrivals. Uniform: evenly spaced.',
    ),
    choice(
      'traffic',
      'Traffic shape',
      TRAFFIC_SHAPES,
      'constant',
      'How the rate changes over time: constant, a ramp, a spike, or a daily (sine) cycle.',
    ),
    num('rampToRatePerSecond', 'Ramp to', 1000, 0, 10_000_000, 'Rate reached at the end of a ramp.', {
      unit: 'req/s',
    }),
    num('spikeFactor', 'Spike factor', 5, 0, 1000, 'Rate multiplier during a spike.', { unit: '×' }),
    num('shapeStartS', 'Shape start', 10, 0, 1_000_000, 'When the ramp or spike begins.', { unit: 's' }),
    num('shapeEndS', 'Shape end', 20, 0, 1_000_000, 'When the ramp ends or the spike is over.', { unit: 's' }),
    num('sineAmplitude', 'Sine amplitude', 0.5, 0, 1, 'Swing of the daily cycle as a fraction of the base rate.'),
    num('periodS', 'Sine period', 60, 0.001, 1_000_000, 'Length of one cycle of the sine shape.', {
      unit: 's',
      exclusiveMin: true,
    }),
    num('readRatio', 'Read ratio', 0.9, 0, 1, 'Fraction of requests that are reads; the rest are writes.'),
    num('keys', 'Keys', 1000, 1, 100_000_000, 'Size of the keyspace requests are drawn from (keys 0…keys−1).', {
      integer: true,
    }),
    choice(
      'keyDistribution',
      'Key distribution',
      ['uniform', 'zipf'],
      'uniform',
      'Uniform: every key equally likely. Zipf: a few hot keys (key 0 the hottest) and a long tail.',
    ),
    num('zipfExponent', 'Zipf exponent', 1, 0, 5, 'Skew of the Zipf distribution; higher means hotter hot keys.'),
    num('sessions', 'Sessions', 100, 1, 10_000_000, 'Distinct users; sticky and IP-hash balancing pin each one.', {
      integer: true,
    }),
    num('timeoutMs', 'Timeout', 0, 0, 3_600_000, 'Give up on a request after this long; 0 = wait forever.', {
      unit: 'ms',
    }),
    num('retries', 'Retries', 0, 0, 10, 'Times a failed or timed-out request is sent again.', { integer: true }),
    num('backoffMs', 'Backoff', 100, 0, 600_000, 'Wait before the first retry; doubles each retry, with jitter.', {
      unit: 'ms',
    }),
    num(
      'retryBudgetPercent',
      'Retry budget',
      null,
      0,
      100,
      'Retries may add at most this share to the requests sent (each request earns a fraction of a retry, a second’s worth can be saved); empty = no budget.',
      { unit: '%', nullable: true, empty: 'no budget' },
    ),
    // Users' devices are not on the bill.
    cost(0),
  ],
  loadBalancer: [
    choice('algorithm', 'Algorithm', LB_ALGORITHMS, 'roundRobin', 'How the balancer picks a target for each request.'),
    num('virtualNodes', 'Virtual nodes', 100, 1, 1000, 'Points per target on the consistent-hash ring.', {
      integer: true,
    }),
    num('serviceTimeMs', 'Processing time', 0, 0, 60_000, 'Time the balancer itself spends per request; 0 = none.', {
      unit: 'ms',
    }),
    num('workers', 'Workers', 1000, 1, 100_000, 'Requests the balancer processes in parallel.', { integer: true }),
    num(
      'hedgeAfterMs',
      'Hedge after',
      0,
      0,
      600_000,
      'If the chosen target has not answered within this time, send a copy to the least busy other target and answer with whichever succeeds first (a hedged request). 0 = off.',
      { unit: 'ms' },
    ),
    // NGINX Plus's default active health-check interval is 5 s.
    num(
      'healthCheckIntervalS',
      'Health-check interval',
      5,
      0,
      3600,
      'How often the balancer checks its targets; a down target stops receiving traffic at the next check. 0 = no checks.',
      { unit: 's', minWhenOn: 0.1 },
    ),
    // AWS Application Load Balancer: $0.0225/h + one LCU at $0.008/h, × 730 h.
    cost(22.27),
  ],
  server: [
    ...stationParams(4, 10, null),
    num(
      'instances',
      'Instances',
      1,
      1,
      1000,
      'Identical copies of this server, each with its workers, behind one queue (as if perfectly balanced); with autoscaling, the fewest it keeps.',
      { integer: true },
    ),
    num(
      'maxInstances',
      'Max instances',
      1,
      1,
      1000,
      'Above Instances, the server scales out and back in between the two to hold its target utilisation (target tracking); at or below, it stays at Instances.',
      { integer: true },
    ),
    num('targetUtilization', 'Target utilisation', 0.6, 0.05, 1, 'The share of workers autoscaling aims to keep busy: instances = ⌈instances × utilisation ÷ target⌉ each interval.'),
    num('scaleIntervalS', 'Scaling interval', 10, 1, 3600, 'How often autoscaling reads the utilisation of the interval just ended and decides.', { unit: 's' }),
    num('provisionS', 'Start-up time', 30, 0, 3600, 'From deciding to add an instance to the instance taking requests; instances removed stop taking requests at once.', { unit: 's' }),
    choice(
      'callMode',
      'Call mode',
      ['async', 'blocking'],
      'async',
      'Async frees the worker after its own work; blocking holds it until downstream calls return (thread-pool style).',
    ),
    choice(
      'fanOut',
      'Fan-out',
      ['sequential', 'parallel'],
      'sequential',
      'Sequential calls the outgoing connections one after another; parallel calls them all at once and answers when the last one returns (scatter-gather), so the slowest sets the latency.',
    ),
    choice(
      'onCallFailure',
      'When a call fails',
      ['fail', 'degrade'],
      'fail',
      'Fail: a call out that fails fails the request. Degrade: the server answers without it (a default, a cached or partial result: graceful degradation), and counts the request as degraded.',
    ),
    choice(
      'queueOrder',
      'Queue order',
      ['fifo', 'lifo'],
      'fifo',
      'Which waiting request a free worker takes: the oldest (FIFO), or the newest (LIFO), whose client is surely still waiting — under overload the newest are answered in time while the oldest wait, as Facebook’s adaptive LIFO does.',
    ),
    choice(
      'expiredRequests',
      'Expired requests',
      ['serve', 'skip'],
      'serve',
      'Serve: a worker takes every waiting request in turn, even one whose client has given up. Skip: the client’s deadline travels with the request (as gRPC’s does), and a waiting request whose client stopped waiting is answered unserved.',
    ),
    num('errorRate', 'Error rate', 0, 0, 1, 'Fraction of requests the server answers with an error after its work (independent failures).'),
    // EC2 m5.large (2 vCPU, 8 GiB): $0.096/h × 730 h.
    cost(70.08),
  ],
  // ElastiCache cache.m5.large: $0.156/h × 730 h.
  cache: cacheParams(1000, 1, 113.88),
  // CloudFront: 1 TB a month out to the internet at $0.085/GB (first 10 TB tier).
  cdn: cacheParams(10_000, 5, 87.04),
  shardRouter: [
    choice(
      'strategy',
      'Strategy',
      ['hash', 'range', 'consistentHash', 'directory'],
      'hash',
      'How a key picks its shard: hash modulo shards, contiguous key ranges, a hash ring, or a lookup table.',
    ),
    num('virtualNodes', 'Virtual nodes', 100, 1, 1000, 'Points per shard on the consistent-hash ring.', { integer: true }),
    // A routing proxy (e.g. Vitess vtgate) on EC2 c5.large: $0.085/h × 730 h.
    cost(62.05),
  ],
  database: [
    num('workers', 'Connections', 16, 1, 10_000, 'Queries served in parallel on each instance.', { integer: true }),
    num('readTimeMs', 'Read time', 5, 0, 600_000, 'Mean time of one read query.', { unit: 'ms' }),
    num('writeTimeMs', 'Write time', 10, 0, 600_000, 'Mean time of one write query.', { unit: 'ms' }),
    choice(
      'serviceDistribution',
      'Query-time distribution',
      SERVICE_DISTRIBUTIONS,
      'exponential',
      'How query times vary around their means.',
    ),
    num('serviceTimeCv', 'Query-time CV', 1, 0, 20, 'Coefficient of variation of lognormal query times.'),
    num('queueCapacity', 'Queue capacity', null, 0, 10_000_000, 'Most queries waiting per instance; empty = unbounded.', {
      integer: true,
      nullable: true,
    }),
    num('replicas', 'Replicas', 0, 0, 32, 'Read replicas beside the primary.', { integer: true }),
    choice(
      'replication',
      'Replication',
      ['sync', 'async', 'quorum'],
      'async',
      'Sync waits for every replica to apply a write, quorum for a majority, async for none.',
    ),
    num('replicationLagMs', 'Replication lag', 50, 0, 600_000, 'Time for a write to reach a replica.', { unit: 'ms' }),
    // RDS for MySQL db.m5.large, single-AZ: $0.171/h × 730 h; charged per instance (primary and each replica).
    cost(124.83),
  ],
  queue: [
    num('capacity', 'Capacity', null, 0, 100_000_000, 'Most messages held; empty = unbounded. A full queue rejects.', {
      integer: true,
      nullable: true,
      unit: 'messages',
    }),
    num('partitions', 'Partitions', 1, 1, 1024, 'Independent ordered lanes, chosen by the message key.', {
      integer: true,
    }),
    choice(
      'consumption',
      'Consumption',
      ['shared', 'perPartition'],
      'shared',
      'Shared: any idle consumer takes the next message. Per partition: each partition hands out one message at a time, in order, as a Kafka consumer group does, so at most Partitions messages are processed at once.',
    ),
    // A broker on EC2 m5.large (RabbitMQ or Kafka self-managed): $0.096/h × 730 h.
    cost(70.08),
  ],
  rateLimiter: [
    choice(
      'algorithm',
      'Algorithm',
      ['tokenBucket', 'leakyBucket', 'fixedWindow', 'slidingWindow'],
      'tokenBucket',
      'How admissions are counted.',
    ),
    // A leaky bucket serves one request per 1/rate: a rate of 1e-300 would never let one out.
    num('ratePerSecond', 'Rate', 100, 0, 10_000_000, 'Requests admitted per second on average. 0 rejects every request.', {
      unit: 'req/s',
      minWhenOn: 0.001,
    }),
    num('burst', 'Burst', 20, 0, 10_000_000, 'Requests admitted at once above the steady rate.', { integer: true }),
    // AWS WAF: $5 per web ACL + $1 per (rate-based) rule a month, before request charges.
    cost(6),
  ],
};

/**
 * One-way network delays, half the round trips usually quoted: "latency numbers every programmer
 * should know" (0.5 ms round trip within a data centre, 150 ms California–Netherlands–California),
 * cloud providers' figures for their zones (round trips of 1–2 ms), and common measurements
 * (about 70 ms coast to coast in the US, 50 ms over 4G).
 */
const TYPICAL_ONE_WAY_LATENCIES: readonly TypicalValue[] = [
  { value: 0.05, label: 'Same machine' },
  { value: 0.25, label: 'Same data centre' },
  { value: 1, label: 'Another zone of the region' },
  { value: 25, label: 'Phone over 4G to the nearest region' },
  { value: 35, label: 'Across the US' },
  { value: 75, label: 'California to the Netherlands' },
];

export const EDGE_PARAM_SPECS: readonly ParamSpec[] = [
  num('latencyMs', 'Latency', 0, 0, 600_000, 'One-way network delay; the response comes back over the same edge.', {
    unit: 'ms',
    typical: TYPICAL_ONE_WAY_LATENCIES,
  }),
  num('weight', 'Weight', 1, 0, 1_000_000, 'Share of traffic under weighted round robin.'),
  choice('when', 'Carries', ['always', 'reads', 'writes'], 'always', 'Which requests use this edge.'),
  num(
    'breakerFailures',
    'Breaker threshold',
    0,
    0,
    1_000_000,
    'Failures within the breaker window that open the circuit breaker on this edge; 0 = no breaker.',
    { integer: true },
  ),
  num('breakerWindowS', 'Breaker window', 10, 0.001, 3600, 'Window in which failures are counted.', {
    unit: 's',
    exclusiveMin: true,
  }),
  num('breakerOpenS', 'Breaker open time', 5, 0, 3600, 'How long an open breaker fails fast before letting probes through.', {
    unit: 's',
  }),
  num('breakerProbes', 'Breaker probes', 3, 1, 1000, 'Trial calls let through half-open; all must succeed to close the breaker.', {
    integer: true,
  }),
];

export type Params = Record<string, ParamValue>;

export function defaultParams(specs: readonly ParamSpec[]): Params {
  const params: Params = {};
  for (const spec of specs) params[spec.key] = spec.default;
  return params;
}

export const KIND_LABELS: Record<NodeKind, string> = {
  client: 'Client',
  loadBalancer: 'Load balancer',
  server: 'Server',
  cache: 'Cache',
  cdn: 'CDN',
  shardRouter: 'Shard router',
  database: 'Database',
  queue: 'Queue',
  rateLimiter: 'Rate limiter',
};

export const KIND_NOTES: Record<NodeKind, string> = {
  client: 'Sends requests at a rate and measures end-to-end latency.',
  loadBalancer: 'Spreads requests over its targets by an algorithm.',
  server: 'Does its own work, calls what it is connected to, then responds.',
  cache: 'Answers hot reads quickly; misses go to what is behind it.',
  cdn: 'A cache at the edge, near the users, in front of a far origin.',
  shardRouter: 'Sends each request to one shard chosen from its key.',
  database: 'A primary that takes writes and replicas that serve reads.',
  queue: 'Acknowledges at once and hands messages to consumers as they free up.',
  rateLimiter: 'Admits requests up to a rate and rejects the rest with 429.',
};

/** Whether a server scales its instances: it does when Max instances is above Instances. */
export function autoscales(params: Params): boolean {
  const { instances, maxInstances } = params;
  return typeof instances === 'number' && typeof maxInstances === 'number' && maxInstances > instances;
}
