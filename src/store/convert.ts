/**
 * The one place where the design model meets the canvas. The store keeps a model Design;
 * React Flow nodes and edges are derived from it here, and canvas gestures come back as
 * model edits through the helpers below.
 */
import type { Edge, Node } from '@xyflow/react';
import {
  defaultParams,
  EDGE_PARAM_SPECS,
  KIND_LABELS,
  NODE_PARAM_SPECS,
  type Design,
  type DesignEdge,
  type DesignNode,
  type NodeKind,
  type Params,
} from '../model';

export interface SimNodeData extends Record<string, unknown> {
  node: DesignNode;
}
export interface SimEdgeData extends Record<string, unknown> {
  edge: DesignEdge;
}
export type SimFlowNode = Node<SimNodeData, 'sim'>;
export type SimFlowEdge = Edge<SimEdgeData, 'sim'>;

export interface Size {
  width: number;
  height: number;
}

/**
 * Builds canvas nodes, reusing the previous object for a node whose model, selection and
 * measured size are unchanged, so React Flow re-renders only what changed (a 200-node
 * design stays interactive while one node is dragged).
 */
export function createFlowNodeMapper() {
  let cache = new Map<string, SimFlowNode>();
  return (design: Design, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Size>): SimFlowNode[] => {
    const next = new Map<string, SimFlowNode>();
    const out = design.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const prev = cache.get(node.id);
      if (prev && prev.data.node === node && prev.selected === isSelected && prev.measured === size) {
        next.set(node.id, prev);
        return prev;
      }
      const flow: SimFlowNode = {
        id: node.id,
        type: 'sim',
        position: node.position,
        data: { node },
        selected: isSelected,
        measured: size,
        ariaLabel: `${node.label ?? node.id} (${KIND_LABELS[node.kind]})`,
      };
      next.set(node.id, flow);
      return flow;
    });
    cache = next;
    return out;
  };
}

export function createFlowEdgeMapper() {
  let cache = new Map<string, SimFlowEdge>();
  return (design: Design, selected: ReadonlySet<string>): SimFlowEdge[] => {
    const next = new Map<string, SimFlowEdge>();
    const out = design.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const prev = cache.get(edge.id);
      if (prev && prev.data?.edge === edge && prev.selected === isSelected) {
        next.set(edge.id, prev);
        return prev;
      }
      const flow: SimFlowEdge = {
        id: edge.id,
        type: 'sim',
        source: edge.source,
        target: edge.target,
        data: { edge },
        selected: isSelected,
        ariaLabel: `Connection from ${edge.source} to ${edge.target}`,
      };
      next.set(edge.id, flow);
      return flow;
    });
    cache = next;
    return out;
  };
}

/** An id not used by any node or edge: `server-3`, `e-7`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function takenIds(design: Design): Set<string> {
  return new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
}

/** A new node of a kind with every param at its default (or as `params` says), labelled "Server 2" and so on. */
export function newNode(design: Design, kind: NodeKind, position: { x: number; y: number }, params: Params = {}): DesignNode {
  const taken = takenIds(design);
  const id = freshId(kind === 'loadBalancer' ? 'lb' : kind, taken);
  const sameKind = design.nodes.filter((n) => n.kind === kind).length;
  return {
    id,
    kind,
    label: `${KIND_LABELS[kind]} ${sameKind + 1}`,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    params: { ...defaultParams(NODE_PARAM_SPECS[kind]), ...params },
  };
}

export function newEdge(design: Design, source: string, target: string): DesignEdge {
  return { id: freshId('e', takenIds(design)), source, target, params: defaultParams(EDGE_PARAM_SPECS) };
}

export interface Clip {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** The selected nodes and the edges between them, deep-copied. */
export function copySelection(design: Design, nodeIds: ReadonlySet<string>): Clip | null {
  const nodes = design.nodes.filter((n) => nodeIds.has(n.id));
  if (nodes.length === 0) return null;
  const edges = design.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  return structuredClone({ nodes, edges });
}

/** Copies of the clip's nodes and edges with fresh ids, shifted by `offset`. */
export function pasteClip(design: Design, clip: Clip, offset: number): Clip {
  const taken = takenIds(design);
  const idMap = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const base = node.id.replace(/-(copy-)?\d+$/, '');
    const id = freshId(`${base}-copy`, taken);
    taken.add(id);
    idMap.set(node.id, id);
    return {
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    };
  });
  const edges = clip.edges.map((edge) => {
    const id = freshId('e', taken);
    taken.add(id);
    return { ...structuredClone(edge), id, source: idMap.get(edge.source)!, target: idMap.get(edge.target)! };
  });
  return { nodes, edges };
}
