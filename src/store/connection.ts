/** Which connections the canvas accepts, and a reason a person can act on when it refuses. */
import type { Design } from '../model';

export function connectionProblem(design: Design, source: string, target: string): string | null {
  const from = design.nodes.find((n) => n.id === source);
  const to = design.nodes.find((n) => n.id === target);
  if (!from || !to) return 'That connection points at a node that no longer exists.';
  const name = (n: typeof from) => n.label ?? n.id;
  if (source === target) return `${name(from)} cannot call itself: a request would loop forever.`;
  if (to.kind === 'client') return `${name(to)} is a client: clients only send requests, nothing can call them.`;
  if (design.edges.some((e) => e.source === source && e.target === target)) {
    return `${name(from)} is already connected to ${name(to)}.`;
  }
  if (reaches(design, target, source)) {
    return `Connecting ${name(from)} to ${name(to)} would make a call cycle: ${name(to)} already leads back to ${name(from)}.`;
  }
  return null;
}

/** True when following edges from `start` arrives at `goal`. */
function reaches(design: Design, start: string, goal: string): boolean {
  const outgoing = new Map<string, string[]>();
  for (const e of design.edges) {
    const list = outgoing.get(e.source);
    if (list) list.push(e.target);
    else outgoing.set(e.source, [e.target]);
  }
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === goal) return true;
    for (const next of outgoing.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
