/**
 * A replicated database: a primary and `replicas` read replicas, each its own station with
 * `workers` connections. Writes go to the primary; reads are spread over the primary and the
 * replicas in turn. A write committed at the primary is shipped to every replica, arrives
 * after `replicationLagMs` and is applied there (a write's service time on the replica).
 *
 * - sync: the write is acknowledged once every replica has applied it.
 * - quorum: once a majority of all copies has it (the primary plus ⌊n/2⌋ replicas, n = replicas + 1).
 * - async: at once; replicas catch up later, and a replica read of a key whose latest write
 *   it has not applied yet is counted as a stale read.
 *
 * A partition between primary and replicas (a `cut` fault on the database) makes sync and
 * quorum refuse writes (consistency first), while async keeps accepting them, holds the
 * replication stream until the partition heals, and serves stale reads (availability first).
 */
import type { Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import type { Simulation } from '../simulation';
import type { StationConfig } from '../station';
import { grown } from '../tables';

type Replication = 'sync' | 'async' | 'quorum';

/** A write waiting for replica acknowledgements. */
const NO_SLOT = -1;

export class DatabaseBehaviour extends Behaviour {
  private replication: Replication = 'async';
  private replicationLagMs = 0;
  private replicas = 0;
  /** Station indices of every replica ever created; the first `replicas` are in service. */
  private readonly replicaStations: number[] = [];
  private readonly replicaOf = new Map<number, number>();
  private nextReader = 0;
  private partitioned = false;

  /**
   * Latest acknowledged version of each key written (async: at commit; sync and quorum: when
   * the client is told), and what each replica has applied. A replica read is stale when it
   * has not applied a write the client already saw acknowledged.
   */
  private readonly latest = new Map<number, number>();
  private readonly applied: Map<number, number>[] = [];
  private version = 0;

  // Writes waiting for acknowledgements, in slots reused through a free list.
  private slotCall = new Int32Array(64);
  private slotNeed = new Int32Array(64);
  private slotGot = new Int32Array(64);
  private slotPending = new Int32Array(64);
  private slotAnswered = new Uint8Array(64);
  private slotKey = new Int32Array(64);
  private slotVersion = new Float64Array(64);
  private freeSlots: number[] = [];
  private slotCount = 0;

  /** Replication held back by a partition (async), per replica: requests and versions. */
  private readonly heldRequests: number[][] = [];
  private readonly heldVersions: number[][] = [];

  private stale = 0;

  constructor(sim: Simulation, node: number, params: Params, private readonly config: (p: Params) => StationConfig) {
    super(sim, node);
    this.configure(params);
  }

  configure(p: Params): void {
    this.replication = p.replication as Replication;
    this.replicationLagMs = p.replicationLagMs as number;
    const wanted = p.replicas as number;
    const config = this.config(p);
    while (this.replicaStations.length < wanted) {
      const index = this.sim.addStation(this.node, config);
      this.sim.allStations[index].slowdown = this.sim.stations[this.node].slowdown;
      this.replicaOf.set(index, this.replicaStations.length);
      this.replicaStations.push(index);
      // A new replica starts from a snapshot of the primary.
      this.applied.push(new Map(this.latest));
      this.heldRequests.push([]);
      this.heldVersions.push([]);
    }
    for (const index of this.replicaStations) {
      const station = this.sim.allStations[index];
      station.account(this.sim.now);
      station.configure(config);
    }
    this.replicas = wanted;
  }

  /** Replica acknowledgements a write needs before it is acknowledged. */
  private needed(): number {
    if (this.replicas === 0 || this.replication === 'async') return 0;
    if (this.replication === 'sync') return this.replicas;
    return Math.floor((this.replicas + 1) / 2); // majority of n = replicas + 1, minus the primary
  }

  arrive(call: number): void {
    const sim = this.sim;
    if (sim.calls.edge[call] < 0) {
      sim.enter(call); // a replica applying a write: its station is already set
      return;
    }
    const request = sim.calls.request[call];
    if (sim.isWrite(request)) {
      if (this.refuses()) {
        sim.stats[this.node].rejected++;
        sim.respond(call, false);
        return;
      }
      sim.calls.station[call] = this.node;
    } else {
      const instance = this.nextReader++ % (1 + this.replicas);
      sim.calls.station[call] = instance === 0 ? this.node : this.replicaStations[instance - 1];
    }
    sim.enter(call);
  }

  /** Consistency first: sync and quorum cannot gather acknowledgements across a partition. */
  private refuses(): boolean {
    return this.partitioned && this.needed() > 0;
  }

  served(call: number): void {
    const sim = this.sim;
    const c = sim.calls;
    const request = c.request[call];
    const key = sim.keyOf(request);
    if (c.edge[call] < 0) {
      // A replica has applied a write.
      const map = this.applied[this.replicaOf.get(c.station[call])!];
      const version = c.mark[call];
      if ((map.get(key) ?? 0) < version) map.set(key, version);
      sim.respond(call, true);
      return;
    }
    if (!sim.isWrite(request)) {
      const replica = this.replicaOf.get(c.station[call]);
      if (replica !== undefined && sim.measuring && (this.applied[replica].get(key) ?? 0) < (this.latest.get(key) ?? 0)) {
        this.stale++;
      }
      sim.respond(call, true);
      return;
    }
    if (this.refuses()) {
      sim.stats[this.node].rejected++;
      sim.respond(call, false);
      return;
    }
    const version = ++this.version;
    const need = this.needed();
    const slot = need > 0 ? this.takeSlot(call, need, key, version) : NO_SLOT;
    if (need === 0) this.acknowledge(key, version);
    for (let r = 0; r < this.replicas; r++) this.ship(r, request, version, slot);
    if (need === 0) sim.respond(call, true);
  }

  private ship(replica: number, request: number, version: number, slot: number): void {
    if (this.partitioned) {
      // Only async writes get here: hold the stream until the partition heals.
      this.sim.requests.refs[request]++;
      this.heldRequests[replica].push(request);
      this.heldVersions[replica].push(version);
      return;
    }
    this.sim.internalCall(request, this.node, this.replicaStations[replica], slot, version, this.replicationLagMs);
  }

  private acknowledge(key: number, version: number): void {
    if ((this.latest.get(key) ?? 0) < version) this.latest.set(key, version);
  }

  private takeSlot(call: number, need: number, key: number, version: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotCount++;
      if (slot === this.slotCall.length) this.growSlots();
    }
    this.slotCall[slot] = call;
    this.slotNeed[slot] = need;
    this.slotGot[slot] = 0;
    this.slotPending[slot] = this.replicas;
    this.slotAnswered[slot] = 0;
    this.slotKey[slot] = key;
    this.slotVersion[slot] = version;
    return slot;
  }

  detachedReturned(call: number, ok: boolean): void {
    const slot = this.sim.calls.stage[call];
    if (slot === NO_SLOT) return;
    this.slotPending[slot]--;
    if (ok) this.slotGot[slot]++;
    if (this.slotAnswered[slot] === 0) {
      if (this.slotGot[slot] >= this.slotNeed[slot]) {
        this.slotAnswered[slot] = 1;
        this.acknowledge(this.slotKey[slot], this.slotVersion[slot]);
        this.sim.respond(this.slotCall[slot], true);
      } else if (this.slotGot[slot] + this.slotPending[slot] < this.slotNeed[slot]) {
        this.slotAnswered[slot] = 1;
        this.sim.respond(this.slotCall[slot], false);
      }
    }
    if (this.slotPending[slot] === 0) this.freeSlots.push(slot);
  }

  partition(cut: boolean): boolean {
    this.partitioned = cut;
    if (!cut) {
      const refs = this.sim.requests.refs;
      for (let r = 0; r < this.heldRequests.length; r++) {
        const requests = this.heldRequests[r];
        const versions = this.heldVersions[r];
        for (let i = 0; i < requests.length; i++) {
          if (r < this.replicas) this.sim.internalCall(requests[i], this.node, this.replicaStations[r], NO_SLOT, versions[i], this.replicationLagMs);
          refs[requests[i]]--;
          this.release(requests[i]);
        }
        requests.length = 0;
        versions.length = 0;
      }
    }
    return true;
  }

  private release(request: number): void {
    this.sim.requests.releaseIfDone(request);
  }

  private growSlots(): void {
    const n = this.slotCall.length * 2;
    this.slotCall = grown(this.slotCall, n);
    this.slotNeed = grown(this.slotNeed, n);
    this.slotGot = grown(this.slotGot, n);
    this.slotPending = grown(this.slotPending, n);
    this.slotAnswered = grown(this.slotAnswered, n);
    this.slotKey = grown(this.slotKey, n);
    this.slotVersion = grown(this.slotVersion, n);
  }

  resetFigures(): void {
    this.stale = 0;
  }

  staleReads(): number {
    return this.stale;
  }

  instances(): number {
    return 1 + this.replicas;
  }
}
