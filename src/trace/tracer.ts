/**
 * A simulation that follows every request call by call, as a distributed tracer would: each
 * step of a call's life (sent, delivered, served, answered, back at its caller) is stamped on
 * the call's span, and a request's spans are handed to `keep` once nothing more can happen to
 * it. It overrides the engine's protected steps and calls through, so the plain engine's hot
 * path is untouched and a traced run makes exactly the plain run's draws and decisions.
 */
import type { Design } from '../model';
import { DETACHED, FROM_CLIENT, Simulation, type SimulationOptions } from '../engine/simulation';
import type { Station } from '../engine/station';
import type { Span } from './types';

/** A span while its request is followed: which call it is, and whether that call has come back. */
interface OpenSpan extends Span {
  call: number;
  closed: boolean;
}

/** A request being followed: its spans so far, and how it ended once it has. */
export interface FollowedRequest {
  clientNode: number;
  sentAt: number;
  measured: boolean;
  spans: OpenSpan[];
  /** Set when the client has its answer (or gives up). */
  settledAt: number | null;
  ok: boolean;
  attempts: number;
  /** When the client stopped waiting for each attempt, absolute simulated ms. */
  attemptEnds: number[];
}

export class TracingSimulation extends Simulation {
  /** The request each request slot holds now (slots are reused once a request is done). */
  private readonly followed: (FollowedRequest | null)[] = [];
  /** Each call's span index within its request's spans; checked against the span's call before use. */
  private spanOf = new Int32Array(1024);

  /** `keep` sees each request whose client had its answer, once the slot is reused or the run is over. */
  constructor(
    design: Design,
    options: SimulationOptions,
    private readonly keep: (request: FollowedRequest) => void,
  ) {
    super(design, options);
  }

  /** Hands over the requests settled but not yet handed over (call at the end of the run; calls still out stay `open`). */
  flush(): void {
    for (let slot = 0; slot < this.followed.length; slot++) this.finish(slot);
  }

  protected override sendAttempt(request: number): void {
    const r = this.requests;
    if (r.attempt[request] === 0) {
      // A new request in this slot: the one before it is done.
      this.finish(request);
      this.followed[request] = {
        clientNode: r.client[request],
        sentAt: r.sentAt[request],
        measured: r.measured[request] === 1,
        spans: [],
        settledAt: null,
        ok: false,
        attempts: 1,
        attemptEnds: [],
      };
    }
    super.sendAttempt(request);
  }

  protected override transmit(call: number, edge: number): void {
    this.open(call, edge);
    super.transmit(call, edge);
  }

  protected override deliver(call: number): void {
    // Work inside a node (a replica's write) is delivered without being transmitted.
    const span = this.spanFor(call) ?? this.open(call, -1);
    if (span) span.arrivedMs = this.since(call);
    super.deliver(call);
  }

  protected override startService(station: Station, call: number): void {
    const span = this.spanFor(call);
    if (span) span.serviceStartMs = this.since(call);
    super.startService(station, call);
  }

  protected override serviceDone(call: number): void {
    const span = this.spanFor(call);
    if (span) span.serviceEndMs = this.since(call);
    super.serviceDone(call);
  }

  override respond(call: number, ok: boolean): void {
    const span = this.spanFor(call);
    if (span) {
      span.respondedMs = this.since(call);
      // Answered with a failure before any worker took it up and without calling anyone: turned away.
      const request = this.followed[this.calls.request[call]]!;
      const index = this.spanOf[call];
      const madeCalls = request.spans.some((s) => s.parent === index);
      span.outcome = ok ? 'ok' : span.serviceStartMs === null && !madeCalls ? 'turnedAway' : 'failed';
    }
    super.respond(call, ok);
  }

  override sharesFetch(call: number): void {
    const span = this.spanFor(call);
    if (span) span.sharedFetch = true;
    super.sharesFetch(call);
  }

  override detach(call: number): void {
    const span = this.spanFor(call);
    if (span) span.detached = true;
    super.detach(call);
  }

  protected override returnCall(call: number): void {
    const span = this.spanFor(call);
    if (span) {
      span.returnedMs = this.since(call);
      span.closed = true;
    }
    super.returnCall(call);
  }

  protected override attemptFailed(request: number): void {
    const followed = this.followed[request];
    if (followed) {
      const attempt = this.requests.attempt[request];
      followed.attemptEnds.push(this.now);
      for (const span of followed.spans) if (span.attempt === attempt && !span.closed) span.pastAnswer = true;
    }
    super.attemptFailed(request);
  }

  override internalCall(request: number, n: number, station: number, stage: number, mark: number, delayMs: number): number {
    const call = super.internalCall(request, n, station, stage, mark, delayMs);
    // Delivered later: its span starts now, when it was made.
    if (delayMs > 0 && !this.spanFor(call)) this.open(call, -1);
    return call;
  }

  protected override settleOk(request: number): void {
    this.settle(request, true);
    super.settleOk(request);
  }

  protected override settleFailed(request: number): void {
    this.settle(request, false);
    super.settleFailed(request);
  }

  private settle(request: number, ok: boolean): void {
    const followed = this.followed[request];
    if (!followed) return;
    followed.settledAt = this.now;
    followed.ok = ok;
    for (const span of followed.spans) if (!span.closed) span.pastAnswer = true;
    followed.attempts = this.requests.attempt[request] + 1;
    // A failed last attempt was ended by attemptFailed; a success ends here.
    if (followed.attemptEnds.length < followed.attempts) followed.attemptEnds.push(this.now);
  }

  /** Hands the request in `slot` to keep() if its client had its answer, and forgets it. */
  private finish(slot: number): void {
    const followed = this.followed[slot];
    if (!followed) return;
    this.followed[slot] = null;
    if (followed.settledAt !== null) this.keep(followed);
  }

  /** Time since the call's request was first sent, ms. */
  private since(call: number): number {
    return this.now - this.requests.sentAt[this.calls.request[call]];
  }

  /** The open span of `call`, or undefined when its request is not followed. */
  private spanFor(call: number): OpenSpan | undefined {
    const followed = this.followed[this.calls.request[call]];
    if (!followed || call >= this.spanOf.length) return undefined;
    const span = followed.spans[this.spanOf[call]];
    // A call id is reused only after its call came back, which closed its span.
    return span !== undefined && span.call === call && !span.closed ? span : undefined;
  }

  /** Starts the span of a call just made (over `edge`, or −1 for work inside a node). */
  private open(call: number, edge: number): OpenSpan | undefined {
    const c = this.calls;
    const followed = this.followed[c.request[call]];
    if (!followed) return undefined;
    const parentCall = c.parent[call];
    const node = c.node[call];
    const index = followed.spans.length;
    const span: OpenSpan = {
      call,
      closed: false,
      parent: parentCall >= 0 ? this.parentIndex(followed, parentCall) : parentCall === FROM_CLIENT ? -1 : this.senderIndex(followed, edge >= 0 ? this.edgeSource[edge] : node, index),
      nodeId: this.nodeIds[node],
      edgeId: edge >= 0 ? this.edgeIds[edge] : null,
      attempt: c.attempt[call],
      detached: parentCall === DETACHED,
      // Made after the client stopped waiting for its attempt (a queue handing on a message later).
      pastAnswer: followed.settledAt !== null || followed.attemptEnds.length > c.attempt[call],
      sentMs: this.since(call),
      arrivedMs: null,
      serviceStartMs: null,
      serviceEndMs: null,
      respondedMs: null,
      returnedMs: null,
      // Until it comes back; one that never does is `open`.
      outcome: 'open',
    };
    followed.spans.push(span);
    if (call >= this.spanOf.length) {
      const grown = new Int32Array(Math.max(call + 1, this.spanOf.length * 2));
      grown.set(this.spanOf);
      this.spanOf = grown;
    }
    this.spanOf[call] = index;
    return span;
  }

  private parentIndex(followed: FollowedRequest, parentCall: number): number {
    const index = this.spanOf[parentCall];
    const span = followed.spans[index];
    return span !== undefined && span.call === parentCall && !span.closed ? index : -1;
  }

  /** Work nobody waits for hangs under the latest span at the node that started it (a queue handing on a message). */
  private senderIndex(followed: FollowedRequest, node: number, before: number): number {
    const id = this.nodeIds[node];
    for (let i = before - 1; i >= 0; i--) if (followed.spans[i].nodeId === id) return i;
    return -1;
  }
}
