/** Faults as chart markers: scheduled ones from the design, injected ones from the run's log. */
import { useMemo } from 'react';
import type { Design } from '../../model';
import { useDesign } from '../../store';
import { describeAction, FAULT_ACTION_LABELS, targetName, targetOf } from '../../store/faults';
import { useRun } from '../../store/run';
import { injectedLive, type AppliedEntry } from '../faults/timeline';
import type { Marker } from './Chart';

const TONES: Record<string, Marker['tone']> = {
  kill: 'bad', cut: 'bad', slow: 'warn', addLatency: 'warn', spike: 'warn', flush: 'warn', revive: 'good', heal: 'good',
};

/** How a fault with a duration reads when it ends. */
const ENDS: Partial<Record<string, string>> = { kill: 'Back up', cut: 'Healed', slow: 'Back to speed', addLatency: 'Latency back to normal', spike: 'Spike over', flush: 'Flush over' };

/** The ends of faults that had a duration, scheduled or injected, as the run logged them: a good-news marker each. */
export function faultEndMarkers(applied: readonly AppliedEntry[], design: Design): Marker[] {
  return applied
    .filter((entry) => entry.ended)
    .map((entry) => ({ tS: entry.tS, text: `${ENDS[entry.action] ?? `${FAULT_ACTION_LABELS[entry.action]} over`} · ${targetName(design, entry.target)}`, tone: 'good' as const }));
}

/** What marker texts depend on (names, kinds, ends), not positions: dragging a node redraws no chart. */
export function namesKey(design: Design): string {
  let key = '';
  for (const n of design.nodes) key += `${n.id}\u0001${n.label ?? ''}\u0001${n.kind}\u0001${String(n.params.replicas ?? '')}\u0002`;
  for (const e of design.edges) key += `${e.id}\u0001${e.source}\u0001${e.target}\u0002`;
  return key;
}

/** Scheduled faults (from the design) and faults injected live (from the run's fault log). */
export function useFaultMarkers(): Marker[] {
  const faults = useDesign((s) => s.design.faults);
  const names = useDesign((s) => namesKey(s.design));
  // Every snapshot carries a fresh copy of the fault log; it only grows, so its length says
  // when the markers change, and the charts are not redrawn for every snapshot.
  const appliedCount = useRun((s) => s.snapshot?.faults?.length ?? 0);
  return useMemo(() => {
    const design = useDesign.getState().design;
    const applied = useRun.getState().snapshot?.faults;
    const where = (target: string) => targetName(design, target);
    const scheduled = faults.map((f) => ({
      tS: f.atS,
      text: `${describeAction(f, targetOf(design, f.target))} · ${where(f.target)}`,
      tone: TONES[f.action] ?? 'warn',
    }));
    // The log does not keep amounts: an injected slow-down is named without its factor.
    const live = injectedLive(applied ?? [], faults).map((f) => ({
      tS: f.tS,
      text: `${FAULT_ACTION_LABELS[f.action]} · ${where(f.target)}`,
      tone: TONES[f.action] ?? 'warn',
    }));
    return [...scheduled, ...live, ...faultEndMarkers(applied ?? [], design)];
    // `names` and `appliedCount` stand for what is read from the stores inside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [faults, names, appliedCount]);
}
