/** The findings for the run on show: from its latest snapshot and the design, once measuring has begun. */
import { useMemo } from 'react';
import type { Snapshot } from '../../engine';
import { findings, type Finding } from '../../insights/findings';
import { useDesign } from '../../store';
import { useRun } from '../../store/run';

/** Null before there is anything measured to read (no run yet, or still warming up). */
export function useFindings(): Finding[] | null {
  const snapshot = useRun((s) => (s.status === 'idle' ? null : s.snapshot));
  const design = useDesign((s) => s.design);
  return useMemo(() => (snapshot && snapshot.measuring ? findings(design, measured(snapshot)) : null), [snapshot, design]);
}

function measured(snapshot: Snapshot) {
  return { endToEnd: snapshot.endToEnd, nodes: Object.fromEntries(snapshot.nodes.map((n) => [n.id, n])), durationS: snapshot.measuredS ?? 0 };
}
