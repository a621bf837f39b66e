/** A trace's spans as a tree, depth first: each call followed by the calls it made, in the order it made them. */
import type { Span } from './types';

export interface SpanRow {
  span: Span;
  /** Index in the trace's spans. */
  index: number;
  /** 0 for a client's attempt or work nobody waits for at the top; one more for each call below. */
  depth: number;
}

/** A parent that does not come before its call (not one the tracer makes) is taken as none. */
export function depthFirst(spans: readonly Span[]): SpanRow[] {
  const children: number[][] = spans.map(() => []);
  const roots: number[] = [];
  spans.forEach((span, i) => (Number.isInteger(span.parent) && span.parent >= 0 && span.parent < i ? children[span.parent].push(i) : roots.push(i)));
  const rows: SpanRow[] = [];
  // A stack, not recursion: a long chain of calls must not overflow it.
  const stack = roots.map((index) => ({ index, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { index, depth } = stack.pop()!;
    rows.push({ span: spans[index], index, depth });
    for (let k = children[index].length - 1; k >= 0; k--) stack.push({ index: children[index][k], depth: depth + 1 });
  }
  return rows;
}
