/**
 * Whether two versions of a design simulate alike: a result computed for one (a comparison, a
 * capacity search, a practice check) still describes the other. Where nodes sit on the canvas
 * and the design's name and notes change nothing a run measures; anything else — a param, a node or
 * edge, its label (findings name nodes by it), the seed, the run length, a scheduled fault, the
 * brief — may.
 */
import type { Design, DesignEdge, DesignNode } from './types';

export function simulatesAlike(a: Design, b: Design): boolean {
  if (a === b) return true;
  return (
    a.seed === b.seed &&
    a.practice === b.practice &&
    shallowEqual(a.run, b.run) &&
    sameList(a.faults, b.faults, shallowEqual) &&
    sameList(a.nodes, b.nodes, sameNode) &&
    sameList(a.edges, b.edges, sameEdge)
  );
}

function sameNode(a: DesignNode, b: DesignNode): boolean {
  return a === b || (a.id === b.id && a.kind === b.kind && a.label === b.label && shallowEqual(a.params, b.params));
}

function sameEdge(a: DesignEdge, b: DesignEdge): boolean {
  return a === b || (a.id === b.id && a.source === b.source && a.target === b.target && shallowEqual(a.params, b.params));
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i])));
}

/** Objects of plain values (params, a fault, run settings): the same keys with the same values. */
function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
