/** Params changed live, as chart markers: "Algorithm: Least Connections · Load balancer". */
import { useMemo } from 'react';
import { EDGE_PARAM_SPECS, emptyWord, NODE_PARAM_SPECS, type Design, type ParamValue } from '../../model';
import { useDesign } from '../../store';
import type { LiveEdit } from '../../store/edits';
import { targetName } from '../../store/faults';
import { useRun } from '../../store/run';
import { formatOption, formatParam } from '../format';
import type { Marker } from './Chart';
import { namesKey } from './faultMarkers';

/** What a marker says of an edit: a choice by its new option, a number from old to new. */
export function editText(design: Design, edit: LiveEdit): string {
  const node = design.nodes.find((n) => n.id === edit.target);
  const specs = node ? NODE_PARAM_SPECS[node.kind] : EDGE_PARAM_SPECS;
  const spec = specs.find((s) => s.key === edit.key);
  const where = targetName(design, edit.target);
  if (spec?.type === 'enum') return `${spec.label}: ${formatOption(String(edit.to))} · ${where}`;
  const value = (v: ParamValue) => (v === null ? emptyWord(spec) : formatParam(v));
  const unit = spec?.unit ? ` ${spec.unit}` : '';
  return `${spec?.label ?? edit.key} ${value(edit.from)} → ${value(edit.to)}${edit.to === null ? '' : unit} · ${where}`;
}

/** The run's live edits as markers, in the neutral tone: changes the person made, not faults. */
export function useEditMarkers(): Marker[] {
  const edits = useRun((s) => s.edits);
  const names = useDesign((s) => namesKey(s.design));
  return useMemo(() => {
    const design = useDesign.getState().design;
    return edits.map((edit) => ({ tS: edit.tS, text: editText(design, edit), tone: 'edit' as const }));
    // `names` stands for the design read inside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edits, names]);
}
