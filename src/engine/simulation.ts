/**
 * The simulation core: a clock, a future event list, and the life of a call — sent over an
 * edge, delivered to a node, queued at its station, served, routed on by the node's
 * behaviour, and answered back over the same edge. Everything kind-specific lives in
 * behaviours/; everything here is shared by every kind. The steps of a call's life are
 * protected rather than private so that a tracer (src/trace) can follow them in a subclass,
 * leaving this class's hot path exactly as it is.
 */
import type { Design, FaultAction, ScheduledFault } from '../model/types';
import { ARRIVAL_PARAMS, type NodeKind, type Params } from '../model/params';
import type { Behaviour } from './behaviour';
import type { ClientBehaviour } from './behaviours/client';
import { Breakers, type BreakerStateName } from './breakers';
import { LoadBalancerBehaviour } from './behaviours/loadBalancer';
import { Dist, sampleService } from './distributions';
import { EventQueue } from './eventQueue';
import { Histogram, HistogramMark } from './histogram';
import { createBehaviour, stationConfig } from './kinds';
import { EndToEndStats, NodeStats, TimeSeries } from './metrics';
import { hashUniform, RandomStream } from './random';
import { Station, type StationConfig } from './station';
import { ATTR_KEY, ATTR_SESSION, ATTR_WRITE, CallTable, RequestTable } from './tables';

/** Read once: a module constant in the hot path, not a property lookup per service. */
const LOGNORMAL = Dist.Lognormal;

// Event types, packed with an id into one 32-bit payload: id << TYPE_BITS | type. (Arrivals
// are events too, but they wait beside the heap: see Simulation.arrivalAt.)
const SERVICE_DONE = 0; // id: call
const DELIVER = 1; // id: call, arriving after the edge's latency
const RETURN = 2; // id: call, its response arriving back at the caller
const WINDOW = 3; // close a window of the time series
const TIMEOUT = 4; // id: request, its client's deadline
const RETRY = 5; // id: request, its backoff over
const TIMER = 6; // id: a registered timer (health checks, scheduled faults)
const CALL_TIMER = 7; // id: call, a timer its node's behaviour set for it (a balancer's hedge)
const TYPE_BITS = 3;
const TYPE_MASK = (1 << TYPE_BITS) - 1;

/** The quantile node badges show per window. */
const P99 = [0.99];

/** Events per batch of the event loop (see runBatch). */
const BATCH = 4096;

/** A root call's parent: the client that sent it. */
export const FROM_CLIENT = -1;
/** A detached call's parent: nobody waits for it (a queued message, a replica applying a write). */
export const DETACHED = -2;

// Call flags. The first, PROBE (breakers.ts), is admit()'s answer for a call let through a
// half-open breaker, stored as it comes.
/** Call flag: its node was killed while the call was inside it; the call fails. */
const KILLED = 2;

/** A fault as applied, for timelines and chart markers. */
export interface AppliedFault {
  tS: number;
  action: FaultAction;
  target: string;
  /** True when this entry is a timed fault ending (its durationS elapsed). */
  ended?: boolean;
}

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
  /** Each node's current params (kept for figures such as cost). */
  readonly nodeParams: Params[];
  readonly outgoing: Int32Array[];
  readonly edgeIds: string[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Effective one-way latency: the edge's own plus any `addLatency` fault. */
  readonly edgeLatency: Float64Array;
  readonly edgeBaseLatency: Float64Array;
  readonly edgeAddedLatency: Float64Array;
  readonly edgeWeight: Float64Array;
  readonly edgeWhen: Uint8Array;
  /** 1 while a `cut` fault partitions the edge: calls over it fail at once. */
  readonly edgeCut: Uint8Array;
  /** 1 where sending needs a closer look (cut, or a circuit breaker): keeps the common path to one test. */
  private readonly edgeGuard: Uint8Array;

  /** Circuit breakers, per edge. */
  readonly breakers: Breakers;

  /** Each node's own station, by node index. */
  readonly stations: Station[];
  /** Every station: the nodes' own first (index = node), then extra ones (database replicas). */
  readonly allStations: Station[];
  /** Indices into allStations of each node's stations. */
  readonly nodeStations: number[][];
  /** 1 while a node is killed: calls to it fail. */
  readonly nodeDown: Uint8Array;
  /** When each node last went down, and how long it has been down since measuring began (ms). */
  private readonly nodeDownSince: Float64Array;
  private readonly nodeDownMs: Float64Array;
  /** Bumped when a node is killed, so calls that were inside it fail. */
  readonly nodeEpoch: Int32Array;
  /** Probability a node answers a served call with an error (independent failures). */
  private readonly nodeErrorRate: Float64Array;
  /** 1 where a finished service needs a closer look (an error rate, or calls caught in a kill): keeps the common path to one test. */
  private readonly nodeGuard: Uint8Array;
  private readonly errorRng: RandomStream[];
  readonly faultLog: AppliedFault[] = [];
  private readonly timers: Array<() => void> = [];
  /**
   * Each client's next arrival, Infinity when none is due. Arrivals are half of all events, and
   * a client only ever has one pending: kept beside the heap instead of in it, an arrival costs
   * a comparison instead of a push and a pop. `nextClient` has the earliest, at `nextArrivalAt`.
   */
  private readonly arrivalAt: Float64Array;
  private readonly clientNodes: Int32Array;
  private nextClient = -1;
  private nextArrivalAt = Infinity;
  readonly behaviours: Behaviour[];
  readonly stats: NodeStats[];
  /** 1 where the node keeps its worker until it responds (blocking servers). */
  readonly holdsUntilResponse: Uint8Array;

  readonly edgeSent: Float64Array;
  readonly edgeFailed: Float64Array;
  readonly edgeInFlight: Int32Array;
  /** edgeSent and edgeFailed when the current window opened: the window's counts are the differences. */
  private readonly edgeSentAtWindow: Float64Array;
  private readonly edgeFailedAtWindow: Float64Array;

  readonly e2e = new EndToEndStats();
  readonly series = new TimeSeries();
  /** Latencies of the requests completed in this window, measured or not. */
  private readonly windowLatency = new Histogram();
  /**
   * Latencies of measured requests completed since the last fold, per client. A completion is
   * bucketed once, here, instead of in three histograms; foldLatency adds the counts into the
   * client's, the end-to-end and the window's histograms whenever a slice of the run ends or a
   * window closes, so figures read between slices are whole. Slices end at wall-clock moments,
   * so sums (for means) are not folded: each latency is added to them as it happens, and the
   * figures stay the same bit for bit however a run is sliced.
   */
  private readonly pendingLatency: Histogram[] = [];
  private windowFailed = 0;
  private readonly windowBusy: Float64Array;
  private readonly windowCapacity: Float64Array;
  private readonly windowQueue: Float64Array;
  /** Each node's arrivals when the current window opened: the window's count is the difference. */
  private readonly arrivalsAtWindow: Float64Array;
  /** Each node's latency histogram when the current window opened: the window's p99 is measured from it. */
  private readonly latencyAtWindow: HistogramMark[];
  private readonly clients: ClientBehaviour[] = [];

  constructor(design: Design, options: SimulationOptions = {}) {
    this.seed = options.seed ?? design.seed;
    this.warmupMs = options.warmupMs ?? 0;
    this.windowMs = options.windowMs ?? 1000;

    const index = new Map(design.nodes.map((n, i) => [n.id, i]));
    this.nodeIds = design.nodes.map((n) => n.id);
    this.nodeKinds = design.nodes.map((n) => n.kind);
    this.nodeParams = design.nodes.map((n) => ({ ...n.params }));
    const edgeCount = design.edges.length;
    this.edgeIds = design.edges.map((e) => e.id);
    this.edgeSource = Int32Array.from(design.edges, (e) => index.get(e.source)!);
    this.edgeTarget = Int32Array.from(design.edges, (e) => index.get(e.target)!);
    this.edgeLatency = new Float64Array(edgeCount);
    this.edgeBaseLatency = new Float64Array(edgeCount);
    this.edgeAddedLatency = new Float64Array(edgeCount);
    this.edgeWeight = new Float64Array(edgeCount);
    this.edgeWhen = new Uint8Array(edgeCount);
    this.edgeCut = new Uint8Array(edgeCount);
    this.edgeGuard = new Uint8Array(edgeCount);
    this.breakers = new Breakers(this.edgeIds);
    design.edges.forEach((e, i) => this.applyEdgeParams(i, e.params));
    this.outgoing = design.nodes.map((_, n) =>
      Int32Array.from(design.edges.flatMap((_, i) => (this.edgeSource[i] === n ? [i] : []))),
    );
    this.edgeSent = new Float64Array(edgeCount);
    this.edgeFailed = new Float64Array(edgeCount);
    this.edgeInFlight = new Int32Array(edgeCount);
    this.edgeSentAtWindow = new Float64Array(edgeCount);
    this.edgeFailedAtWindow = new Float64Array(edgeCount);

    const n = design.nodes.length;
    this.stats = design.nodes.map(() => new NodeStats());
    this.stations = design.nodes.map((node) => new Station(stationConfig(node.kind, node.params)));
    this.allStations = this.stations.slice();
    this.nodeStations = design.nodes.map((_, i) => [i]);
    this.nodeDown = new Uint8Array(n);
    this.nodeDownSince = new Float64Array(n);
    this.nodeDownMs = new Float64Array(n);
    this.nodeEpoch = new Int32Array(n);
    this.nodeErrorRate = Float64Array.from(design.nodes, (node) => (node.params.errorRate as number | undefined) ?? 0);
    this.nodeGuard = Uint8Array.from(this.nodeErrorRate, (rate) => (rate > 0 ? 1 : 0));
    this.errorRng = design.nodes.map((node) => new RandomStream(this.seed, `errors:${node.id}`));
    this.arrivalAt = new Float64Array(n).fill(Infinity);
    this.clientNodes = Int32Array.from(design.nodes.flatMap((node, i) => (node.kind === 'client' ? [i] : [])));
    this.holdsUntilResponse = Uint8Array.from(design.nodes, (node) => (node.params.callMode === 'blocking' ? 1 : 0));
    this.windowBusy = new Float64Array(n);
    this.windowCapacity = new Float64Array(n);
    this.windowQueue = new Float64Array(n);
    this.arrivalsAtWindow = new Float64Array(n);
    this.latencyAtWindow = design.nodes.map(() => new HistogramMark());
    this.behaviours = design.nodes.map((node, i) => createBehaviour(this, i, node, this.seed));

    design.nodes.forEach((node, i) => {
      if (node.kind !== 'client') return;
      const client = this.behaviours[i] as ClientBehaviour;
      this.clients[i] = client;
      this.pendingLatency[i] = new Histogram();
      this.scheduleArrival(i);
    });
    for (const fault of design.faults ?? []) {
      const timer = this.registerTimer(() => this.injectFault(fault));
      this.at(fault.atS * 1000, timer);
    }
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
    let reached = true;
    while (this.runBatch(limitMs)) {
      if (deadline !== Infinity && performance.now() > deadline) {
        reached = false;
        break;
      }
    }
    this.foldLatency();
    if (reached && limitMs > this.now && limitMs !== Infinity) this.now = limitMs;
    return reached;
  }

  /**
   * Processes up to BATCH events up to `limitMs`; true when it stopped because the batch was
   * full. Batches let the wall clock be read between them, and they make the event loop a
   * function entered thousands of times a second: the JIT optimises it as a whole, with
   * feedback for its entry and exit, instead of only by on-stack replacement of one long loop.
   */
  private runBatch(limitMs: number): boolean {
    const queue = this.queue;
    for (let n = 0; n < BATCH; n++) {
      const heapTime = queue.peekTime();
      // An arrival at the same instant as a heap event comes first (a fixed rule: runs repeat).
      const arrivalAt = this.nextArrivalAt;
      if (arrivalAt <= heapTime && arrivalAt !== Infinity) {
        if (arrivalAt > limitMs) return false;
        this.now = arrivalAt;
        this.events++;
        this.arrival(this.nextClient);
        continue;
      }
      if (queue.size === 0 || heapTime > limitMs) return false;
      const payload = queue.pop();
      this.now = queue.poppedTime;
      this.events++;
      const id = payload >>> TYPE_BITS;
      switch (payload & TYPE_MASK) {
        case SERVICE_DONE:
          this.serviceDone(id);
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
          this.retry(id);
          break;
        case TIMER:
          this.timers[id]();
          break;
        case CALL_TIMER:
          this.behaviours[this.calls.node[id]].callTimer(id);
          break;
      }
    }
    return true;
  }

  schedule(time: number, type: number, id: number): void {
    this.queue.push(time, (id << TYPE_BITS) | type);
  }

  /** A callback the event loop can fire any number of times without allocating: register once, then `at`. */
  registerTimer(fire: () => void): number {
    this.timers.push(fire);
    return this.timers.length - 1;
  }

  /** Fires a registered timer at simulated time `timeMs`. */
  at(timeMs: number, timer: number): void {
    this.schedule(timeMs, TIMER, timer);
  }

  /**
   * Calls the behaviour of `call`'s node back with callTimer(call) at `timeMs`. The call may
   * have been answered and its id reused by then: the behaviour must recognise its own timers.
   */
  callAt(timeMs: number, call: number): void {
    this.schedule(timeMs, CALL_TIMER, call);
  }

  /** An extra station inside node `n` (a database replica), returning its index in allStations. */
  addStation(n: number, config: StationConfig): number {
    const station = new Station(config);
    station.resetIntegrals(this.now);
    this.allStations.push(station);
    this.nodeStations[n].push(this.allStations.length - 1);
    return this.allStations.length - 1;
  }

  private beginMeasurement(): void {
    this.measuring = true;
    for (const station of this.allStations) {
      station.account(this.now);
      station.resetIntegrals(this.now);
    }
    for (let n = 0; n < this.stations.length; n++) {
      this.windowBusy[n] = 0;
      this.windowCapacity[n] = 0;
      this.windowQueue[n] = 0;
      // Arrivals restart from 0; keep the open window's count whole across the reset.
      this.arrivalsAtWindow[n] -= this.stats[n].arrivals;
      this.stats[n].reset();
      this.latencyAtWindow[n].clear();
      // Downtime counts from here: a node down since the warm-up is down from the first measured moment.
      this.nodeDownMs[n] = 0;
      this.nodeDownSince[n] = this.now;
      this.behaviours[n].resetFigures();
    }
    this.breakers.resetFigures();
  }

  /** How long node `n` has been down since measuring began, ms (during the warm-up: since the start). */
  downMs(n: number): number {
    return this.nodeDownMs[n] + (this.nodeDown[n] === 1 ? this.now - this.nodeDownSince[n] : 0);
  }

  /** Stops new arrivals and runs until every request has settled and every call returned. */
  drain(maxMs = 3_600_000): void {
    this.arrivalsStopped = true;
    const until = this.now + maxMs;
    while ((this.requests.live > 0 || this.calls.live > 0) && this.now < until) this.runUntil(this.now + 1000);
  }

  // ---- A request's life at the client ---------------------------------------------------

  private arrival(clientNode: number): void {
    this.arrivalAt[clientNode] = Infinity;
    if (this.arrivalsStopped) {
      this.findNextArrival();
      return;
    }
    const client = this.clients[clientNode];
    const r = this.requests;
    const request = r.create();
    r.client[request] = clientNode;
    r.sentAt[request] = this.now;
    r.measured[request] = this.measuring ? 1 : 0;
    r.seed[request] = client.newSeed();
    this.stats[clientNode].arrivals++;
    if (this.measuring) {
      this.e2e.sent++;
      this.e2e.inFlight++;
    }
    this.sendAttempt(request);
    this.scheduleArrival(clientNode);
  }

  /** Draws the client's next arrival: after one, at the start, or when its rate changes (an edit, a spike). */
  private scheduleArrival(clientNode: number): void {
    this.arrivalAt[clientNode] = this.clients[clientNode].nextArrival(this.now);
    this.findNextArrival();
  }

  /** Finds the earliest of the clients' next arrivals (a short loop: designs have a few clients). */
  private findNextArrival(): void {
    const clients = this.clientNodes;
    let next = -1;
    let at = Infinity;
    for (let i = 0; i < clients.length; i++) {
      const t = this.arrivalAt[clients[i]];
      if (t < at) {
        at = t;
        next = clients[i];
      }
    }
    this.nextClient = next;
    this.nextArrivalAt = at;
  }

  protected sendAttempt(request: number): void {
    const r = this.requests;
    const clientNode = r.client[request];
    const edge = this.chooseClientEdge(clientNode, request);
    if (edge < 0) {
      this.settleFailed(request);
      return;
    }
    const timeoutMs = this.clients[clientNode].timeoutMs;
    if (timeoutMs > 0) this.armTimeout(request, timeoutMs);
    this.sendCall(FROM_CLIENT, request, edge, r.attempt[request]);
  }

  private armTimeout(request: number, timeoutMs: number): void {
    const r = this.requests;
    r.deadline[request] = this.now + timeoutMs;
    r.refs[request]++;
    this.schedule(r.deadline[request], TIMEOUT, request);
  }

  /** A backoff is over: the next attempt leaves. */
  private retry(request: number): void {
    this.requests.refs[request]--;
    this.sendAttempt(request);
  }

  /** The first outgoing edge that carries this kind of request. */
  private chooseClientEdge(clientNode: number, request: number): number {
    const edges = this.outgoing[clientNode];
    for (let i = 0; i < edges.length; i++) if (this.carries(edges[i], request)) return edges[i];
    return -1;
  }

  // ---- What a request asks for, drawn from its seed when first looked at -----------------

  isWrite(request: number): boolean {
    const r = this.requests;
    if ((r.drawn[request] & ATTR_WRITE) === 0) {
      r.drawn[request] |= ATTR_WRITE;
      r.isWrite[request] = this.clients[r.client[request]].isWriteFor(r.seed[request]) ? 1 : 0;
    }
    return r.isWrite[request] === 1;
  }

  /** The request's key, 0…keyspaceOf(request)−1. */
  keyOf(request: number): number {
    const r = this.requests;
    if ((r.drawn[request] & ATTR_KEY) === 0) this.drawKey(request);
    return r.key[request];
  }

  keyspaceOf(request: number): number {
    const r = this.requests;
    if ((r.drawn[request] & ATTR_KEY) === 0) this.drawKey(request);
    return r.keyspace[request];
  }

  private drawKey(request: number): void {
    const r = this.requests;
    const client = this.clients[r.client[request]];
    r.drawn[request] |= ATTR_KEY;
    r.key[request] = client.keyFor(r.seed[request]);
    r.keyspace[request] = client.keyspace;
  }

  /** The user who sent the request (for sticky and IP-hash balancing). */
  sessionOf(request: number): number {
    const r = this.requests;
    if ((r.drawn[request] & ATTR_SESSION) === 0) {
      r.drawn[request] |= ATTR_SESSION;
      r.session[request] = this.clients[r.client[request]].sessionFor(r.seed[request]);
    }
    return r.session[request];
  }

  private timeout(request: number): void {
    const r = this.requests;
    r.refs[request]--;
    // Only the current attempt's deadline counts; earlier attempts' timers are stale.
    if (r.settled[request] === 0 && r.deadline[request] === this.now) {
      if (r.measured[request]) this.e2e.timedOut++;
      this.attemptFailed(request);
    } else r.releaseIfDone(request);
  }

  /** The current attempt failed or timed out: retry after a backoff, or give up. */
  protected attemptFailed(request: number): void {
    const r = this.requests;
    const client = this.clients[r.client[request]];
    const attempt = r.attempt[request];
    if (attempt < client.retries && client.spendRetry()) {
      r.attempt[request] = attempt + 1;
      r.refs[request]++;
      if (r.measured[request]) this.e2e.retries++;
      this.schedule(this.now + client.backoff(attempt + 1), RETRY, request);
    } else {
      if (attempt < client.retries && r.measured[request]) this.e2e.retriesDenied++;
      this.settleFailed(request);
    }
  }

  /** The client has its answer. */
  protected settleOk(request: number): void {
    const r = this.requests;
    r.settled[request] = 1;
    const latency = this.now - r.sentAt[request];
    if (r.measured[request] === 1) {
      const client = r.client[request];
      this.e2e.inFlight--;
      this.pendingLatency[client].record(latency);
      this.e2e.latency.sum += latency;
      this.stats[client].latency.sum += latency;
    } else this.windowLatency.record(latency);
    r.releaseIfDone(request);
  }

  /** Adds each client's pending latencies into its figures, the end-to-end ones and the window's. */
  private foldLatency(): void {
    const clients = this.clientNodes;
    for (let i = 0; i < clients.length; i++) {
      const pending = this.pendingLatency[clients[i]];
      if (pending.count === 0) continue;
      pending.moveCountsTo([this.stats[clients[i]].latency, this.e2e.latency, this.windowLatency]);
    }
  }

  /** The client gives up on the request (no route, or its last attempt failed). */
  protected settleFailed(request: number): void {
    const r = this.requests;
    r.settled[request] = 1;
    this.windowFailed++;
    if (r.measured[request] === 1) {
      this.e2e.inFlight--;
      this.e2e.failed++;
      this.stats[r.client[request]].failed++;
    }
    r.releaseIfDone(request);
  }

  // ---- A call's life at a node ----------------------------------------------------------

  /** Sends a child call from `parent` (a call at this node) down `edge`; returns it, or −1 if the edge refused it (the parent has been told). */
  send(parent: number, edge: number): number {
    const c = this.calls;
    c.mark[parent] = this.now;
    return this.sendCall(parent, c.request[parent], edge, c.attempt[parent]);
  }

  /**
   * Its parent stops waiting for `call` (a first copy its hedge beat): the call runs on, and its outcome
   * goes to the sender's detachedReturned, as a detached call's does.
   */
  detach(call: number): void {
    this.calls.parent[call] = DETACHED;
  }

  /** `call` waits for another's fetch of the same key (a cache coalescing misses): nothing to do here; a tracer marks it. */
  sharesFetch(_call: number): void {}

  /** Whether `call`'s node was killed while the call was inside it (its answer is lost). */
  killedInside(call: number): boolean {
    return (this.calls.flags[call] & KILLED) !== 0;
  }

  /**
   * Sends a detached call for `request` down `edge`: nobody waits for its response, which is
   * reported to the edge's source behaviour (detachedReturned). Returns −1 if the edge refuses
   * it (cut or breaker open); the caller decides what that means. The call's stage belongs to
   * the node it is delivered to (a server's next edge), so the sender keeps none of its own there.
   */
  sendDetached(request: number, edge: number): number {
    return this.sendCall(DETACHED, request, edge, 0);
  }

  /**
   * A detached call inside node `n` at one of its stations (a replica applying a write),
   * delivered after `delayMs`; `stage` and `mark` are the behaviour's to use. Its outcome goes
   * to the node's detachedReturned.
   */
  internalCall(request: number, n: number, station: number, stage: number, mark: number, delayMs: number): number {
    const call = this.calls.create(request, n, DETACHED, -1, 0, stage);
    this.calls.station[call] = station;
    this.calls.mark[call] = mark;
    this.requests.refs[request]++;
    if (delayMs > 0) this.schedule(this.now + delayMs, DELIVER, call);
    else this.deliver(call);
    return call;
  }

  private sendCall(parent: number, request: number, edge: number, attempt: number): number {
    if (this.edgeGuard[edge] !== 0) return this.sendGuarded(parent, request, edge, attempt);
    const call = this.calls.create(request, this.edgeTarget[edge], parent, edge, attempt);
    this.transmit(call, edge);
    return call;
  }

  /** sendCall over a cut edge or one with a breaker: it may refuse, or let the call through as a probe. */
  private sendGuarded(parent: number, request: number, edge: number, attempt: number): number {
    const probe = this.admit(edge);
    if (probe < 0) {
      this.failFast(parent, request, edge, attempt);
      return -1;
    }
    const call = this.calls.create(request, this.edgeTarget[edge], parent, edge, attempt);
    this.calls.flags[call] = probe;
    this.transmit(call, edge);
    return call;
  }

  /** A new call leaves over `edge`: counted, and delivered after the edge's latency. */
  protected transmit(call: number, edge: number): void {
    this.requests.refs[this.calls.request[call]]++;
    this.edgeSent[edge]++;
    this.edgeInFlight[edge]++;
    const latency = this.edgeLatency[edge];
    if (latency > 0) this.schedule(this.now + latency, DELIVER, call);
    else this.deliver(call);
  }

  /**
   * Whether a guarded edge lets a call through now: −1 refuse, 0 pass, PROBE pass as a
   * half-open probe. A cut edge refuses, and the refusal counts as a failure for its breaker.
   */
  private admit(edge: number): number {
    if (this.edgeCut[edge] === 1) {
      if (this.breakers.has(edge)) this.breakers.record(edge, false, 0, this.now, this.measuring);
      return -1;
    }
    return this.breakers.admit(edge, this.now, this.measuring);
  }

  /** A call over a guarded edge was refused: its sender sees a failure at once. */
  private failFast(parent: number, request: number, edge: number, attempt: number): void {
    this.edgeSent[edge]++;
    this.edgeFailed[edge]++;
    if (parent >= 0) this.behaviours[this.calls.node[parent]].returned(parent, false);
    else if (parent === FROM_CLIENT) {
      const r = this.requests;
      if (r.settled[request] === 0 && attempt === r.attempt[request]) this.attemptFailed(request);
    }
  }

  protected deliver(call: number): void {
    const c = this.calls;
    const node = c.node[call];
    c.arrivedAt[call] = this.now;
    const edge = c.edge[call];
    if (edge >= 0) {
      this.stats[node].arrivals++;
      if (c.parent[call] === DETACHED) this.behaviours[this.edgeSource[edge]].detachedDelivered(call);
    }
    if (this.nodeDown[node] === 0) this.behaviours[node].arrive(call);
    else this.refuseDown(call, node);
  }

  /** A call reached a node that is down: refused at once. */
  private refuseDown(call: number, node: number): void {
    if (this.calls.edge[call] >= 0) this.stats[node].rejected++;
    this.respond(call, false);
  }

  /** The call joins its station: served at once, queued, or dropped if the room is full. */
  enter(call: number): void {
    const node = this.calls.node[call];
    const station = this.allStations[this.calls.station[call]];
    if (station.passThrough) {
      this.afterService(call, node);
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

  protected startService(station: Station, call: number): void {
    station.account(this.now);
    station.busy++;
    this.calls.holdsWorker[call] = 1;
    const r = this.requests;
    const request = this.calls.request[call];
    // The request's k-th demand is a pure function of its seed and k (common random numbers).
    const k = r.draws[request]++;
    const seed = r.seed[request];
    // Only a station whose reads and writes differ (a database) needs to know which this is.
    const mean =
      (station.writeMeanMs === station.readMeanMs ? station.readMeanMs : this.meanFor(station, request)) *
      station.slowdown;
    const u2 = station.dist === LOGNORMAL ? hashUniform(seed, 2 * k + 1) : 0;
    const service = sampleService(station.dist, mean, station.sigma, hashUniform(seed, 2 * k), u2);
    this.schedule(this.now + service, SERVICE_DONE, call);
  }

  /** Mean service time at a station whose reads and writes differ (a database). */
  private meanFor(station: Station, request: number): number {
    return this.isWrite(request) ? station.writeMeanMs : station.readMeanMs;
  }

  protected serviceDone(call: number): void {
    const node = this.calls.node[call];
    if (this.holdsUntilResponse[node] === 0) this.releaseWorker(call);
    if (this.nodeGuard[node] === 0) this.behaviours[node].served(call);
    else this.guardedServiceDone(call, node);
  }

  private guardedServiceDone(call: number, node: number): void {
    // Killed while the call was inside: its work is lost.
    if ((this.calls.flags[call] & KILLED) !== 0) this.respond(call, false);
    else this.afterService(call, node);
  }

  /** The node's own work is done: an injected error, or on to the behaviour. */
  private afterService(call: number, node: number): void {
    const errorRate = this.nodeErrorRate[node];
    if (errorRate > 0 && this.errorRng[node].next() < errorRate) this.respond(call, false);
    else this.behaviours[node].served(call);
  }

  private releaseWorker(call: number): void {
    this.calls.holdsWorker[call] = 0;
    const station = this.allStations[this.calls.station[call]];
    station.account(this.now);
    station.busy--;
    if (station.queueLength > 0 && station.busy < station.workers) {
      if (station.plainFifo) this.startService(station, station.shift());
      else this.serveNextWaiting(station);
    }
    if (station.onIdle !== null && station.busy < station.workers) station.onIdle();
  }

  /**
   * Serves the next waiting call in the station's order. One skipping expired requests first
   * clears those whose client gave up from the old end of its queue (under LIFO they would
   * otherwise never be looked at), answering them unserved, then skips any it takes.
   */
  private serveNextWaiting(station: Station): void {
    while (station.queueLength > 0 && station.busy < station.workers) {
      if (station.skipExpired) {
        while (station.queueLength > 0 && !this.awaited(station.oldest())) this.expire(station.shift());
        if (station.queueLength === 0) return;
      }
      const call = station.take();
      if (!station.skipExpired || this.awaited(call)) {
        this.startService(station, call);
        return;
      }
      this.expire(call);
    }
  }

  /** A waiting call whose client gave up is answered unserved: a failure nobody sees. */
  private expire(call: number): void {
    this.stats[this.calls.node[call]].expired++;
    this.respond(call, false);
  }

  /**
   * Whether anyone still waits for `call`: the client attempt at the root of its calls is still
   * the live one. Work nobody waits for by design (a queued message, a replica's write) counts
   * as awaited. A call's ancestors are all alive: each waits for the call below it.
   */
  private awaited(call: number): boolean {
    const c = this.calls;
    let root = call;
    while (c.parent[root] >= 0) root = c.parent[root];
    if (c.parent[root] === DETACHED) return true;
    const r = this.requests;
    const request = c.request[call];
    return r.settled[request] === 0 && c.attempt[root] === r.attempt[request];
  }

  /** Calls `listener` whenever a worker of node `n`'s station frees up (a queue feeding it). */
  addIdleListener(n: number, listener: () => void): void {
    const station = this.stations[n];
    const previous = station.onIdle;
    station.onIdle = previous === null ? listener : () => (previous(), listener());
  }

  /** The node answers the call; the response travels back over the edge it came in on. */
  respond(call: number, ok: boolean): void {
    const c = this.calls;
    if (c.holdsWorker[call] === 1) this.releaseWorker(call);
    c.ok[call] = ok ? 1 : 0;
    const edge = c.edge[call];
    if (edge < 0) {
      // An internal call (a replica's write): not a request the node answered.
      this.returnCall(call);
      return;
    }
    const stats = this.stats[c.node[call]];
    if (ok) stats.latency.record(this.now - c.arrivedAt[call]);
    else stats.failed++;
    const latency = this.edgeLatency[edge];
    if (latency > 0) this.schedule(this.now + latency, RETURN, call);
    else this.returnCall(call);
  }

  /** A call's response is back at its caller. The call is released first; its fields stay readable until reused. */
  protected returnCall(call: number): void {
    const c = this.calls;
    const parent = c.parent[call];
    const edge = c.edge[call];
    const ok = c.ok[call] === 1;
    c.release(call);
    if (edge >= 0) {
      this.edgeInFlight[edge]--;
      if (!ok || this.edgeGuard[edge] !== 0) this.edgeOutcome(edge, ok, c.flags[call]);
    }
    this.requests.refs[c.request[call]]--;
    // A node killed while it waited for this answer has lost the call: it fails.
    if (parent >= 0) this.behaviours[c.node[parent]].returned(parent, ok && (c.flags[parent] & KILLED) === 0);
    else this.rootReturned(call, parent, ok);
  }

  /** A root call's answer reached its client, or a detached call ended. */
  private rootReturned(call: number, parent: number, ok: boolean): void {
    const c = this.calls;
    const r = this.requests;
    const request = c.request[call];
    if (parent === FROM_CLIENT && r.settled[request] === 0 && c.attempt[call] === r.attempt[request]) {
      if (ok) this.settleOk(request);
      else this.attemptFailed(request);
    } else {
      // A detached call's end, or a response to an attempt the client already gave up on.
      const edge = c.edge[call];
      if (parent === DETACHED) this.behaviours[edge >= 0 ? this.edgeSource[edge] : c.node[call]].detachedReturned(call, ok);
      this.requests.releaseIfDone(request);
    }
  }

  /** A failed call, or any call over a guarded edge, came back: count it, and tell the breaker. */
  private edgeOutcome(edge: number, ok: boolean, flags: number): void {
    if (!ok) this.edgeFailed[edge]++;
    if (this.breakers.has(edge)) this.breakers.record(edge, ok, flags, this.now, this.measuring);
  }

  /** Whether `edge` carries this kind of request (its `when`). */
  carries(edge: number, request: number): boolean {
    const when = this.edgeWhen[edge];
    if (when === WHEN_ALWAYS) return true;
    return when === WHEN_READS ? !this.isWrite(request) : this.isWrite(request);
  }

  /**
   * For nodes that call their outgoing edges in order: the next edge after the call's stage
   * that carries its request, advancing the stage; −1 when there is none left.
   */
  nextEdge(call: number): number {
    const edges = this.outgoing[this.calls.node[call]];
    const request = this.calls.request[call];
    for (let i = this.calls.stage[call]; i < edges.length; i++) {
      if (this.carries(edges[i], request)) {
        this.calls.stage[call] = i + 1;
        return edges[i];
      }
    }
    this.calls.stage[call] = edges.length;
    return -1;
  }

  // ---- Time series ----------------------------------------------------------------------

  /** Time integrals of all of node `n`'s stations, summed (a database's primary and replicas). */
  nodeAreas(n: number): { busy: number; capacity: number; queue: number } {
    const ids = this.nodeStations[n];
    let busy = 0;
    let capacity = 0;
    let queue = 0;
    for (let i = 0; i < ids.length; i++) {
      const station = this.allStations[ids[i]];
      station.account(this.now);
      busy += station.busyArea;
      capacity += station.capacityArea;
      queue += station.queueArea;
    }
    return { busy, capacity, queue };
  }

  /** Node `n`'s p99 over the window now closing (null if it answered nothing), and the mark for the next. */
  private windowP99(n: number): number | null {
    const latency = this.stats[n].latency;
    const mark = this.latencyAtWindow[n];
    const p99 = latency.quantilesSince(mark, P99);
    // Nothing answered in the window: the mark still matches.
    if (p99 === null) return null;
    latency.markInto(mark);
    return p99[0];
  }

  private closeWindow(): void {
    this.foldLatency();
    const seconds = this.windowMs / 1000;
    const nodes = this.stations.length;
    const utilization: number[] = new Array(nodes);
    const queue: number[] = new Array(nodes);
    const nodeRate: number[] = new Array(nodes);
    const backlog: number[] = new Array(nodes);
    const lagMs: number[] = new Array(nodes);
    const instances: number[] = new Array(nodes);
    const nodeP99: (number | null)[] = new Array(nodes);
    for (let n = 0; n < nodes; n++) {
      const areas = this.nodeAreas(n);
      const capacity = areas.capacity - this.windowCapacity[n];
      utilization[n] = capacity > 0 ? (areas.busy - this.windowBusy[n]) / capacity : 0;
      queue[n] = (areas.queue - this.windowQueue[n]) / this.windowMs;
      // A client's arrivals are the requests it sends.
      nodeRate[n] = (this.stats[n].arrivals - this.arrivalsAtWindow[n]) / seconds;
      backlog[n] = this.behaviours[n].backlog() ?? 0;
      lagMs[n] = this.behaviours[n].lagMs() ?? 0;
      instances[n] = this.behaviours[n].instances();
      nodeP99[n] = this.windowP99(n);
      this.windowBusy[n] = areas.busy;
      this.windowCapacity[n] = areas.capacity;
      this.windowQueue[n] = areas.queue;
      this.arrivalsAtWindow[n] = this.stats[n].arrivals;
    }
    const completed = this.windowLatency.count;
    const [p50, p95, p99] = this.windowLatency.quantiles([0.5, 0.95, 0.99]);
    const settled = completed + this.windowFailed;
    this.series.add({
      tS: this.now / 1000,
      throughput: completed / seconds,
      errorRate: settled > 0 ? this.windowFailed / settled : 0,
      p50,
      p95,
      p99,
      utilization,
      queue,
      nodeRate,
      nodeP99,
      backlog,
      lagMs,
      instances,
      edgeRate: Array.from(this.edgeSent, (sent, e) => (sent - this.edgeSentAtWindow[e]) / seconds),
      edgeErrors: Array.from(this.edgeFailed, (failed, e) => (failed - this.edgeFailedAtWindow[e]) / seconds),
    });
    this.edgeSentAtWindow.set(this.edgeSent);
    this.edgeFailedAtWindow.set(this.edgeFailed);
    this.windowFailed = 0;
    this.windowLatency.reset();
    this.schedule(this.now + this.windowMs, WINDOW, 0);
  }

  // ---- Faults ---------------------------------------------------------------------------

  /**
   * Applies a fault now (scheduled ones arrive here at their time). Returns false when the
   * action does not apply to the target (flushing a server); throws for an unknown target.
   * A fault with durationS is undone that much later.
   */
  injectFault(fault: ScheduledFault): boolean {
    const applied = this.applyFault(fault.action, fault.target, fault, false);
    if (!applied) return false;
    this.faultLog.push({ tS: this.now / 1000, action: fault.action, target: fault.target });
    if (this.faultLog.length > 10_000) this.faultLog.splice(0, 5_000);
    if (fault.durationS !== undefined && fault.durationS > 0 && UNDO[fault.action] !== null) {
      const timer = this.registerTimer(() => {
        if (this.applyFault(UNDO[fault.action]!, fault.target, fault, true)) {
          this.faultLog.push({ tS: this.now / 1000, action: fault.action, target: fault.target, ended: true });
        }
      });
      this.at(this.now + fault.durationS * 1000, timer);
    }
    return true;
  }

  private applyFault(action: FaultAction, target: string, fault: ScheduledFault, undo: boolean): boolean {
    const edge = this.edgeIds.indexOf(target);
    const node = edge < 0 ? this.nodeIds.indexOf(target) : -1;
    if (edge < 0 && node < 0) throw new Error(`No node or edge '${target}' in the running design.`);
    if (edge >= 0) {
      switch (action) {
        case 'addLatency':
          this.edgeAddedLatency[edge] = undo ? 0 : (fault.latencyMs ?? 0);
          this.edgeLatency[edge] = this.edgeBaseLatency[edge] + this.edgeAddedLatency[edge];
          return true;
        case 'cut':
        case 'heal':
          this.edgeCut[edge] = action === 'cut' ? 1 : 0;
          this.updateGuard(edge);
          this.wakeAll();
          return true;
        default:
          return false;
      }
    }
    switch (action) {
      case 'kill':
        this.kill(node);
        return true;
      case 'revive':
        if (this.nodeDown[node] === 1) this.nodeDownMs[node] += this.now - this.nodeDownSince[node];
        this.nodeDown[node] = 0;
        this.wakeAll();
        return true;
      case 'slow':
        for (const i of this.nodeStations[node]) {
          const station = this.allStations[i];
          station.slowdown = undo ? 1 : (fault.factor ?? 1);
        }
        return true;
      case 'spike': {
        const client = this.clients[node];
        if (!client) return false;
        client.spike = undo ? 1 : (fault.factor ?? 1);
        // As with a rate changed live: the pending arrival was drawn at the old rate (a client
        // at a trickle would wait out its long gap first), so draw it afresh. Exact: memoryless.
        this.scheduleArrival(node);
        return true;
      }
      case 'flush':
        return this.behaviours[node].flush();
      case 'cut':
      case 'heal':
        return this.behaviours[node].partition(action === 'cut');
      default:
        return false;
    }
  }

  /** Kills node `n`: waiting calls fail now, calls in service fail when their service ends. */
  private kill(n: number): void {
    if (this.nodeDown[n] === 1) return;
    this.nodeDown[n] = 1;
    this.nodeDownSince[n] = this.now;
    this.nodeEpoch[n]++;
    // Its killed calls must be noticed when their service ends; the guard stays up from now on.
    this.nodeGuard[n] = 1;
    // Mark every call inside the node (free ids too: create() clears the flag when reused).
    const c = this.calls;
    for (let id = 0; id < c.capacity; id++) if (c.node[id] === n) c.flags[id] |= KILLED;
    for (const i of this.nodeStations[n]) {
      const station = this.allStations[i];
      station.account(this.now);
      for (const call of station.drain()) this.respond(call, false);
    }
    this.behaviours[n].killed();
  }

  private wakeAll(): void {
    for (const behaviour of this.behaviours) behaviour.wake();
  }

  /** Whether a call sent down `edge` now would get through (not cut, breaker not refusing). */
  edgeOpen(edge: number): boolean {
    return this.edgeCut[edge] === 0 && this.breakers.wouldAdmit(edge, this.now);
  }

  /** Node `n`'s worst outgoing breaker: open, half-open, closed, or null when it has none. */
  breakerOf(n: number): BreakerStateName | null {
    return this.breakers.worstOf(this.outgoing[n]);
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
    const before = this.nodeParams[n];
    this.nodeParams[n] = { ...params };
    const station = this.stations[n];
    station.account(this.now);
    station.configure(stationConfig(this.nodeKinds[n], params));
    this.holdsUntilResponse[n] = params.callMode === 'blocking' ? 1 : 0;
    this.nodeErrorRate[n] = (params.errorRate as number | undefined) ?? 0;
    if (this.nodeErrorRate[n] > 0) this.nodeGuard[n] = 1;
    this.behaviours[n].configure(params);
    // A new rate applies at once: the pending arrival was drawn at the old one, and a client
    // at rate 0 has none. Arrivals are memoryless, so drawing the next one afresh is exact.
    if (this.clients[n] !== undefined && (this.arrivalAt[n] === Infinity || ARRIVAL_PARAMS.some((k) => before[k] !== params[k]))) {
      this.scheduleArrival(n);
    }
    // More workers may serve waiting calls at once.
    for (const i of this.nodeStations[n]) this.fillWorkers(this.allStations[i]);
  }

  /** Starts waiting calls while the station has idle workers, then lets a queue feeding it hand out more. */
  fillWorkers(station: Station): void {
    station.account(this.now);
    while (station.queueLength > 0 && station.busy < station.workers) {
      if (station.plainFifo) this.startService(station, station.shift());
      else this.serveNextWaiting(station);
    }
    if (station.onIdle !== null && station.busy < station.workers) station.onIdle();
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
    this.edgeBaseLatency[e] = params.latencyMs as number;
    this.edgeLatency[e] = this.edgeBaseLatency[e] + this.edgeAddedLatency[e];
    this.edgeWeight[e] = params.weight as number;
    this.edgeWhen[e] = params.when === 'reads' ? WHEN_READS : params.when === 'writes' ? WHEN_WRITES : WHEN_ALWAYS;
    this.breakers.configure(e, params);
    this.updateGuard(e);
  }

  private updateGuard(e: number): void {
    this.edgeGuard[e] = this.edgeCut[e] === 1 || this.breakers.has(e) ? 1 : 0;
  }
}

/** What ends a timed fault; null where there is nothing to undo. */
const UNDO: Record<FaultAction, FaultAction | null> = {
  kill: 'revive',
  revive: null,
  slow: 'slow',
  addLatency: 'addLatency',
  cut: 'heal',
  heal: null,
  flush: null,
  spike: 'spike',
};
