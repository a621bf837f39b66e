/**
 * What stands out in a run, in words: the node that limits the design, requests turned away
 * or timed out, a balancer or shard router that spreads unevenly, a queue falling behind. Read
 * from the measured figures (the runner's summary or the playground's latest snapshot) and the
 * design; every finding names the figures it rests on, and says what usually helps.
 */
import { nodeName, type Design, type DesignNode } from '../model';
import { upShare, type EndToEndFigures, type NodeFigures } from '../engine';

export type FindingTone = 'bad' | 'warn' | 'info';

export interface Finding {
  tone: FindingTone;
  /** The node it is about, when there is one (the UI selects it). */
  nodeId?: string;
  text: string;
}

export interface MeasuredRun {
  endToEnd: EndToEndFigures;
  nodes: Record<string, NodeFigures>;
  /** Seconds measured so far: what the nodes' figures are over. */
  durationS: number;
}

/**
 * A node is saturated when it is busy most of the time and requests wait longer for a worker
 * than they take to serve: by Little's law, mean waiting ÷ mean service = queue ÷ busy workers.
 * (A large pool can be 90 % busy with hardly any wait: that is efficiency, not a bottleneck.)
 */
const SATURATED = 0.8;
/** Shares of requests below which turned-away, timed-out and retried requests go unremarked. */
const DROPPED = 0.001;
const REJECTED = 0.01;
const TIMED_OUT = 0.001;
const RETRIED = 0.05;
/** A balancer's targets this far apart in utilisation, the busiest at least this busy. */
const UNEVEN_SPREAD = 0.3;
const UNEVEN_BUSIEST = 0.7;
/** A shard taking this many times its even share. */
const HOT_SHARD = 1.5;
/** A cache answering less than this share from memory. */
const LOW_HIT_RATIO = 0.5;
/** A cache whose requests sent on behind it are for a key already on its way this often (a stampede coalescing would tame). */
const STAMPEDE = 0.1;
/** A queue whose oldest message has waited this long. */
const LAGGING_MS = 1000;
/** Requests a node must have seen before its shares mean anything. */
const ENOUGH = 100;

const pct = (x: number) => `${x >= 0.1 ? Math.round(x * 100) : Math.round(x * 1000) / 10} %`;
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const waiting = (x: number) => (x >= 100 ? count(x) : x.toFixed(1));
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** Advice for a saturated database that already has a cache in front of it. */
const CACHED_DATABASE_RELIEF = 'Have its cache answer more of the reads (more entries, a longer TTL, coalescing), add replicas, or give it more connections.';

/** Advice for a saturated node, by kind. */
const RELIEF: Partial<Record<DesignNode['kind'], string>> = {
  server: 'Add workers or instances, or spread its load over more servers.',
  database: 'Put a cache in front for reads, add replicas, or give it more connections.',
  cache: 'Give it more workers, or put another cache beside it.',
  cdn: 'Give it more workers.',
  loadBalancer: 'Give it more workers, or shorten its processing time.',
};

const FAIR_ALGORITHMS = new Set(['leastConnections', 'powerOfTwoChoices', 'peakEwma', 'leastResponseTime']);

const ORDER: Record<FindingTone, number> = { bad: 0, warn: 1, info: 2 };

export function findings(design: Design, run: MeasuredRun): Finding[] {
  const out: Finding[] = [];
  const name = (id: string) => nodeName(design, id);
  const targetsOf = (id: string) => design.edges.filter((e) => e.source === id && run.nodes[e.target]).map((e) => e.target);

  const e = run.endToEnd;
  // Timeouts and retries are counted per attempt: a request can time out once per try.
  const attempts = e.sent + e.retries;
  if (e.sent >= ENOUGH && e.timedOut / attempts >= TIMED_OUT) {
    out.push({ tone: 'bad', text: `${count(e.timedOut)} attempts (${pct(e.timedOut / attempts)}) timed out at the client: something on their path answers slower than the timeout.` });
  }
  const budgeted = design.nodes.some((n) => n.kind === 'client' && typeof n.params.retryBudgetPercent === 'number');
  if (e.sent >= ENOUGH && e.retries / e.sent >= RETRIED) {
    const advice = budgeted ? '' : ' A retry budget on the clients caps them.';
    out.push({ tone: 'warn', text: `Clients retried ${pct(e.retries / e.sent)} of requests: each retry is more load on whatever failed, and can keep an overloaded node overloaded.${advice}` });
  }
  if (e.sent >= ENOUGH && e.retriesDenied / e.sent >= RETRIED) {
    out.push({ tone: 'info', text: `The clients' retry budget refused ${count(e.retriesDenied)} retries (${pct(e.retriesDenied / e.sent)} of requests): those requests failed instead of adding load.` });
  }

  for (const node of design.nodes) {
    const f = run.nodes[node.id];
    if (!f) continue;
    const label = name(node.id);
    if (f.state === 'down') out.push({ tone: 'bad', nodeId: node.id, text: `${label} is down: calls to it fail.` });
    // A node killed for part of the run is judged on the time it was up: its downtime is not spare capacity.
    const up = upShare(f, run.durationS);
    const busy = f.utilization / up;
    const queued = f.meanQueueLength / up;
    const busyWorkers = busy * workersOf(node) * f.instances;
    if (busy >= SATURATED && queued >= busyWorkers && RELIEF[node.kind]) {
      const time = up < 1 ? 'of the time it was up' : 'of the time';
      out.push(
        retryStorm(label, node, f, e) ?? {
          tone: 'bad',
          nodeId: node.id,
          text: `${label} is saturated: busy ${pct(busy)} ${time}, and requests wait longer for a worker than they take to serve (${waiting(queued)} waiting on average). ${node.kind === 'database' && behindCache(design, node.id) ? CACHED_DATABASE_RELIEF : RELIEF[node.kind]}`,
        },
      );
    }
    if (f.arrivals >= ENOUGH && f.dropped / f.arrivals >= DROPPED) {
      out.push({ tone: 'bad', nodeId: node.id, text: `${label} turned away ${count(f.dropped)} requests (${pct(f.dropped / f.arrivals)}): its waiting room was full.` });
    }
    if (node.kind === 'rateLimiter' && f.arrivals >= ENOUGH && f.rejected / f.arrivals >= REJECTED) {
      out.push({ tone: 'warn', nodeId: node.id, text: `${label} rejected ${pct(f.rejected / f.arrivals)} of requests with 429 (too many requests).` });
    }
    if ((node.kind === 'cache' || node.kind === 'cdn') && f.hitRatio !== null && f.arrivals >= ENOUGH && f.hitRatio < LOW_HIT_RATIO) {
      out.push({ tone: 'info', nodeId: node.id, text: `${label} answers only ${pct(f.hitRatio)} of reads from memory: it holds too few of the keys in use, or they expire too soon.` });
    }
    if (node.params.coalescing === 'off') stampede(label, node, f, out);
    if (f.degraded !== null && f.arrivals >= ENOUGH && f.degraded / f.arrivals >= DROPPED) {
      out.push({
        tone: 'info',
        nodeId: node.id,
        text: `${label} answered around ${count(f.degraded)} failed calls (${pct(f.degraded / f.arrivals)} of its requests): those requests succeeded without what the calls would have given (graceful degradation).`,
      });
    }
    if (node.kind === 'queue' && f.consumerLagMs !== null && f.consumerLagMs >= LAGGING_MS) {
      out.push({ tone: 'warn', nodeId: node.id, text: `${label}'s consumers are falling behind: ${count(f.backlog ?? 0)} messages waiting, the oldest for ${ms(f.consumerLagMs)}.` });
    }
    if (node.kind === 'database' && f.staleReads !== null && f.staleReads > 0) {
      out.push({ tone: 'info', nodeId: node.id, text: `${label} served ${count(f.staleReads)} stale reads: replicas answered before applying the latest write.` });
    }
    if (f.breaker === 'open') out.push({ tone: 'warn', nodeId: node.id, text: `A circuit breaker on a call out of ${label} is open: those calls fail fast until it lets a probe through.` });
    if (node.kind === 'loadBalancer') uneven(node, targetsOf(node.id), run, name, out);
    if (node.kind === 'shardRouter') hotShard(node, targetsOf(node.id), run, name, out);
  }
  return out.sort((a, b) => ORDER[a.tone] - ORDER[b.tone]);
}

/**
 * A saturated node kept overloaded by retries: had its requests come only once each (the share
 * of first attempts among all attempts), it would have had fewer than it served, so the clients'
 * own traffic fits and the retries are what keep it down — a retry storm, which outlasts
 * whatever set it off (a metastable failure).
 */
function retryStorm(label: string, node: DesignNode, f: NodeFigures, e: EndToEndFigures): Finding | null {
  if (e.sent < ENOUGH || e.retries / e.sent < RETRIED || f.arrivals < ENOUGH) return null;
  const once = f.arrivals * (e.sent / (e.sent + e.retries));
  if (once >= f.completed) return null;
  return {
    tone: 'bad',
    nodeId: node.id,
    text:
      `Retries keep ${label} overloaded (a retry storm): busy ${pct(f.utilization)} of the time, yet without them it would have had about ${count(once)} requests, fewer than the ${count(f.completed)} it served. ` +
      'A retry budget on the clients, a bounded queue that turns requests away rather than serving ones whose client gave up, or serving the newest first (LIFO) and skipping expired requests lets it recover.',
  };
}

/**
 * A cache that fetches keys it is already fetching: of the requests it sends on behind it (its
 * misses and writes, 1 − hit ratio of what it takes), many are reads of a key already on its way.
 */
function stampede(label: string, node: DesignNode, f: NodeFigures, out: Finding[]): void {
  const duplicates = f.concurrentMisses ?? 0;
  const sentOn = f.arrivals * (1 - (f.hitRatio ?? 0));
  if (duplicates < ENOUGH || duplicates / sentOn < STAMPEDE) return;
  out.push({
    tone: 'warn',
    nodeId: node.id,
    text:
      `${label} fetches keys it is already fetching: ${count(duplicates)} of the requests it sent on (${pct(duplicates / sentOn)}) were reads of a key already on its way — a stampede whenever a popular key expires or is flushed. ` +
      'Request coalescing would have them wait for the first fetch.',
  });
}

/** Whether a cache or CDN sends its misses to node `id`. */
const behindCache = (design: Design, id: string) =>
  design.edges.some((e) => e.target === id && design.nodes.some((n) => n.id === e.source && (n.kind === 'cache' || n.kind === 'cdn')));

/** Workers of one instance (a database's primary or a replica, a server's instance). */
const workersOf = (node: DesignNode) => (typeof node.params.workers === 'number' ? node.params.workers : 1);

/** A balancer whose targets are far apart in how busy they are. */
function uneven(node: DesignNode, targets: string[], run: MeasuredRun, name: (id: string) => string, out: Finding[]): void {
  const working = targets.filter((t) => run.nodes[t].arrivals >= ENOUGH);
  if (working.length < 2) return;
  const byUse = [...working].sort((a, b) => run.nodes[b].utilization - run.nodes[a].utilization);
  const busiest = run.nodes[byUse[0]].utilization;
  const idlest = run.nodes[byUse[byUse.length - 1]].utilization;
  if (busiest < UNEVEN_BUSIEST || busiest - idlest < UNEVEN_SPREAD) return;
  const advice = FAIR_ALGORITHMS.has(String(node.params.algorithm))
    ? 'Its algorithm already favours the less busy, so the targets differ in speed or size: even them out, or weight them.'
    : 'A slower or smaller target takes longer per request and still gets its turn: least connections or power of two choices send it less.';
  out.push({
    tone: 'warn',
    nodeId: node.id,
    text: `${name(node.id)} spreads the load unevenly: ${name(byUse[0])} is ${pct(busiest)} busy, ${name(byUse[byUse.length - 1])} ${pct(idlest)}. ${advice}`,
  });
}

/** A shard router sending one shard far more than its even share. */
function hotShard(node: DesignNode, targets: string[], run: MeasuredRun, name: (id: string) => string, out: Finding[]): void {
  if (targets.length < 2) return;
  const total = targets.reduce((sum, t) => sum + run.nodes[t].arrivals, 0);
  if (total < ENOUGH) return;
  const hottest = targets.reduce((a, b) => (run.nodes[b].arrivals > run.nodes[a].arrivals ? b : a));
  const share = run.nodes[hottest].arrivals / total;
  if (share < HOT_SHARD / targets.length) return;
  const advice =
    node.params.strategy === 'range'
      ? 'Range sharding keeps neighbouring keys together, and the popular ones with them: hashing the key spreads them.'
      : 'A few keys are far more popular than the rest: a cache in front of the router answers the hottest.';
  out.push({
    tone: 'warn',
    nodeId: hottest,
    text: `${name(hottest)} takes ${pct(share)} of ${name(node.id)}'s requests, where ${pct(1 / targets.length)} would be even. ${advice}`,
  });
}
