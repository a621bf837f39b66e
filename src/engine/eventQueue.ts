/**
 * The future event list: a binary min-heap on time, stored in two parallel typed arrays so a
 * push or pop moves numbers, never objects. An event is a time and a 32-bit payload (the
 * simulation packs an event type and an id into it).
 */
export class EventQueue {
  private times: Float64Array;
  private payloads: Int32Array;
  size = 0;
  /** Time of the event most recently popped. */
  poppedTime = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
    // An empty queue keeps Infinity in the root slot, so peekTime is one load. (Written as
    // `size === 0 ? Infinity : times[0]`, V8 boxed the time as a heap number on every event.)
    this.times[0] = Infinity;
  }

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    // Sift up: move parents down into the hole until the new event fits.
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime <= time) break;
      times[hole] = parentTime;
      payloads[hole] = payloads[parent];
      hole = parent;
    }
    times[hole] = time;
    payloads[hole] = payload;
  }

  /** The earliest time, or Infinity when empty. */
  peekTime(): number {
    return this.times[0];
  }

  /** Removes the earliest event and returns its payload; its time is in `poppedTime`. */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0];
    this.poppedTime = times[0];
    const size = --this.size;
    if (size > 0) {
      const time = times[size];
      const payload = payloads[size];
      // Sift down: move the smaller child up into the hole until the last event fits.
      let hole = 0;
      const half = size >> 1;
      while (hole < half) {
        let child = 2 * hole + 1;
        let childTime = times[child];
        const right = child + 1;
        if (right < size && times[right] < childTime) {
          child = right;
          childTime = times[right];
        }
        if (time <= childTime) break;
        times[hole] = childTime;
        payloads[hole] = payloads[child];
        hole = child;
      }
      times[hole] = time;
      payloads[hole] = payload;
    } else times[0] = Infinity;
    return top;
  }

  clear(): void {
    this.size = 0;
    this.times[0] = Infinity;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
