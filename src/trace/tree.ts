/** A trace's spans as a tree, depth first: each call followed by the calls it made, in the order it made them. */
import type { Span } from './types';

export interface SpanRow {
  span: Span;
  /** Index in the trace's spans. */
  index: number;
  /** 0 for a client's attempt (or work nobody waits for at the top). */
  depth: number;
}

export function depthFirst(spans: readonly Span[]): SpanRow[] {
  const children: number[][] = spans.map(() => []);
  const roots: number[] = [];
  spans.forEach((span, i) => (span.parent >= 0 ? children[span.parent].push(i) : roots.push(i)));
  const rows: SpanRow[] = [];
  const visit = (index: number, depth: number) => {
    rows.push({ span: spans[index], index, depth });
    for (const child of children[index]) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return rows;
}
