/**
 * A baseline: a run kept to measure the next ones against. Change the design, run again, and
 * the summary says how each figure moved and the charts draw the kept run's seconds dashed
 * beside the new ones. It outlives edits, resets and other designs (that is its point), but
 * not the page.
 */
import { create } from 'zustand';
import type { EndToEndFigures, WindowPoint } from '../engine';
import { designCost } from './cost';
import { useDesign } from './index';
import { useRun, type RunState } from './run';

/** One second of the kept run, as the charts draw it. */
export type BaselinePoint = Pick<WindowPoint, 'tS' | 'throughput' | 'errorRate' | 'p99'>;

export interface Baseline {
  /** The design's name when the run was kept. */
  name: string;
  endToEnd: EndToEndFigures;
  costPerMonth: number;
  series: BaselinePoint[];
}

export const useBaseline = create<{ baseline: Baseline | null }>()(() => ({ baseline: null }));

/** Whether the run on show can be kept: it has measured figures and is not still moving (a selector of the run slice). */
export function canKeepBaseline({ snapshot, status }: RunState = useRun.getState()): boolean {
  return snapshot !== null && snapshot.measuring && snapshot.endToEnd.sent > 0 && (status === 'finished' || status === 'paused');
}

/** Keeps the run on show as the baseline (replacing any before it). */
export function keepBaseline(): void {
  const { snapshot, series } = useRun.getState();
  if (!snapshot || !canKeepBaseline()) return;
  const design = useDesign.getState().design;
  useBaseline.setState({
    baseline: {
      name: design.name,
      endToEnd: snapshot.endToEnd,
      costPerMonth: snapshot.costPerMonth ?? designCost(design.nodes),
      series: series.map(({ tS, throughput, errorRate, p99 }) => ({ tS, throughput, errorRate, p99 })),
    },
  });
}

export function clearBaseline(): void {
  useBaseline.setState({ baseline: null });
}
