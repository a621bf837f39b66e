/** The future event list against a sorted array, through any mix of pushes, pops and clears. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

type Op = { push: number } | 'pop' | 'clear';

describe('event queue', () => {
  it('pops in time order and peeks the earliest time, Infinity when empty (property)', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }).map((push) => ({ push })) },
      { weight: 4, arbitrary: fc.constant('pop' as const) },
      { weight: 1, arbitrary: fc.constant('clear' as const) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        // Capacity 2 makes the queue grow several times on the way.
        const queue = new EventQueue(2);
        let expected: number[] = [];
        for (const step of ops) {
          if (step === 'clear') {
            queue.clear();
            expected = [];
          } else if (step === 'pop') {
            if (expected.length === 0) continue;
            queue.pop();
            expect(queue.poppedTime).toBe(expected.shift());
          } else {
            queue.push(step.push, 0);
            expected.push(step.push);
            expected.sort((a, b) => a - b);
          }
          expect(queue.size).toBe(expected.length);
          expect(queue.peekTime()).toBe(expected.length > 0 ? expected[0] : Infinity);
        }
      }),
    );
  });

  it('hands back each payload with its time', () => {
    const queue = new EventQueue();
    [5, 1, 4, 2, 3].forEach((t) => queue.push(t, t * 10));
    const popped = Array.from({ length: 5 }, () => [queue.pop(), queue.poppedTime]);
    expect(popped).toEqual([[10, 1], [20, 2], [30, 3], [40, 4], [50, 5]]);
    expect(queue.peekTime()).toBe(Infinity);
  });
});
