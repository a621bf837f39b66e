/**
 * A shard router sends each request to one shard (an outgoing edge) chosen from its key, and
 * passes the answer back. Shards hold data, so there is no failing over: a down shard fails
 * the requests for its keys.
 *
 * - hash: mix32(key) mod shards; balanced, but adding a shard moves almost every key.
 * - range: keys 0…keys−1 split into equal contiguous ranges in edge order; Zipf keys (key 0
 *   the hottest) make the first shard hot.
 * - consistentHash: a ring with virtual nodes placed by shard id; adding or removing a shard
 *   moves about 1/n of the keys.
 * - directory: a lookup table; a key seen for the first time is assigned to the shard with the
 *   fewest keys so far, and stays there.
 */
import type { Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import { mix32 } from '../random';
import type { Simulation } from '../simulation';
import { HashRing } from './balancers';

export type ShardStrategy = 'hash' | 'range' | 'consistentHash' | 'directory';

/** Maps keys to shard positions 0…n−1; pure apart from the directory's table. */
export class ShardMap {
  private ring: HashRing | null = null;
  private readonly directory = new Map<number, number>();
  private readonly directoryCounts: Int32Array;

  constructor(
    readonly strategy: ShardStrategy,
    readonly shardIds: readonly string[],
    readonly virtualNodes: number,
  ) {
    this.directoryCounts = new Int32Array(shardIds.length);
    if (strategy === 'consistentHash') this.ring = new HashRing(shardIds, virtualNodes);
  }

  shardOf(key: number, keyspace: number): number {
    const n = this.shardIds.length;
    switch (this.strategy) {
      case 'hash':
        return mix32(key ^ 0x27d4eb2d) % n;
      case 'range':
        return Math.min(n - 1, Math.floor((key * n) / Math.max(1, keyspace)));
      case 'consistentHash':
        return this.ring!.lookup(key);
      case 'directory': {
        const known = this.directory.get(key);
        if (known !== undefined) return known;
        let best = 0;
        for (let i = 1; i < n; i++) if (this.directoryCounts[i] < this.directoryCounts[best]) best = i;
        this.directoryCounts[best]++;
        this.directory.set(key, best);
        return best;
      }
    }
  }
}

export class ShardRouterBehaviour extends Behaviour {
  private map: ShardMap;
  private readonly edges: Int32Array;

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.edges = sim.outgoing[node];
    this.map = this.mapFor(params);
  }

  private mapFor(p: Params): ShardMap {
    const ids = Array.from(this.edges, (e) => this.sim.nodeIds[this.sim.edgeTarget[e]]);
    return new ShardMap(p.strategy as ShardStrategy, ids, (p.virtualNodes as number | undefined) ?? 100);
  }

  configure(params: Params): void {
    if (params.strategy !== this.map.strategy || params.virtualNodes !== this.map.virtualNodes) this.map = this.mapFor(params);
  }

  served(call: number): void {
    if (this.edges.length === 0) {
      this.sim.respond(call, false);
      return;
    }
    const request = this.sim.calls.request[call];
    this.sim.send(call, this.edges[this.map.shardOf(this.sim.keyOf(request), this.sim.keyspaceOf(request))]);
  }
}
