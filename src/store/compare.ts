/** The compare slice: which param is being compared, the values to run, the last result and each row's capacity. Never saved. */
import { create } from 'zustand';
import type { Design, ParamValue } from '../model';
import type { Comparison, Subject } from '../compare/types';
import type { CapacityComparison, VariantCapacityResult } from '../compare/capacity';
import type { CapacityTarget } from '../capacity/types';

export type CompareJob =
  | { status: 'idle' }
  | { status: 'running'; design: Design }
  /** `design` is what was compared: once the design changes, the rows are about an older one. */
  | { status: 'done'; design: Design; result: Comparison }
  | { status: 'failed'; message: string };

/**
 * A capacity search per row of the comparison shown, of the design it compared: a new
 * comparison clears it, so it is stale exactly when the rows are.
 */
export type RowsCapacityJob =
  | { status: 'idle' }
  /** `values` are the rows being searched, in order; `variants` those finished so far. */
  | { status: 'running'; target: CapacityTarget; values: ParamValue[]; variants: VariantCapacityResult[] }
  | { status: 'done'; result: CapacityComparison }
  | { status: 'failed'; message: string };

export interface CompareState {
  subject: Subject | null;
  values: ParamValue[];
  job: CompareJob;
  capacity: RowsCapacityJob;
}

export const useCompare = create<CompareState>()(() => ({ subject: null, values: [], job: { status: 'idle' }, capacity: { status: 'idle' } }));
