import type { NodeKind, Params } from './params';

export const DESIGN_FORMAT = 'archsim.design';
export const DESIGN_VERSION = 1;

export interface Position {
  x: number;
  y: number;
}

export interface DesignNode {
  id: string;
  kind: NodeKind;
  label?: string;
  position: Position;
  /** Complete after restore(): every param of the kind is present. */
  params: Params;
}

export interface DesignEdge {
  id: string;
  source: string;
  target: string;
  params: Params;
}

export const FAULT_ACTIONS = ['kill', 'revive', 'slow', 'addLatency', 'cut', 'heal', 'flush', 'spike'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** A fault at a simulated time, kept in the design so a shared link replays it. */
export interface ScheduledFault {
  atS: number;
  action: FaultAction;
  /**
   * A node id, or an edge id for `addLatency`, `cut` and `heal`. `cut`/`heal` may also name a
   * database node: they partition its primary from its replicas (and heal the partition).
   */
  target: string;
  /** `slow`: service time × factor; `spike`: rate × factor. */
  factor?: number;
  /** `addLatency`: extra one-way latency. */
  latencyMs?: number;
  /** How long the fault lasts; absent = until the end or an explicit undo. */
  durationS?: number;
}

export interface RunSettings {
  durationS: number;
  warmupS: number;
}

export interface Design {
  format: typeof DESIGN_FORMAT;
  version: typeof DESIGN_VERSION;
  name: string;
  seed: number;
  nodes: DesignNode[];
  edges: DesignEdge[];
  faults: ScheduledFault[];
  run: RunSettings;
  /**
   * The practice scenario (src/practice) this design is an attempt at, when it is one: files,
   * links and autosave carry it, so a shared attempt opens with its brief.
   */
  practice?: string;
  /**
   * Free text kept with the design — requirements, assumptions, estimates, why it is built so:
   * files, links and autosave carry it; the engine never reads it. Absent when empty.
   */
  notes?: string;
}

export interface Problem {
  message: string;
  /** The node or edge the problem is about, so the UI can select it. */
  nodeId?: string;
  edgeId?: string;
}
