/**
 * A message queue. It acknowledges the producer at once and holds the message (its request
 * stays alive, referenced by the queue); consumers, its outgoing edges, take messages whenever
 * they have an idle worker. A full queue rejects. Messages go to partitions by key; each
 * partition is FIFO, and consumers take from the partitions in turn. With `perPartition`
 * consumption a partition hands out its next message only once the previous one is done (a
 * Kafka consumer group): partitions cap the parallelism, and a hot key makes a hot partition.
 * A message whose consumer fails is counted and dropped (no redelivery loop), as a
 * dead-letter queue would.
 */
import type { Params } from '../../model/params';
import { Behaviour } from '../behaviour';
import { mix32 } from '../random';
import type { Simulation } from '../simulation';

/** A growable FIFO of (request, enqueue time) pairs. */
class MessageRing {
  private requests = new Int32Array(16);
  private times = new Float64Array(16);
  private head = 0;
  length = 0;

  push(request: number, time: number): void {
    if (this.length === this.requests.length) this.grow();
    const i = (this.head + this.length) & (this.requests.length - 1);
    this.requests[i] = request;
    this.times[i] = time;
    this.length++;
  }
  oldestTime(): number {
    return this.times[this.head];
  }
  shift(): number {
    const request = this.requests[this.head];
    this.head = (this.head + 1) & (this.requests.length - 1);
    this.length--;
    return request;
  }
  private grow(): void {
    const n = this.requests.length;
    const requests = new Int32Array(n * 2);
    const times = new Float64Array(n * 2);
    for (let k = 0; k < this.length; k++) {
      requests[k] = this.requests[(this.head + k) & (n - 1)];
      times[k] = this.times[(this.head + k) & (n - 1)];
    }
    this.requests = requests;
    this.times = times;
    this.head = 0;
  }
}

export class QueueBehaviour extends Behaviour {
  private capacity = Infinity;
  private partitions: MessageRing[] = [];
  /**
   * Messages out with a consumer, per partition and per request (a retried request can be out
   * twice). Counted before the send, as a consumer may answer within it, and in both modes, so
   * a live switch to perPartition starts from the messages really out.
   */
  private inFlight = new Int32Array(0);
  private readonly outByRequest = new Map<number, number>();
  private onePerPartition = false;
  private held = 0;
  private nextPartition = 0;
  private nextConsumer = 0;
  private readonly consumers: Int32Array;
  /** Consumer position by edge id (−1: not one of ours), to tell which consumer a call went to. */
  private readonly consumerOf: Int32Array;
  /** Per consumer: messages sent and not yet arrived, and not yet finished. */
  private readonly inTransit: Int32Array;
  private readonly outstanding: Int32Array;
  private pumping = false;
  private pumpAgain = false;
  /** Messages consumed successfully, and dropped after a consumer failed, since measurement began. */
  consumed = 0;
  deadLettered = 0;
  /** The longest wait of a message handed out since measurement began, in ms. */
  private longestHandedOutMs = 0;

  constructor(sim: Simulation, node: number, params: Params) {
    super(sim, node);
    this.consumers = sim.outgoing[node];
    this.consumerOf = new Int32Array(sim.edgeIds.length).fill(-1);
    this.consumers.forEach((edge, i) => (this.consumerOf[edge] = i));
    this.inTransit = new Int32Array(this.consumers.length);
    this.outstanding = new Int32Array(this.consumers.length);
    this.configure(params);
    const pull = () => this.pump();
    const fed = new Set<number>();
    for (const e of this.consumers) {
      const target = sim.edgeTarget[e];
      if (!fed.has(target)) sim.addIdleListener(target, pull);
      fed.add(target);
    }
  }

  configure(p: Params): void {
    this.capacity = p.capacity === null || p.capacity === undefined ? Infinity : (p.capacity as number);
    this.onePerPartition = p.consumption === 'perPartition';
    const count = p.partitions as number;
    if (count !== this.partitions.length) {
      // Repartitioning keeps every held message, in order of arrival within the old partitions.
      const old = this.partitions;
      this.partitions = Array.from({ length: count }, () => new MessageRing());
      for (const ring of old) {
        while (ring.length > 0) {
          const time = ring.oldestTime();
          const request = ring.shift();
          this.partitions[this.partitionOf(request)].push(request, time);
        }
      }
      // Messages out with consumers now count against their new partitions.
      this.inFlight = new Int32Array(count);
      for (const [request, out] of this.outByRequest) this.inFlight[this.partitionOf(request)] += out;
    }
  }

  private partitionOf(request: number): number {
    return mix32(this.sim.keyOf(request) ^ 0x1b873593) % this.partitions.length;
  }

  arrive(call: number): void {
    const sim = this.sim;
    if (this.held >= this.capacity) {
      sim.stats[this.node].rejected++;
      sim.respond(call, false);
      return;
    }
    const request = sim.calls.request[call];
    sim.requests.refs[request]++;
    this.partitions[this.partitionOf(request)].push(request, sim.now);
    this.held++;
    sim.respond(call, true);
    this.pump();
  }

  served(): void {
    throw new Error('A queue hands messages to consumers; it does not serve them.');
  }

  /** Whether consumer `i` can take a message now. */
  private ready(i: number): boolean {
    const sim = this.sim;
    const e = this.consumers[i];
    const target = sim.edgeTarget[e];
    if (sim.nodeDown[target] === 1 || !sim.edgeOpen(e)) return false;
    const station = sim.stations[target];
    if (station.passThrough) return this.outstanding[i] < station.workers;
    return station.busy + station.queueLength + this.inTransit[i] < station.workers;
  }

  /** Hands out messages while some consumer is ready. Re-entrant calls just ask for another round. */
  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    if (this.held === 0 || this.sim.nodeDown[this.node] === 1) return;
    this.pumping = true;
    do {
      this.pumpAgain = false;
      const n = this.consumers.length;
      for (let tried = 0; tried < n && this.held > 0; ) {
        const i = this.nextConsumer;
        if (!this.ready(i)) {
          this.nextConsumer = (i + 1) % n;
          tried++;
          continue;
        }
        const partition = this.nextPartitionToTake();
        if (partition < 0) break; // every partition with messages has one out already
        this.dispatch(i, partition);
        tried = 0;
      }
    } while (this.pumpAgain && this.held > 0);
    this.pumping = false;
  }

  private dispatch(i: number, partition: number): void {
    const ring = this.partitions[partition];
    if (this.sim.measuring) this.longestHandedOutMs = Math.max(this.longestHandedOutMs, this.sim.now - ring.oldestTime());
    const request = ring.shift();
    this.nextPartition = (partition + 1) % this.partitions.length;
    this.held--;
    this.inTransit[i]++;
    this.outstanding[i]++;
    this.countOut(request, 1);
    if (this.sim.sendDetached(request, this.consumers[i]) < 0) {
      this.inTransit[i]--;
      this.outstanding[i]--;
      this.countOut(request, -1);
      this.finish(false);
    }
    this.sim.requests.refs[request]--;
    this.sim.requests.releaseIfDone(request);
    // Consumers take turns, so equal consumers share the work.
    this.nextConsumer = (i + 1) % this.consumers.length;
  }

  private countOut(request: number, change: number): void {
    const out = (this.outByRequest.get(request) ?? 0) + change;
    if (out === 0) this.outByRequest.delete(request);
    else this.outByRequest.set(request, out);
    this.inFlight[this.partitionOf(request)] += change;
  }

  /** The next partition, in turn, with a message to hand out (−1: none may hand one out now). */
  private nextPartitionToTake(): number {
    for (let k = 0; k < this.partitions.length; k++) {
      const p = (this.nextPartition + k) % this.partitions.length;
      if (this.partitions[p].length > 0 && !(this.onePerPartition && this.inFlight[p] > 0)) return p;
    }
    return -1;
  }

  detachedDelivered(call: number): void {
    this.inTransit[this.consumerOf[this.sim.calls.edge[call]]]--;
  }

  detachedReturned(call: number, ok: boolean): void {
    const i = this.consumerOf[this.sim.calls.edge[call]];
    this.outstanding[i]--;
    this.countOut(this.sim.calls.request[call], -1);
    this.finish(ok);
    this.pump();
  }

  private finish(ok: boolean): void {
    if (!this.sim.measuring) return;
    if (ok) this.consumed++;
    else this.deadLettered++;
  }

  wake(): void {
    this.pump();
  }

  resetFigures(): void {
    this.consumed = 0;
    this.deadLettered = 0;
    this.longestHandedOutMs = 0;
  }

  backlog(): number {
    return this.held;
  }

  lagMs(): number {
    let oldest = Infinity;
    for (const ring of this.partitions) if (ring.length > 0) oldest = Math.min(oldest, ring.oldestTime());
    return oldest === Infinity ? 0 : this.sim.now - oldest;
  }

  longestWaitMs(): number {
    return Math.max(this.longestHandedOutMs, this.lagMs());
  }
}
