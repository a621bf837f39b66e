/**
 * The design slice: the model Design the user edits, with undo history (zundo). Only the
 * design is tracked; selection, panels and run state live in their own slices so that
 * undo never "undoes" a click or a running simulation.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import {
  checkParam,
  EDGE_PARAM_SPECS,
  LIMITS,
  NODE_PARAM_SPECS,
  notesText,
  plainText,
  type Design,
  type DesignNode,
  type NodeKind,
  type ParamValue,
  type Params,
  type RunSettings,
  type ScheduledFault,
} from '../model';
import { connectionProblem } from './connection';
import { newEdge, newNode, pasteClip, type Clip } from './convert';
import { faultProblem, normalizeFault, sortFaults } from './faults';

export interface DesignState {
  design: Design;
  /** Replaces the whole design (an example, an import); undoable. */
  replaceDesign: (design: Design) => void;
  setName: (name: string) => void;
  /** The design's notes; blank removes them. One undo step per call (the field sets them when typing pauses). */
  setNotes: (notes: string) => void;
  setSeed: (seed: number) => void;
  /** Marks the design as an attempt at a practice scenario, or (undefined) as none. */
  setPractice: (id: string | undefined) => void;
  /** Adds a node with its kind's defaults, and `params` over them; returns its id. */
  addNode: (kind: NodeKind, position: { x: number; y: number }, params?: Params) => string;
  /** Positions during a drag; wrap a drag in beginGesture/endGesture for one undo step. */
  moveNodes: (moves: ReadonlyArray<{ id: string; position: { x: number; y: number } }>) => void;
  setNodeLabel: (id: string, label: string) => void;
  /** Applies a param after checking it; returns the checker's message when it refuses. */
  setNodeParam: (id: string, key: string, value: ParamValue) => string | null;
  setEdgeParam: (id: string, key: string, value: ParamValue) => string | null;
  /** Adds an edge, or returns why the connection is refused. */
  connect: (source: string, target: string) => { ok: true; id: string } | { ok: false; reason: string };
  remove: (nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>) => void;
  paste: (clip: Clip, offset: number) => Clip;
  /** Sets many positions as one undo step (Tidy up). */
  setPositions: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  /**
   * Scheduled faults (the design's `faults`, replayed at their times and carried in links).
   * Each edit is checked like a loaded design's faults and is one undo step; a refused one
   * returns why and changes nothing. The list stays in time order.
   */
  addFault: (fault: ScheduledFault) => string | null;
  /** Replaces the fault at `index` (of the current, time-ordered list). */
  updateFault: (index: number, fault: ScheduledFault) => string | null;
  removeFault: (index: number) => void;
  /** Run length for fixed-length runs: measured duration and warm-up before it, in seconds. */
  setRunSettings: (run: Partial<RunSettings>) => string | null;
}

type Tracked = Pick<DesignState, 'design'>;

export function createDesignStore(initial: Design) {
  return create<DesignState>()(
    temporal(
      (set, get) => {
        const update = (fn: (d: Design) => Design) => set({ design: fn(get().design) });
        const mapNode = (id: string, fn: (n: DesignNode) => DesignNode) =>
          update((d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === id ? fn(n) : n)) }));
        return {
          design: initial,
          replaceDesign: (design) => set({ design }),
          // Cleaned as restore() cleans text, so what is typed is what a reload or a link shows.
          setName: (name) => update((d) => ({ ...d, name: plainText(name, LIMITS.maxNameLength) })),
          setNotes: (notes) =>
            update((d) => {
              // Cleaned as restore() cleans notes, but not trimmed: the field keeps a trailing space while typing.
              const text = notesText(notes);
              const kept = text.trim() ? text : undefined;
              if (kept === d.notes) return d;
              const { notes: _old, ...rest } = d;
              return kept === undefined ? rest : { ...rest, notes: kept };
            }),
          setSeed: (seed) => update((d) => ({ ...d, seed })),
          setPractice: (id) =>
            update((d) => {
              const { practice: _old, ...rest } = d;
              return id === undefined ? rest : { ...rest, practice: id };
            }),
          addNode: (kind, position, params) => {
            const node = newNode(get().design, kind, position, params);
            update((d) => ({ ...d, nodes: [...d.nodes, node] }));
            return node.id;
          },
          moveNodes: (moves) => {
            const byId = new Map(moves.map((m) => [m.id, m.position]));
            update((d) => ({
              ...d,
              nodes: d.nodes.map((n) => {
                const p = byId.get(n.id);
                return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
              }),
            }));
          },
          setNodeLabel: (id, label) =>
            mapNode(id, (n) => {
              const text = plainText(label, LIMITS.maxLabelLength);
              const { label: _old, ...rest } = n;
              return text.trim() ? { ...rest, label: text } : rest;
            }),
          setNodeParam: (id, key, value) => {
            const node = get().design.nodes.find((n) => n.id === id);
            const spec = node && NODE_PARAM_SPECS[node.kind].find((s) => s.key === key);
            if (!node || !spec) return `No parameter ${key} here.`;
            const checked = checkParam(spec, value);
            if ('error' in checked) return checked.error;
            if (node.params[key] !== checked.value) mapNode(id, (n) => ({ ...n, params: { ...n.params, [key]: checked.value } }));
            return null;
          },
          setEdgeParam: (id, key, value) => {
            const edge = get().design.edges.find((e) => e.id === id);
            const spec = EDGE_PARAM_SPECS.find((s) => s.key === key);
            if (!edge || !spec) return `No parameter ${key} here.`;
            const checked = checkParam(spec, value);
            if ('error' in checked) return checked.error;
            if (edge.params[key] !== checked.value) {
              update((d) => ({
                ...d,
                edges: d.edges.map((e) => (e.id === id ? { ...e, params: { ...e.params, [key]: checked.value } } : e)),
              }));
            }
            return null;
          },
          connect: (source, target) => {
            const design = get().design;
            const reason = connectionProblem(design, source, target);
            if (reason) return { ok: false, reason };
            const edge = newEdge(design, source, target);
            update((d) => ({ ...d, edges: [...d.edges, edge] }));
            return { ok: true, id: edge.id };
          },
          remove: (nodeIds, edgeIds) => {
            if (nodeIds.size === 0 && edgeIds.size === 0) return;
            update((d) => ({
              ...d,
              nodes: d.nodes.filter((n) => !nodeIds.has(n.id)),
              edges: d.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
              faults: d.faults.filter((f) => !nodeIds.has(f.target) && !edgeIds.has(f.target)),
            }));
          },
          paste: (clip, offset) => {
            const pasted = pasteClip(get().design, clip, offset);
            update((d) => ({ ...d, nodes: [...d.nodes, ...pasted.nodes], edges: [...d.edges, ...pasted.edges] }));
            return pasted;
          },
          setPositions: (positions) =>
            update((d) => ({
              ...d,
              nodes: d.nodes.map((n) => {
                const p = positions.get(n.id);
                return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
              }),
            })),
          addFault: (fault) => {
            const design = get().design;
            const clean = normalizeFault(fault);
            const problem = faultProblem(design, clean);
            if (problem) return problem;
            if (design.faults.length >= LIMITS.maxFaults) return `A design holds at most ${LIMITS.maxFaults} scheduled faults.`;
            update((d) => ({ ...d, faults: sortFaults([...d.faults, clean]) }));
            return null;
          },
          updateFault: (index, fault) => {
            const design = get().design;
            if (index < 0 || index >= design.faults.length) return 'That fault is no longer in the design.';
            const clean = normalizeFault(fault);
            const problem = faultProblem(design, clean);
            if (problem) return problem;
            const old = design.faults[index];
            if (JSON.stringify(old) === JSON.stringify(clean)) return null;
            update((d) => ({ ...d, faults: sortFaults(d.faults.map((f, i) => (i === index ? clean : f))) }));
            return null;
          },
          removeFault: (index) => {
            if (index < 0 || index >= get().design.faults.length) return;
            update((d) => ({ ...d, faults: d.faults.filter((_, i) => i !== index) }));
          },
          setRunSettings: (run) => {
            const next = { ...get().design.run, ...run };
            for (const key of ['durationS', 'warmupS'] as const) {
              const v = next[key];
              const least = key === 'durationS' ? 'more than 0' : '0 or more';
              if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (key === 'durationS' && v === 0) || v > LIMITS.maxDurationS) {
                const name = key === 'durationS' ? 'The duration' : 'The warm-up';
                return `${name} must be a number of seconds, ${least} and at most ${LIMITS.maxDurationS.toLocaleString('en')}.`;
              }
            }
            const current = get().design.run;
            if (next.durationS !== current.durationS || next.warmupS !== current.warmupS) update((d) => ({ ...d, run: next }));
            return null;
          },
        };
      },
      {
        partialize: (state): Tracked => ({ design: state.design }),
        equality: (a, b) => a.design === b.design,
        limit: 200,
      },
    ),
  );
}

export type DesignStore = ReturnType<typeof createDesignStore>;

/**
 * Groups many sets (a drag) into one undo step: history is paused during the gesture and
 * the state from before it is pushed once at the end, if anything changed.
 */
export function beginGesture(store: DesignStore): () => void {
  const before = store.getState().design;
  const temporalStore = store.temporal;
  temporalStore.getState().pause();
  return () => {
    temporalStore.getState().resume();
    if (store.getState().design === before) return;
    temporalStore.setState((t) => ({
      pastStates: [...t.pastStates, { design: before }].slice(-200),
      futureStates: [],
    }));
  };
}
