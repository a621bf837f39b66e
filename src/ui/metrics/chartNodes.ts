/** The nodes a per-node chart draws lines for (utilisation, latency by node, backlog, instances). */
import { useEffect, useMemo, useState } from 'react';
import type { WindowPoint } from '../../engine';
import type { DesignNode, NodeKind } from '../../model';
import { useDesign } from '../../store';
import { busiest, type Ranking } from './busiest';

const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)', 'var(--series-6)', 'var(--series-7)', 'var(--series-8)'];
/** Lines a per-node chart draws at most (one per colour). */
export const MAX_NODE_LINES = 8;

export interface ChartNode {
  id: string;
  /** Position in the running simulation's per-node arrays. */
  index: number;
  label?: string;
}

/** The running nodes a chart is about, in design order. */
export function chartNodes(nodeIds: string[], shows: (kind: NodeKind, index: number, node: DesignNode) => boolean): ChartNode[] {
  const byId = new Map(useDesign.getState().design.nodes.map((n) => [n.id, n]));
  const out: ChartNode[] = [];
  nodeIds.forEach((id, index) => {
    const node = byId.get(id);
    if (node && shows(node.kind, index, node)) out.push({ id, index, label: node.label });
  });
  return out;
}

/** One line per node, keyed `${prefix}${index}` in the chart rows. */
export const chartLines = (nodes: ChartNode[], prefix: string) =>
  nodes.map((n, i) => ({ key: `${prefix}${n.index}`, name: n.label ?? n.id, color: PALETTE[i % PALETTE.length] }));

/**
 * The candidates a chart has room for: all of them, or the highest lately by `ranking` (see
 * busiest), keeping the ones on screen unless another clearly leads. The choice on screen is
 * state: a change costs one more render, and choosing again from it gives it back. None while
 * `active` is false (a view not shown).
 */
export function useChosenNodes(candidates: ChartNode[], series: readonly WindowPoint[], ranking: Ranking, active = true): ChartNode[] {
  const [onScreen, setOnScreen] = useState<number[]>([]);
  const chosen = useMemo(
    () => (active ? busiest(candidates.map((n) => n.index), series, MAX_NODE_LINES, onScreen, undefined, ranking) : []),
    [active, candidates, series, onScreen, ranking],
  );
  // A string, so the lines are rebuilt only when the choice changes.
  const key = chosen.join(',');
  useEffect(() => {
    if (key !== onScreen.join(',')) setOnScreen(chosen);
  }, [key, chosen, onScreen]);
  return useMemo(() => {
    const indices = new Set(key.split(',').filter(Boolean).map(Number));
    return candidates.filter((n) => indices.has(n.index));
  }, [candidates, key]);
}
