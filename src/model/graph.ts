/**
 * Checks that make a structurally valid design runnable. restore() accepts a design in
 * progress (a balancer with no targets yet); these are the problems Run refuses to start on.
 */
import { KIND_LABELS } from './params';
import { restore } from './restore';
import type { Design, Problem } from './types';

/**
 * Any input (a file, a link, a design being edited) through restore() and then checkGraph(): a
 * design a run can start on, or what stops it — restore's problems, else the graph's.
 */
export function runnable(input: unknown): { ok: true; design: Design } | { ok: false; problems: Problem[] } {
  const restored = restore(input);
  if (!restored.ok) return restored;
  const problems = checkGraph(restored.design);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, design: restored.design };
}

export function checkGraph(design: Design): Problem[] {
  const problems: Problem[] = [];
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  for (const node of design.nodes) {
    outgoing.set(node.id, []);
    incoming.set(node.id, 0);
  }
  for (const edge of design.edges) {
    outgoing.get(edge.source)?.push(edge.target);
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  }
  const nameOf = (id: string) => {
    const node = design.nodes.find((n) => n.id === id);
    return node?.label ? `'${node.label}'` : `'${id}'`;
  };

  if (!design.nodes.some((n) => n.kind === 'client')) {
    problems.push({ message: 'There is no client: add a Client to send requests.' });
  }
  for (const node of design.nodes) {
    const out = outgoing.get(node.id)!.length;
    const name = nameOf(node.id);
    if (node.kind === 'client') {
      if (out === 0) problems.push({ message: `Client ${name} has no outgoing edge: connect it to something.`, nodeId: node.id });
      if (incoming.get(node.id)! > 0) {
        problems.push({ message: `Client ${name} has an incoming edge, but clients only send requests.`, nodeId: node.id });
      }
    } else if (out === 0 && needsTargets(node.kind)) {
      problems.push({
        message: `${KIND_LABELS[node.kind]} ${name} has no targets: connect it to what it sends requests to.`,
        nodeId: node.id,
      });
    }
  }
  const cycle = findCycle(design.nodes.map((n) => n.id), outgoing);
  if (cycle) {
    problems.push({
      message: `Call cycle: ${cycle.map(nameOf).join(' → ')}. A request would loop forever; remove one of these edges.`,
      nodeId: cycle[0],
    });
  }
  return problems;
}

function needsTargets(kind: string): boolean {
  return kind === 'loadBalancer' || kind === 'shardRouter' || kind === 'rateLimiter' || kind === 'cdn';
}

/** Depth-first search with three colours; returns the first cycle found as a closed path. */
function findCycle(ids: string[], outgoing: Map<string, string[]>): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    path.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const s = state.get(next);
      if (s === 1) return [...path.slice(path.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of ids) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}
