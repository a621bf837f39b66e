/**
 * Requests and calls live in pooled struct-of-arrays tables: an id is an index, freed ids are
 * reused, and nothing is allocated per request once the tables have grown to the number in
 * flight. Memory follows what is in flight, never what has completed.
 */

abstract class Table {
  capacity: number;
  /** Ids in use right now. */
  live = 0;
  private free: Int32Array;
  private freeCount = 0;
  private next = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.free = new Int32Array(capacity);
  }

  protected take(): number {
    this.live++;
    if (this.freeCount > 0) return this.free[--this.freeCount];
    if (this.next === this.capacity) this.grow();
    return this.next++;
  }

  /** Kept out of take() so the hot path stays small enough for the JIT to inline whole. */
  private grow(): void {
    this.capacity *= 2;
    this.resize(this.capacity);
    const free = new Int32Array(this.capacity);
    free.set(this.free);
    this.free = free;
  }

  release(id: number): void {
    this.live--;
    this.free[this.freeCount++] = id;
  }

  protected abstract resize(capacity: number): void;
}

/** RequestTable.drawn bits: the request's read/write kind, its key (and keyspace), its session. */
export const ATTR_WRITE = 1;
export const ATTR_KEY = 2;
export const ATTR_SESSION = 4;

/** A copy of `array` with room for `capacity` entries; the new ones hold `fill`. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, capacity: number, fill = 0): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  if (fill !== 0) next.fill(fill, array.length);
  next.set(array);
  return next;
}

/** A logical request from a client: what it asks for, and bookkeeping for its attempts. */
export class RequestTable extends Table {
  client = new Int32Array(this.capacity);
  sentAt = new Float64Array(this.capacity);
  /**
   * Seed of everything random about the request (see hashUniform): what it asks for and its
   * service demands. Read what it asks for through Simulation's isWrite, keyOf and sessionOf,
   * which draw each attribute from the seed the first time anyone looks and keep it below.
   */
  seed = new Int32Array(this.capacity);
  /** Which attributes have been drawn (ATTR_* bits). */
  drawn = new Uint8Array(this.capacity);
  isWrite = new Uint8Array(this.capacity);
  key = new Int32Array(this.capacity);
  /** Size of the keyspace the key was drawn from (0…keyspace−1), for range sharding. */
  keyspace = new Int32Array(this.capacity);
  session = new Int32Array(this.capacity);
  /** Service draws made so far: the counter for the next demand. */
  draws = new Int32Array(this.capacity);
  /** Sent after the warm-up, so it counts in the figures. */
  measured = new Uint8Array(this.capacity);
  /** Current attempt number; a response from an older attempt is ignored. */
  attempt = new Int32Array(this.capacity);
  /** When the current attempt times out (compared exactly to recognise stale timers). */
  deadline = new Float64Array(this.capacity);
  /** 1 once the client has its answer (success or final failure); 2 once the request is freed. */
  settled = new Uint8Array(this.capacity);
  /** Calls and timers still referring to the request; it is freed when this reaches 0. */
  refs = new Int32Array(this.capacity);

  constructor(capacity = 1024) {
    super(capacity);
  }

  create(): number {
    const id = this.take();
    this.drawn[id] = 0;
    this.draws[id] = 0;
    this.attempt[id] = 0;
    this.settled[id] = 0;
    this.refs[id] = 0;
    return id;
  }

  /**
   * Frees the request once it is settled and nothing refers to it. Idempotent: a released
   * request is marked (settled = 2), so nested returns cannot free it twice.
   */
  releaseIfDone(id: number): void {
    if (this.refs[id] === 0 && this.settled[id] === 1) {
      this.settled[id] = 2;
      this.release(id);
    }
  }

  /** Measured requests not yet answered that were sent before `timeMs`: an overloaded run's backlog. */
  unansweredSentBefore(timeMs: number): number {
    let count = 0;
    for (let id = 0; id < this.capacity; id++) {
      if (this.measured[id] === 1 && this.settled[id] === 0 && this.sentAt[id] < timeMs) count++;
    }
    return count;
  }

  protected resize(capacity: number): void {
    this.client = grown(this.client, capacity);
    this.sentAt = grown(this.sentAt, capacity);
    this.seed = grown(this.seed, capacity);
    this.drawn = grown(this.drawn, capacity);
    this.isWrite = grown(this.isWrite, capacity);
    this.key = grown(this.key, capacity);
    this.keyspace = grown(this.keyspace, capacity);
    this.session = grown(this.session, capacity);
    this.draws = grown(this.draws, capacity);
    this.measured = grown(this.measured, capacity);
    this.attempt = grown(this.attempt, capacity);
    this.settled = grown(this.settled, capacity);
    this.deadline = grown(this.deadline, capacity);
    this.refs = grown(this.refs, capacity);
  }
}

/**
 * A call is one request's visit to one node: it arrives over an edge, waits, is served, may
 * make child calls, and responds back over the same edge to its parent call (or, for a root
 * call, to the client).
 */
export class CallTable extends Table {
  request = new Int32Array(this.capacity);
  node = new Int32Array(this.capacity);
  /** The call that made this one; −1 for a root call from a client, −2 for a detached call nobody waits on. */
  parent = new Int32Array(this.capacity);
  /** The edge the call arrived on; its response goes back over it. */
  edge = new Int32Array(this.capacity);
  attempt = new Int32Array(this.capacity);
  arrivedAt = new Float64Array(this.capacity);
  /** Behaviour-owned progress: a server's next outgoing edge, a balancer's choice. */
  stage = new Int32Array(this.capacity);
  /** Behaviour-owned time: when a child call was sent, for response-time balancing. */
  mark = new Float64Array(this.capacity);
  ok = new Uint8Array(this.capacity);
  /** The call occupies a worker that must be released when it responds. */
  holdsWorker = new Uint8Array(this.capacity);
  /** The station it queues at: its node's own, or another of the node's (a database replica). */
  station = new Int32Array(this.capacity);
  /** Bit flags (PROBE: let through a half-open breaker; KILLED: its node was killed while it was inside). */
  flags = new Uint8Array(this.capacity);

  constructor(capacity = 1024) {
    super(capacity);
  }

  create(request: number, node: number, parent: number, edge: number, attempt: number, stage = 0): number {
    // `| 0` tells the compiler these are int32s. Stored as they come, each parameter went
    // through a double and back on its way into the Int32Array (V8 cannot know a parameter's
    // type when this is not inlined, as on the arrival path): ~8 instructions per field.
    request |= 0;
    node |= 0;
    parent |= 0;
    edge |= 0;
    attempt |= 0;
    stage |= 0;
    const id = this.take();
    this.request[id] = request;
    this.node[id] = node;
    this.parent[id] = parent;
    this.edge[id] = edge;
    this.attempt[id] = attempt;
    this.stage[id] = stage;
    this.ok[id] = 1;
    this.holdsWorker[id] = 0;
    this.station[id] = node;
    this.flags[id] = 0;
    return id;
  }

  protected resize(capacity: number): void {
    this.request = grown(this.request, capacity);
    this.node = grown(this.node, capacity);
    this.parent = grown(this.parent, capacity);
    this.edge = grown(this.edge, capacity);
    this.attempt = grown(this.attempt, capacity);
    this.arrivedAt = grown(this.arrivedAt, capacity);
    this.stage = grown(this.stage, capacity);
    this.mark = grown(this.mark, capacity);
    this.ok = grown(this.ok, capacity);
    this.holdsWorker = grown(this.holdsWorker, capacity);
    this.station = grown(this.station, capacity);
    this.flags = grown(this.flags, capacity);
  }
}
