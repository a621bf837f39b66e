/** The compare slice: which param is being compared, the values to run, and the last result. Never saved. */
import { create } from 'zustand';
import type { Design, ParamValue } from '../model';
import type { Comparison, Subject } from '../compare/types';

export type CompareJob =
  | { status: 'idle' }
  | { status: 'running'; design: Design }
  /** `design` is what was compared: once the design changes, the rows are about an older one. */
  | { status: 'done'; design: Design; result: Comparison }
  | { status: 'failed'; message: string };

export interface CompareState {
  subject: Subject | null;
  values: ParamValue[];
  job: CompareJob;
}

export const useCompare = create<CompareState>()(() => ({ subject: null, values: [], job: { status: 'idle' } }));
