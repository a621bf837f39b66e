/**
 * Load-balancing algorithms. Each picks a target position (0…n−1) for one request from what
 * a real balancer can see: its own requests in flight per target, the latencies it has
 * observed, the request's key (URL) and session (client address). The one-line notes shown in
 * the UI live in the model (LB_ALGORITHM_NOTES) and are repeated above each class.
 */
import type { LbAlgorithm } from '../../model/params';
import { hashString, mix32, type RandomStream } from '../random';

export interface Targets {
  readonly count: number;
  /** Node ids of the targets: hash rings place points by id, so they survive reordering. */
  readonly ids: readonly string[];
  readonly weights: Float64Array;
  /** This balancer's requests in flight on each target. */
  readonly inFlight: Int32Array;
  /** 0 when health checks have marked the target down. */
  readonly healthy: Uint8Array;
}

export interface Pick {
  key: number;
  session: number;
  now: number;
}

export interface Balancer {
  pick(targets: Targets, request: Pick, rng: RandomStream): number;
  /** A response came back from `target` after `latencyMs`. */
  observe?(target: number, latencyMs: number, now: number): void;
}

/** The next healthy target at or after `from`, cyclically; `from` itself if none is healthy. */
function healthyFrom(t: Targets, from: number): number {
  for (let i = 0; i < t.count; i++) {
    const p = (from + i) % t.count;
    if (t.healthy[p]) return p;
  }
  return from;
}

/** Each target in turn, one after another. */
class RoundRobin implements Balancer {
  private next = 0;
  pick(t: Targets): number {
    const p = healthyFrom(t, this.next % t.count);
    this.next = p + 1;
    return p;
  }
}

/** Round robin for a session's first request, then that session stays on the same target. */
class StickyRoundRobin implements Balancer {
  private readonly rr = new RoundRobin();
  private readonly pinned = new Map<number, number>();
  pick(t: Targets, r: Pick): number {
    const pinned = this.pinned.get(r.session);
    if (pinned !== undefined && pinned < t.count && t.healthy[pinned]) return pinned;
    const p = this.rr.pick(t);
    this.pinned.set(r.session, p);
    return p;
  }
}

/** Round robin in proportion to the edge weights, interleaved smoothly (nginx's algorithm). */
class WeightedRoundRobin implements Balancer {
  private current = new Float64Array(0);
  pick(t: Targets): number {
    if (this.current.length !== t.count) this.current = new Float64Array(t.count);
    let total = 0;
    let best = -1;
    for (let i = 0; i < t.count; i++) {
      if (!t.healthy[i]) continue;
      this.current[i] += t.weights[i];
      total += t.weights[i];
      if (best < 0 || this.current[i] > this.current[best]) best = i;
    }
    if (best < 0) return 0;
    this.current[best] -= total;
    return best;
  }
}

/** The client's address (its session) is hashed to pick a target. */
class IpHash implements Balancer {
  pick(t: Targets, r: Pick): number {
    return healthyFrom(t, mix32(r.session ^ 0x5bd1e995) % t.count);
  }
}

/** The requested key (URL) is hashed to pick a target. */
class UrlHash implements Balancer {
  pick(t: Targets, r: Pick): number {
    return healthyFrom(t, mix32(r.key) % t.count);
  }
}

/**
 * The healthy target with the lowest score; ties are broken by rotating the starting point, so
 * an idle pool is used round robin rather than always from the first target.
 */
function lowestScore(t: Targets, start: number, score: (i: number) => number): number {
  let best = -1;
  let bestScore = Infinity;
  for (let k = 0; k < t.count; k++) {
    const i = (start + k) % t.count;
    if (!t.healthy[i]) continue;
    const s = score(i);
    if (s < bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best < 0 ? start % t.count : best;
}

/** The target with the fewest requests in flight from this balancer. */
class LeastConnections implements Balancer {
  private rotation = 0;
  pick(t: Targets): number {
    return lowestScore(t, this.rotation++, (i) => t.inFlight[i]);
  }
}

/** The target with the lowest recent response time multiplied by its requests in flight. */
class LeastResponseTime implements Balancer {
  private ewma = new Float64Array(0);
  private rotation = 0;
  pick(t: Targets): number {
    if (this.ewma.length !== t.count) this.ewma = new Float64Array(t.count);
    // An unmeasured target scores as free, so every target gets measured.
    return lowestScore(t, this.rotation++, (i) => this.ewma[i] * (t.inFlight[i] + 1));
  }
  observe(target: number, latencyMs: number): void {
    const previous = this.ewma[target];
    this.ewma[target] = previous === 0 ? latencyMs : previous + 0.2 * (latencyMs - previous);
  }
}

/** A target chosen uniformly at random. */
class RandomChoice implements Balancer {
  pick(t: Targets, _r: Pick, rng: RandomStream): number {
    return healthyFrom(t, rng.below(t.count));
  }
}

/** Two distinct targets at random; `load` decides between them (the lower wins). */
function twoChoices(t: Targets, rng: RandomStream, load: (i: number) => number): number {
  if (t.count === 1) return 0;
  const a = healthyFrom(t, rng.below(t.count));
  let b = rng.below(t.count - 1);
  if (b >= a) b++;
  b = healthyFrom(t, b);
  return load(b) < load(a) ? b : a;
}

/** Two targets chosen at random; the one with fewer requests in flight wins. */
class PowerOfTwoChoices implements Balancer {
  pick(t: Targets, _r: Pick, rng: RandomStream): number {
    return twoChoices(t, rng, (i) => t.inFlight[i]);
  }
}

/**
 * Two random targets; the one with the lower peak-sensitive moving average of latency × load
 * wins (Finagle and Linkerd): a slow response raises the cost at once, and it decays
 * exponentially over DECAY_MS.
 */
class PeakEwma implements Balancer {
  private static readonly DECAY_MS = 10_000;
  private cost = new Float64Array(0);
  private stamp = new Float64Array(0);
  pick(t: Targets, r: Pick, rng: RandomStream): number {
    this.ensure(t.count);
    return twoChoices(t, rng, (i) => {
      const cost = this.decayed(i, r.now);
      return cost === 0 ? t.inFlight[i] : cost * (t.inFlight[i] + 1);
    });
  }
  observe(target: number, latencyMs: number, now: number): void {
    const cost = this.decayed(target, now);
    this.cost[target] = latencyMs > cost ? latencyMs : cost * this.weight(target, now) + latencyMs * (1 - this.weight(target, now));
    this.stamp[target] = now;
  }
  private weight(i: number, now: number): number {
    return Math.exp(-Math.max(0, now - this.stamp[i]) / PeakEwma.DECAY_MS);
  }
  private decayed(i: number, now: number): number {
    return this.cost[i] * this.weight(i, now);
  }
  private ensure(n: number): void {
    if (this.cost.length === n) return;
    this.cost = new Float64Array(n);
    this.stamp = new Float64Array(n);
  }
}

/**
 * A hash ring with `virtualNodes` points per target, placed by hashing the target's id; a key
 * goes to the first point clockwise from its hash. Removing a target only moves the keys
 * that were on its points: about 1/n of them.
 */
export class HashRing {
  private points = new Uint32Array(0);
  private owners = new Int32Array(0);

  constructor(ids: readonly string[], virtualNodes: number) {
    const entries: Array<[number, number]> = [];
    ids.forEach((id, owner) => {
      for (let v = 0; v < virtualNodes; v++) entries.push([hashString(`${id}#${v}`), owner]);
    });
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Uint32Array.from(entries, (e) => e[0]);
    this.owners = Int32Array.from(entries, (e) => e[1]);
  }

  /** The owner of the first point at or after hash(key), wrapping around; −1 if empty. */
  lookup(key: number, accept: (owner: number) => boolean = () => true): number {
    const n = this.points.length;
    if (n === 0) return -1;
    const h = mix32(key);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < n; k++) {
      const owner = this.owners[(lo + k) % n];
      if (accept(owner)) return owner;
    }
    return this.owners[lo % n];
  }
}

/** The key is placed on a hash ring with virtual nodes; only about 1/n of keys move when a target leaves. */
class ConsistentHash implements Balancer {
  private ring: HashRing | null = null;
  private ringIds: readonly string[] = [];
  constructor(private readonly virtualNodes: number) {}
  pick(t: Targets, r: Pick): number {
    if (this.ring === null || this.ringIds !== t.ids) {
      this.ring = new HashRing(t.ids, this.virtualNodes);
      this.ringIds = t.ids;
    }
    return this.ring.lookup(r.key, (owner) => t.healthy[owner] === 1);
  }
}

export function createBalancer(algorithm: LbAlgorithm, virtualNodes: number): Balancer {
  switch (algorithm) {
    case 'roundRobin':
      return new RoundRobin();
    case 'stickyRoundRobin':
      return new StickyRoundRobin();
    case 'weightedRoundRobin':
      return new WeightedRoundRobin();
    case 'ipHash':
      return new IpHash();
    case 'urlHash':
      return new UrlHash();
    case 'leastConnections':
      return new LeastConnections();
    case 'leastResponseTime':
      return new LeastResponseTime();
    case 'random':
      return new RandomChoice();
    case 'powerOfTwoChoices':
      return new PowerOfTwoChoices();
    case 'peakEwma':
      return new PeakEwma();
    case 'consistentHash':
      return new ConsistentHash(virtualNodes);
  }
}
