/** The run slice: status, speed, the latest snapshot, and a bounded series for the charts. */
import { create } from 'zustand';
import type { Snapshot, WindowPoint } from '../engine';
import type { Speed } from '../worker/protocol';
import type { LiveEdit } from './edits';
import { liveFigures, type LiveFigures } from './live';

/** `finished`: a fixed-length run reached warm-up + duration; its figures are final. */
export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished';

/** Ten minutes of simulated seconds is plenty for a glance; older points scroll away. */
export const SERIES_CAP = 600;

export interface RunState {
  status: RunStatus;
  speed: Speed;
  snapshot: Snapshot | null;
  previous: Snapshot | null;
  series: WindowPoint[];
  live: LiveFigures | null;
  /** Node ids in the order the running simulation indexes them (chart series order). */
  nodeIds: string[];
  /** The wiring changed since Run: live edits still apply, new nodes and edges need a restart. */
  stale: boolean;
  /** Scheduled faults were edited since Run: they apply from the next run. */
  faultsStale: boolean;
  /** Why the last run could not start or stopped (role="alert"). */
  error: string | null;
  /** Params changed while this run went on, for the charts' markers. */
  edits: LiveEdit[];
}

export const initialRun: RunState = {
  status: 'idle',
  speed: 'realtime',
  snapshot: null,
  previous: null,
  series: [],
  live: null,
  nodeIds: [],
  stale: false,
  faultsStale: false,
  error: null,
  edits: [],
};

export const useRun = create<RunState>()(() => ({ ...initialRun }));

/** Folds a snapshot into the run state: appends its windows (capped) and recomputes badges. */
export function ingest(state: RunState, snap: Snapshot): Partial<RunState> {
  let series = state.series;
  if (snap.windows.length > 0) {
    series = series.concat(snap.windows);
    if (series.length > SERIES_CAP) series = series.slice(series.length - SERIES_CAP);
  }
  const lastWindow = series.length > 0 ? series[series.length - 1] : null;
  return {
    snapshot: snap,
    previous: state.snapshot,
    series,
    live: liveFigures(snap, state.snapshot, lastWindow, state.live),
  };
}
