/**
 * The entries a cache holds: real keys, real eviction. Slots live in typed arrays that grow
 * up to the capacity, so a lookup allocates nothing; a Map finds a key's slot.
 *
 * - LRU and FIFO keep a doubly linked list of slots, most recent at the head: LRU moves an
 *   entry to the head on every hit, FIFO only when it is inserted. Both evict the tail.
 * - LFU keeps a binary min-heap on (uses, last use): the least used entry leaves, the least
 *   recently used among equals. Counts are of uses while cached ("in-cache" LFU).
 * - A TTL makes an entry stale `ttlMs` after it was filled; a stale entry is a miss, unless it
 *   is still within a grace period (stale-while-revalidate), when it can be served as it is.
 */
export type Eviction = 'lru' | 'lfu' | 'fifo';

/** What a lookup found. */
export const MISS = 0;
export const FRESH = 1;
/** Past its TTL but within the grace period asked for: usable while it is refreshed. */
export const STALE = 2;
export type Lookup = typeof MISS | typeof FRESH | typeof STALE;

const NONE = -1;

export class CacheStore {
  private readonly slotOf = new Map<number, number>();
  private size = 0;
  private keys: Int32Array;
  private filledAt: Float64Array;
  // LRU / FIFO list
  private prev: Int32Array;
  private next: Int32Array;
  private head = NONE;
  private tail = NONE;
  // LFU heap
  private heap: Int32Array;
  private heapPos: Int32Array;
  private uses: Float64Array;
  private lastUse: Float64Array;

  constructor(
    readonly capacity: number,
    readonly eviction: Eviction,
    /** Infinity = entries never go stale. */
    readonly ttlMs: number,
  ) {
    const initial = Math.max(1, Math.min(capacity, 1024));
    this.keys = new Int32Array(initial);
    this.filledAt = new Float64Array(initial);
    this.prev = new Int32Array(initial);
    this.next = new Int32Array(initial);
    this.heap = new Int32Array(initial);
    this.heapPos = new Int32Array(initial);
    this.uses = new Float64Array(initial);
    this.lastUse = new Float64Array(initial);
  }

  get entries(): number {
    return this.size;
  }

  has(key: number): boolean {
    return this.slotOf.has(key);
  }

  /** A lookup: true on a fresh hit (which counts as a use); a stale entry is removed. */
  get(key: number, now: number): boolean {
    return this.lookup(key, now, 0) === FRESH;
  }

  /**
   * A lookup that may serve a stale entry: FRESH within the TTL, STALE up to `graceMs` past it
   * (both count as a use), else MISS, a stale entry past its grace being removed.
   */
  lookup(key: number, now: number, graceMs: number): Lookup {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return MISS;
    const age = now - this.filledAt[slot];
    if (age >= this.ttlMs + graceMs) {
      this.removeSlot(slot);
      return MISS;
    }
    this.touch(slot, now);
    return age < this.ttlMs ? FRESH : STALE;
  }

  /** Stores (or refreshes) a key, evicting by the policy when full. */
  put(key: number, now: number): void {
    const existing = this.slotOf.get(key);
    if (existing !== undefined) {
      this.filledAt[existing] = now;
      this.touch(existing, now);
      return;
    }
    if (this.size >= this.capacity) this.removeSlot(this.victim());
    if (this.size === this.keys.length) this.grow();
    const slot = this.size++;
    this.keys[slot] = key;
    this.filledAt[slot] = now;
    this.slotOf.set(key, slot);
    if (this.eviction === 'lfu') {
      this.uses[slot] = 1;
      this.lastUse[slot] = now;
      this.heap[slot] = slot;
      this.heapPos[slot] = slot;
      this.siftUp(slot);
    } else this.pushFront(slot);
  }

  delete(key: number): void {
    const slot = this.slotOf.get(key);
    if (slot !== undefined) this.removeSlot(slot);
  }

  clear(): void {
    this.slotOf.clear();
    this.size = 0;
    this.head = NONE;
    this.tail = NONE;
  }

  private touch(slot: number, now: number): void {
    if (this.eviction === 'lru') {
      this.unlink(slot);
      this.pushFront(slot);
    } else if (this.eviction === 'lfu') {
      this.uses[slot]++;
      this.lastUse[slot] = now;
      this.siftDown(this.heapPos[slot]);
    }
  }

  private victim(): number {
    return this.eviction === 'lfu' ? this.heap[0] : this.tail;
  }

  /** Removes a slot, moving the last slot into its place so slots stay dense. */
  private removeSlot(slot: number): void {
    this.slotOf.delete(this.keys[slot]);
    if (this.eviction === 'lfu') this.heapRemove(slot);
    else this.unlink(slot);
    const last = --this.size;
    if (slot !== last) this.moveSlot(last, slot);
  }

  private moveSlot(from: number, to: number): void {
    this.keys[to] = this.keys[from];
    this.filledAt[to] = this.filledAt[from];
    this.slotOf.set(this.keys[to], to);
    if (this.eviction === 'lfu') {
      this.uses[to] = this.uses[from];
      this.lastUse[to] = this.lastUse[from];
      const position = this.heapPos[from];
      this.heap[position] = to;
      this.heapPos[to] = position;
    } else {
      const p = this.prev[from];
      const n = this.next[from];
      this.prev[to] = p;
      this.next[to] = n;
      if (p === NONE) this.head = to;
      else this.next[p] = to;
      if (n === NONE) this.tail = to;
      else this.prev[n] = to;
    }
  }

  private pushFront(slot: number): void {
    this.prev[slot] = NONE;
    this.next[slot] = this.head;
    if (this.head !== NONE) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail === NONE) this.tail = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p === NONE) this.head = n;
    else this.next[p] = n;
    if (n === NONE) this.tail = p;
    else this.prev[n] = p;
  }

  // ---- LFU heap (the heap's length is `size`) ----

  private less(a: number, b: number): boolean {
    return this.uses[a] < this.uses[b] || (this.uses[a] === this.uses[b] && this.lastUse[a] < this.lastUse[b]);
  }

  private place(position: number, slot: number): void {
    this.heap[position] = slot;
    this.heapPos[slot] = position;
  }

  private siftUp(position: number): void {
    const slot = this.heap[position];
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.less(slot, this.heap[parent])) break;
      this.place(position, this.heap[parent]);
      position = parent;
    }
    this.place(position, slot);
  }

  private siftDown(position: number): void {
    const size = this.size;
    const slot = this.heap[position];
    for (;;) {
      let child = 2 * position + 1;
      if (child >= size) break;
      if (child + 1 < size && this.less(this.heap[child + 1], this.heap[child])) child++;
      if (!this.less(this.heap[child], slot)) break;
      this.place(position, this.heap[child]);
      position = child;
    }
    this.place(position, slot);
  }

  /** Takes `slot` out of the heap (before size shrinks). */
  private heapRemove(slot: number): void {
    const position = this.heapPos[slot];
    const lastPosition = this.size - 1;
    const last = this.heap[lastPosition];
    if (position === lastPosition) return;
    this.place(position, last);
    // Shrink the heap by one for the sifts, then restore size for removeSlot's bookkeeping.
    this.size--;
    this.siftDown(position);
    this.siftUp(this.heapPos[last]);
    this.size++;
  }

  private grow(): void {
    const capacity = Math.min(this.capacity, this.keys.length * 2);
    const grow = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.keys = grow(this.keys);
    this.filledAt = grow(this.filledAt);
    this.prev = grow(this.prev);
    this.next = grow(this.next);
    this.heap = grow(this.heap);
    this.heapPos = grow(this.heapPos);
    this.uses = grow(this.uses);
    this.lastUse = grow(this.lastUse);
  }
}
