/** The traces slice: the last replay's traces, the design it replayed, and the trace on show. Never saved, never undone. */
import { create } from 'zustand';
import type { Design } from '../model';
import type { TraceSet } from '../trace/types';

export type TracesJob =
  | { status: 'idle' }
  | { status: 'running'; design: Design }
  /** `design` is what was replayed: once the design changes, the traces are about an older one. */
  | { status: 'done'; design: Design; result: TraceSet }
  | { status: 'failed'; message: string };

export interface TracesState {
  job: TracesJob;
  /** Index in the result's traces of the one whose waterfall is on show. */
  selected: number;
}

export const useTraces = create<TracesState>()(() => ({ job: { status: 'idle' }, selected: 0 }));
