/** The capacity slice: the target being edited and the last search. Never saved, never undone. */
import { create } from 'zustand';
import type { Design } from '../model';
import { DEFAULT_TARGET, type CapacitySearch, type CapacityTarget, type LoadPoint } from '../capacity/types';

export type CapacityJob =
  | { status: 'idle' }
  /** `points` are the runs measured so far, in the order they were run. */
  | { status: 'running'; design: Design; target: CapacityTarget; points: LoadPoint[] }
  /** `design` is what was searched: once the design changes, the result is about an older one. */
  | { status: 'done'; design: Design; result: CapacitySearch }
  | { status: 'failed'; message: string };

export interface CapacityState {
  target: CapacityTarget;
  job: CapacityJob;
}

export const useCapacity = create<CapacityState>()(() => ({ target: DEFAULT_TARGET, job: { status: 'idle' } }));
