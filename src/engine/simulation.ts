/**
 * The simulation core: a clock, a future event list, and the life of a call — sent over an
 * edge, delivered to a node, queued at its station, served, routed on by the node's
 * behaviour, and answered back over the same edge. Everything kind-specific lives in
 * behaviours/; everything here is shared by every kind.
 */
import type { Design } from '../model/types';
import type { NodeKind, Params } from '../model/params';
import type { Behaviour } from './behaviour';
import type { ClientBehaviour } from './behaviours/client';
import { LoadBalancerBehaviour } from './behaviours/loadBalancer';
import { Dist, sampleService } from './distributions';
import { EventQueue } from './eventQueue';
import { Histogram } from './histogram';
import { createBehaviour, stationConfig } from './kinds';
import { EndToEndStats, NodeStats, TimeSeries } from './metrics';
import { hashUniform } from './random';
import { Station } from './station';
import { CallTable, RequestTable } from './tables';

// Event types, packed with an id into one 32-bit payload: id << TYPE_BITS | type.
const ARRIVAL = 0; // id: client node
const SERVICE_DONE = 1; // id: call
const DELIVER = 2; // id: call, arriving after the edge's latency
const RETURN = 3; // id: call, its response arriving back at the caller
const WINDOW = 4; // close a window of the time series
const TIMEOUT = 5; // id: request, its client's deadline
const RETRY = 6; // id: request, its backoff over
const TYPE_BITS = 3;
const TYPE_MASK = (1 << TYPE_BITS) - 1;

/** A root call's parent: the client that sent it. */
export const FROM_CLIENT = -1;

const WHEN_ALWAYS = 0;
const WHEN_READS = 1;
const WHEN_WRITES = 2;

export interface SimulationOptions {
  /** Overrides the design's seed. */
  seed?: number;
  /** Figures count requests sent at or after this simulated time. */
  warmupMs?: number;
  /** Width of a time-series window in simulated ms. */
  windowMs?: number;
}

export class Simulation {
  now = 0;
  events = 0;
  readonly seed: number;
  readonly warmupMs: number;
  readonly windowMs: number;
  measuring = false;
  private arrivalsStopped = false;

  readonly queue = new EventQueue();
  readonly requests = new RequestTable();
  readonly calls = new CallTable();

  // The graph, by index. Node and edge order is the design's.
  readonly nodeIds: string[];
  readonly nodeKinds: NodeKind[];
  readonly outgoing: Int32Array[];
  readonly edgeIds: string[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeLatency: Float64Array;
  readonly edgeWeight: Float64Array;
  readonly edgeWhen: Uint8Array;

  readonly stations: Station[];
  readonly behaviours: Behaviour[];
  readonly stats: NodeStats[];
  /** 1 where the node keeps its worker until it responds (blocking servers). */
  readonly holdsUntilResponse: Uint8Array;

  readonly edgeSent: Float64Array;
  readonly edgeFailed: Float64Array;
  readonly edgeInFlight: Int32Array;
  private readonly edgeWindowSent: Float64Array;
  private readonly edgeWindowFailed: Float64Array;

  readonly e2e = new EndToEndStats();
  readonly series = new TimeSeries();
  private readonly windowLatency = new Histogram();
  private windowCompleted = 0;
  private windowFailed = 0;
  private readonly windowBusy: Float64Array;
  private readonly windowCapacity: Float64Array;
  private readonly windowQueue: Float64Array;
  private readonly clients: ClientBehaviour[] = [];

  constructor(design: Design, options: SimulationOptions = {}) {
    this.seed = options.seed ?? design.seed;
    this.warmupMs = options.warmupMs ?? 0;
    this.windowMs = options.windowMs ?? 1000;

    const index = new Map(design.nodes.map((n, i) => [n.id, i]));
    this.nodeIds = design.nodes.map((n) => n.id);
    this.nodeKinds = design.nodes.map((n) => n.kind);
    const edgeCount = design.edges.length;
    this.edgeIds = design.edges.map((e) => e.id);
    this.edgeSource = Int32Array.from(design.edges, (e) => index.get(e.source)!);
    this.edgeTarget = Int32Array.from(design.edges, (e) => index.get(e.target)!);
    this.edgeLatency = new Float64Array(edgeCount);
    this.edgeWeight = new Float64Array(edgeCount);
    this.edgeWhen = new Uint8Array(edgeCount);
    design.edges.forEach((e, i) => this.applyEdgeParams(i, e.params));
    this.outgoing = design.nodes.map((_, n) =>
      Int32Array.from(design.edges.flatMap((_, i) => (this.edgeSource[i] === n ? [i] : []))),
    );
    this.edgeSent = new Float64Array(edgeCount);
    this.edgeFailed = new Float64Array(edgeCount);
    this.edgeInFlight = new Int32Array(edgeCount);
    this.edgeWindowSent = new Float64Array(edgeCount);
    this.edgeWindowFailed = new Float64Array(edgeCount);

    const n = design.nodes.length;
    this.stats = design.nodes.map(() => new NodeStats());
    this.stations = design.nodes.map((node) => new Station(stationConfig(node.kind, node.params)));
    this.holdsUntilResponse = Uint8Array.from(design.nodes, (node) => (node.params.callMode === 'blocking' ? 1 : 0));
    this.windowBusy = new Float64Array(n);
    this.windowCapacity = new Float64Array(n);
    this.windowQueue = new Float64Array(n);
    this.behaviours = design.nodes.map((node, i) => createBehaviour(this, i, node, this.seed));

    design.nodes.forEach((node, i) => {
      if (node.kind !== 'client') return;
      const client = this.behaviours[i] as ClientBehaviour;
      this.clients[i] = client;
      this.scheduleArrival(i);
    });
    this.schedule(this.windowMs, WINDOW, 0);
    if (this.warmupMs <= 0) this.beginMeasurement();
  }

  // ---- Running -------------------------------------------------------------------------

  /** Advances simulated time to `limitMs`, processing every event up to it. */
  runUntil(limitMs: number): void {
    this.runFor(Infinity, limitMs);
  }

  /**
   * Advances towards `limitMs` for at most `wallMs` of real time, so a worker can run in
   * slices and stay responsive. Returns true once simulated time has reached the limit.
   */
  runFor(wallMs: number, limitMs: number): boolean {
    const deadline = wallMs === Infinity ? Infinity : performance.now() + wallMs;
    if (!this.measuring && limitMs >= this.warmupMs) {
      if (!this.process(this.warmupMs, deadline)) return false;
      this.beginMeasurement();
    }
    return this.process(limitMs, deadline);
  }

  private process(limitMs: number, deadline: number): boolean {
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTime() <= limitMs) {
      const payload = queue.pop();
      this.now = queue.poppedTime;
      this.events++;
      const id = payload >>> TYPE_BITS;
      switch (payload & TYPE_MASK) {
        case SERVICE_DONE:
          this.serviceDone(id);
          break;
        case ARRIVAL:
          this.arrival(id);
          break;
        case DELIVER:
          this.deliver(id);
          break;
        case RETURN:
          this.returnCall(id);
          break;
        case WINDOW:
          this.closeWindow();
          break;
        case TIMEOUT:
          this.timeout(id);
          break;
        case RETRY:
          this.requests.refs[id]--;
          this.sendAttempt(id);
          break;
      }
      if ((this.events & 4095) === 0 && deadline !== Infinity && performance.now() > deadline) return false;
    }
    if (limitMs > this.now && limitMs !== Infinity) this.now = limitMs;
    return true;
  }

  schedule(time: number, type: number, id: number): void {
    this.queue.push(time, (id << TYPE_BITS) | type);
  }

  private beginMeasurement(): void {
    this.measuring = true;
    for (let n = 0; n < this.stations.length; n++) {
      const station = this.stations[n];
      station.account(this.now);
      station.resetIntegrals(this.now);
      this.windowBusy[n] = 0;
      this.windowCapacity[n] = 0;
      this.windowQueue[n] = 0;
      this.stats[n].reset();
    }
  }

  /** Stops new arrivals and runs until every request has settled and every call returned. */
  drain(maxMs = 3_600_000): void {
    this.arrivalsStopped = true;
    const until = this.now + maxMs;
    while ((this.requests.live > 0 || this.calls.live > 0) && this.now < until) this.runUntil(this.now + 1000);
  }

  // ---- A request's life at the client ---------------------------------------------------

  private arrival(clientNode: number): void {
    if (this.arrivalsStopped) return;
    const client = this.clients[clientNode];
    const r = this.requests;
    const request = r.create();
    r.client[request] = clientNode;
    r.sentAt[request] = this.now;
    r.measured[request] = this.measuring ? 1 : 0;
    client.describe(request);
    this.stats[clientNode].arrivals++;
    if (this.measuring) {
      this.e2e.sent++;
      this.e2e.inFlight++;
    }
    this.sendAttempt(request);
    this.scheduleArrival(clientNode);
  }

  private scheduleArrival(clientNode: number): void {
    const next = this.clients[clientNode].nextArrival(this.now);
    if (next !== Infinity) this.schedule(next, ARRIVAL, clientNode);
  }

  private sendAttempt(request: number): void {
    const r = this.requests;
    const client = this.clients[r.client[request]];
    const edge = this.chooseClientEdge(r.client[request], r.isWrite[request] === 1);
    if (edge < 0) {
      this.settle(request, false);
      return;
    }
    if (client.timeoutMs > 0) {
      r.deadline[request] = this.now + client.timeoutMs;
      r.refs[request]++;
      this.schedule(r.deadline[request], TIMEOUT, request);
    }
    this.sendCall(FROM_CLIENT, request, edge, r.attempt[request]);
  }

  /** The first outgoing edge that carries this kind of request. */
  private chooseClientEdge(clientNode: number, isWrite: boolean): number {
    const edges = this.outgoing[clientNode];
    for (let i = 0; i < edges.length; i++) if (this.carries(edges[i], isWrite)) return edges[i];
    return -1;
  }

  private timeout(request: number): void {
    const r = this.requests;
    r.refs[request]--;
    // Only the current attempt's deadline counts; earlier attempts' timers are stale.
    if (r.settled[request] === 0 && r.deadline[request] === this.now) {
      if (r.measured[request]) this.e2e.timedOut++;
      this.attemptFailed(request);
    } else this.freeIfDone(request);
  }

  /** The current attempt failed or timed out: retry after a backoff, or give up. */
  private attemptFailed(request: number): void {
    const r = this.requests;
    const client = this.clients[r.client[request]];
    const attempt = r.attempt[request];
    if (attempt < client.retries) {
      r.attempt[request] = attempt + 1;
      r.refs[request]++;
      if (r.measured[request]) this.e2e.retries++;
      this.schedule(this.now + client.backoff(attempt + 1), RETRY, request);
    } else {
      this.settle(request, false);
    }
  }

  private settle(request: number, ok: boolean): void {
    const r = this.requests;
    r.settled[request] = 1;
    const latency = this.now - r.sentAt[request];
    if (ok) {
      this.windowCompleted++;
      this.windowLatency.record(latency);
    } else this.windowFailed++;
    const client = this.stats[r.client[request]];
    if (r.measured[request]) {
      this.e2e.inFlight--;
      if (ok) {
        this.e2e.completed++;
        this.e2e.latency.record(latency);
        client.completed++;
        client.latency.record(latency);
      } else {
        this.e2e.failed++;
        client.failed++;
      }
    }
    this.freeIfDone(request);
  }

  private freeIfDone(request: number): void {
    if (this.requests.refs[request] === 0 && this.requests.settled[request] === 1) this.requests.release(request);
  }

  // ---- A call's life at a node ----------------------------------------------------------

  /** Sends a child call from `parent` (a call at this node) down `edge`. */
  send(parent: number, edge: number): void {
    const c = this.calls;
    c.mark[parent] = this.now;
    this.sendCall(parent, c.request[parent], edge, c.attempt[parent]);
  }

  private sendCall(parent: number, request: number, edge: number, attempt: number): void {
    const call = this.calls.create(request, this.edgeTarget[edge], parent, edge, attempt);
    this.requests.refs[request]++;
    this.edgeSent[edge]++;
    this.edgeWindowSent[edge]++;
    this.edgeInFlight[edge]++;
    const latency = this.edgeLatency[edge];
    if (latency > 0) this.schedule(this.now + latency, DELIVER, call);
    else this.deliver(call);
  }

  private deliver(call: number): void {
    const node = this.calls.node[call];
    this.calls.arrivedAt[call] = this.now;
    const stats = this.stats[node];
    stats.arrivals++;
    stats.windowArrivals++;
    this.behaviours[node].arrive(call);
  }

  /** The call joins its node's station: served at once, queued, or dropped if the room is full. */
  enter(call: number): void {
    const node = this.calls.node[call];
    const station = this.stations[node];
    if (station.passThrough) {
      this.behaviours[node].served(call);
    } else if (station.busy < station.workers) {
      this.startService(station, call);
    } else if (station.queueLength < station.queueCapacity) {
      station.account(this.now);
      station.push(call);
    } else {
      this.stats[node].dropped++;
      this.respond(call, false);
    }
  }

  private startService(station: Station, call: number): void {
    station.account(this.now);
    station.busy++;
    this.calls.holdsWorker[call] = 1;
    const r = this.requests;
    const request = this.calls.request[call];
    // The request's k-th demand is a pure function of its seed and k (common random numbers).
    const k = r.draws[request]++;
    const seed = r.demandSeed[request];
    const mean = (r.isWrite[request] === 1 ? station.writeMeanMs : station.readMeanMs) * station.slowdown;
    const u2 = station.dist === Dist.Lognormal ? hashUniform(seed, 2 * k + 1) : 0;
    const service = sampleService(station.dist, mean, station.sigma, hashUniform(seed, 2 * k), u2);
    this.schedule(this.now + service, SERVICE_DONE, call);
  }

  private serviceDone(call: number): void {
    const node = this.calls.node[call];
    if (this.holdsUntilResponse[node] === 0) this.releaseWorker(call);
    this.behaviours[node].served(call);
  }

  private releaseWorker(call: number): void {
    this.calls.holdsWorker[call] = 0;
    const station = this.stations[this.calls.node[call]];
    station.account(this.now);
    station.busy--;
    if (station.queueLength > 0 && station.busy < station.workers) this.startService(station, station.shift());
  }

  /** The node answers the call; the response travels back over the edge it came in on. */
  respond(call: number, ok: boolean): void {
    const c = this.calls;
    if (c.holdsWorker[call] === 1) this.releaseWorker(call);
    const stats = this.stats[c.node[call]];
    if (ok) {
      stats.completed++;
      stats.latency.record(this.now - c.arrivedAt[call]);
    } else stats.failed++;
    c.ok[call] = ok ? 1 : 0;
    const latency = this.edgeLatency[c.edge[call]];
    if (latency > 0) this.schedule(this.now + latency, RETURN, call);
    else this.returnCall(call);
  }

  private returnCall(call: number): void {
    const c = this.calls;
    const parent = c.parent[call];
    const edge = c.edge[call];
    const request = c.request[call];
    const attempt = c.attempt[call];
    const ok = c.ok[call] === 1;
    c.release(call);
    this.edgeInFlight[edge]--;
    if (!ok) {
      this.edgeFailed[edge]++;
      this.edgeWindowFailed[edge]++;
    }
    const r = this.requests;
    r.refs[request]--;
    if (parent >= 0) {
      this.behaviours[c.node[parent]].returned(parent, ok);
    } else if (r.settled[request] === 0 && attempt === r.attempt[request]) {
      if (ok) this.settle(request, true);
      else this.attemptFailed(request);
    } else {
      // A response to an attempt the client already gave up on.
      this.freeIfDone(request);
    }
  }

  /** Whether `edge` carries this kind of request (its `when`). */
  carries(edge: number, isWrite: boolean): boolean {
    const when = this.edgeWhen[edge];
    return when === WHEN_ALWAYS || (when === WHEN_READS ? !isWrite : isWrite);
  }

  /**
   * For nodes that call their outgoing edges in order: the next edge after the call's stage
   * that carries its request, advancing the stage; −1 when there is none left.
   */
  nextEdge(call: number): number {
    const edges = this.outgoing[this.calls.node[call]];
    const isWrite = this.requests.isWrite[this.calls.request[call]] === 1;
    for (let i = this.calls.stage[call]; i < edges.length; i++) {
      if (this.carries(edges[i], isWrite)) {
        this.calls.stage[call] = i + 1;
        return edges[i];
      }
    }
    this.calls.stage[call] = edges.length;
    return -1;
  }

  // ---- Time series ----------------------------------------------------------------------

  private closeWindow(): void {
    const seconds = this.windowMs / 1000;
    const nodes = this.stations.length;
    const utilization: number[] = new Array(nodes);
    const queue: number[] = new Array(nodes);
    const nodeRate: number[] = new Array(nodes);
    for (let n = 0; n < nodes; n++) {
      const station = this.stations[n];
      station.account(this.now);
      const capacity = station.capacityArea - this.windowCapacity[n];
      utilization[n] = capacity > 0 ? (station.busyArea - this.windowBusy[n]) / capacity : 0;
      queue[n] = (station.queueArea - this.windowQueue[n]) / this.windowMs;
      nodeRate[n] = this.stats[n].windowArrivals / seconds;
      this.windowBusy[n] = station.busyArea;
      this.windowCapacity[n] = station.capacityArea;
      this.windowQueue[n] = station.queueArea;
      this.stats[n].windowArrivals = 0;
    }
    const settled = this.windowCompleted + this.windowFailed;
    this.series.add({
      tS: this.now / 1000,
      throughput: this.windowCompleted / seconds,
      errorRate: settled > 0 ? this.windowFailed / settled : 0,
      p50: this.windowLatency.quantile(0.5),
      p95: this.windowLatency.quantile(0.95),
      p99: this.windowLatency.quantile(0.99),
      utilization,
      queue,
      nodeRate,
      edgeRate: Array.from(this.edgeWindowSent, (v) => v / seconds),
      edgeErrors: Array.from(this.edgeWindowFailed, (v) => v / seconds),
    });
    this.edgeWindowSent.fill(0);
    this.edgeWindowFailed.fill(0);
    this.windowCompleted = 0;
    this.windowFailed = 0;
    this.windowLatency.reset();
    this.schedule(this.now + this.windowMs, WINDOW, 0);
  }

  // ---- Live changes ---------------------------------------------------------------------

  nodeIndex(id: string): number {
    const i = this.nodeIds.indexOf(id);
    if (i < 0) throw new Error(`No node '${id}' in the running design.`);
    return i;
  }

  /** Applies a node's complete (restored) params while running. */
  setNodeParams(id: string, params: Params): void {
    const n = this.nodeIndex(id);
    const station = this.stations[n];
    station.account(this.now);
    station.configure(stationConfig(this.nodeKinds[n], params));
    this.holdsUntilResponse[n] = params.callMode === 'blocking' ? 1 : 0;
    this.behaviours[n].configure(params);
    // More workers may serve waiting calls at once.
    while (station.queueLength > 0 && station.busy < station.workers) this.startService(station, station.shift());
  }

  /** Applies an edge's complete (restored) params while running. */
  setEdgeParams(id: string, params: Params): void {
    const e = this.edgeIds.indexOf(id);
    if (e < 0) throw new Error(`No edge '${id}' in the running design.`);
    this.applyEdgeParams(e, params);
    const source = this.behaviours[this.edgeSource[e]];
    if (source instanceof LoadBalancerBehaviour) source.refreshWeights();
  }

  private applyEdgeParams(e: number, params: Params): void {
    this.edgeLatency[e] = params.latencyMs as number;
    this.edgeWeight[e] = params.weight as number;
    this.edgeWhen[e] = params.when === 'reads' ? WHEN_READS : params.when === 'writes' ? WHEN_WRITES : WHEN_ALWAYS;
  }
}
