/**
 * A cache (or a CDN, a cache at the edge): every call first takes a lookup at the station
 * (`hitTimeMs`). A read hit answers at once; a read miss goes to the first outgoing edge that
 * carries it and the key is stored on the way back. Writes go through to what is behind the
 * cache: write-through stores the new value when the write succeeds, write-around removes the
 * entry so the next read fetches it. The hit ratio emerges from the keys actually requested.
 * With coalescing, a read that misses a key already being fetched waits for that fetch and
 * shares its outcome, instead of fetching again. With stale-while-revalidate, a read of an entry
 * just past its TTL is answered with it at once, and one fetch nobody waits for refreshes it.
 */
import type { Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import { CacheStore, MISS, STALE, type Eviction } from '../cacheStore';
import type { Simulation } from '../simulation';

export class CacheBehaviour extends Behaviour {
  store: CacheStore;
  private writeThrough = true;
  private coalescing = false;
  /** How long past its TTL an entry may still be served while it is refreshed (stale-while-revalidate). */
  private graceMs = 0;
  /** Keys being refreshed behind the cache while their stale entry is served. */
  private readonly refreshing = new Set<number>();
  private staleServed = 0;
  private lookups = 0;
  private hits = 0;
  /** Read misses for a key already being fetched (with coalescing, those that waited instead). */
  private concurrent = 0;
  /** Per key being fetched by a read miss: that fetch's call, and the reads waiting on it (coalescing). */
  private readonly fetching = new Map<number, { leader: number; waiters: number[] }>();

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.store = CacheBehaviour.storeFor(params);
    this.configurePolicies(params);
  }

  private configurePolicies(params: Params): void {
    this.writeThrough = params.writePolicy !== 'writeAround';
    this.coalescing = params.coalescing === 'on';
    this.graceMs = ((params.staleWhileRevalidateS as number | undefined) ?? 0) * 1000;
  }

  private static storeFor(p: Params): CacheStore {
    const ttl = p.ttlSeconds === null || p.ttlSeconds === undefined ? Infinity : (p.ttlSeconds as number) * 1000;
    return new CacheStore(p.capacity as number, p.eviction as Eviction, ttl);
  }

  configure(params: Params): void {
    this.configurePolicies(params);
    const ttl = params.ttlSeconds === null ? Infinity : (params.ttlSeconds as number) * 1000;
    // A new size, policy or TTL starts a new (cold) store, as a reconfigured cache would.
    if (params.capacity !== this.store.capacity || params.eviction !== this.store.eviction || ttl !== this.store.ttlMs) {
      this.store = CacheBehaviour.storeFor(params);
    }
  }

  served(call: number): void {
    const sim = this.sim;
    const request = sim.calls.request[call];
    const key = sim.keyOf(request);
    const read = !sim.isWrite(request);
    if (read) {
      if (sim.measuring) this.lookups++;
      const found = this.store.lookup(key, sim.now, this.graceMs);
      if (found !== MISS) {
        if (sim.measuring) this.hits++;
        if (found === STALE) this.serveStale(call, key);
        sim.respond(call, true);
        return;
      }
      const inFlight = this.fetching.get(key);
      if (inFlight !== undefined) {
        if (sim.measuring) this.concurrent++;
        if (this.coalescing) {
          inFlight.waiters.push(call);
          sim.sharesFetch(call);
          return;
        }
      }
    } else if (!this.writeThrough) {
      this.store.delete(key);
    }
    const edge = sim.nextEdge(call);
    if (edge < 0) {
      // Nothing behind the cache: it is the source of truth for the key.
      this.fill(call, key);
      sim.respond(call, true);
      return;
    }
    // The first read miss of a key is its fetch; others wait on it (coalescing) or fetch again.
    if (read && !this.fetching.has(key)) this.fetching.set(key, { leader: call, waiters: [] });
    sim.send(call, edge);
  }

  /** A stale entry is served: unless it is already being refreshed, one fetch nobody waits for refreshes it. */
  private serveStale(call: number, key: number): void {
    const sim = this.sim;
    if (sim.measuring) this.staleServed++;
    if (this.refreshing.has(key)) return;
    const edge = sim.nextEdge(call);
    if (edge >= 0 && sim.sendDetached(sim.calls.request[call], edge) >= 0) this.refreshing.add(key);
  }

  /** A refresh came back: a fresh entry, unless it failed or the cache went down meanwhile. */
  detachedReturned(call: number, ok: boolean): void {
    const sim = this.sim;
    const key = sim.keyOf(sim.calls.request[call]);
    this.refreshing.delete(key);
    if (ok && sim.nodeDown[this.node] === 0) this.store.put(key, sim.now);
  }

  returned(call: number, ok: boolean): void {
    const sim = this.sim;
    const key = sim.keyOf(sim.calls.request[call]);
    if (ok) this.fill(call, key);
    const fetch = this.fetching.get(key);
    sim.respond(call, ok);
    if (fetch?.leader !== call) return;
    this.fetching.delete(key);
    // The reads that waited share the fetch's outcome; one whose cache was killed meanwhile has lost it.
    for (const waiter of fetch.waiters) sim.respond(waiter, ok && !sim.killedInside(waiter));
  }

  /** Stores the key after a read miss or a write-through write (a write-around write stores nothing). */
  private fill(call: number, key: number): void {
    const isWrite = this.sim.isWrite(this.sim.calls.request[call]);
    if (!isWrite || this.writeThrough) this.store.put(key, this.sim.now);
  }

  flush(): boolean {
    this.store.clear();
    return true;
  }

  killed(): void {
    this.store.clear();
  }

  resetFigures(): void {
    this.lookups = 0;
    this.hits = 0;
    this.concurrent = 0;
    this.staleServed = 0;
  }

  /** Reads answered with an entry past its TTL while it was refreshed; null without stale-while-revalidate. */
  staleReads(): number | null {
    return this.graceMs > 0 ? this.staleServed : null;
  }

  concurrentMisses(): number | null {
    return this.concurrent;
  }

  hitRatio(): number | null {
    return this.lookups > 0 ? this.hits / this.lookups : 0;
  }
}
