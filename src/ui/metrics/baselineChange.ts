/**
 * How the run on show moved from the kept baseline, figure by figure, in the summary's words:
 * a signed change, and whether it is for the better (more throughput; fewer errors, less
 * latency, a smaller bill).
 */
import type { EndToEndFigures } from '../../engine';
import { settledErrorRate } from '../../engine/report';
import { formatChange } from '../format';

export type Direction = 'better' | 'worse' | 'same';

export interface Change {
  text: string;
  direction: Direction;
}

/** The figures compared: a run's end-to-end figures and its monthly cost. */
export interface Compared {
  endToEnd: EndToEndFigures;
  costPerMonth: number;
}

function relative(value: number, baseline: number, lowerIsBetter: boolean): Change | null {
  if (!(baseline > 0) || !Number.isFinite(value)) return null;
  const text = formatChange(value, baseline);
  if (text === '±0 %') return { text, direction: 'same' };
  return { text, direction: value < baseline === lowerIsBetter ? 'better' : 'worse' };
}

/** An error rate's change in percentage points: a relative change of a rate near 0 says little. */
function points(value: number | null, baseline: number | null): Change | null {
  if (value === null || baseline === null) return null;
  const diff = (value - baseline) * 100;
  const digits = Math.abs(diff) < 0.1 ? 2 : 1;
  const rounded = Number(Math.abs(diff).toFixed(digits));
  if (rounded === 0) return { text: '±0 pts', direction: 'same' };
  return { text: `${diff > 0 ? '+' : '−'}${rounded.toLocaleString('en-US')} pts`, direction: diff > 0 ? 'worse' : 'better' };
}

/** The summary's figures that have a change against the baseline, by their label. */
export function changesFrom(baseline: Compared, now: Compared): Partial<Record<'Throughput' | 'Error rate' | 'p50' | 'p95' | 'p99' | 'Cost', Change>> {
  const out: ReturnType<typeof changesFrom> = {};
  const set = (label: keyof typeof out, change: Change | null) => {
    if (change) out[label] = change;
  };
  const b = baseline.endToEnd;
  const e = now.endToEnd;
  set('Throughput', relative(e.throughputPerSecond, b.throughputPerSecond, false));
  set('Error rate', points(settledErrorRate(e), settledErrorRate(b)));
  // Latency is only for requests answered: none answered, nothing to compare.
  if (e.completed > 0 && b.completed > 0) {
    for (const p of ['p50', 'p95', 'p99'] as const) set(p, relative(e.latencyMs[p], b.latencyMs[p], true));
  }
  set('Cost', relative(now.costPerMonth, baseline.costPerMonth, true));
  return out;
}
