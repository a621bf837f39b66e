/** A capacity search's outcome in one sentence, and its target in words: for the runner's table and the playground's tab. */
import type { CapacitySearch, CapacityTarget } from './types';

/** 1,480 req/s: whole numbers from 100 up, three significant figures below. */
export function formatLoad(perSecond: number): string {
  const rounded = perSecond >= 100 ? Math.round(perSecond) : Number(perSecond.toPrecision(3));
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 6 })} req/s`;
}

/** ×1.85, ×0.0313, ×1,024: three significant figures, whole numbers from 100 up. */
export function formatScale(scale: number): string {
  const rounded = scale >= 100 ? Math.round(scale) : Number(scale.toPrecision(3));
  return `×${rounded.toLocaleString('en-US', { maximumFractionDigits: 6 })}`;
}

/** 200 ms, 1.5 s: three significant figures, in seconds from a second up. */
export const formatWait = (x: number) => (x >= 1000 ? `${Number((x / 1000).toPrecision(3))} s` : `${Number(x.toPrecision(3))} ms`);

/** "p99 ≤ 200 ms, errors ≤ 0.1 %" (and the queue wait, when the design has a queue). */
export function targetText(target: CapacityTarget, hasQueue: boolean): string {
  const parts = [`p99 ≤ ${formatWait(target.p99Ms)}`, `errors ≤ ${Number((target.errorRate * 100).toPrecision(3))} %`];
  if (hasQueue) parts.push(`queue wait ≤ ${formatWait(target.queueLagMs)}`);
  return parts.join(', ');
}

/** A sentence with one figure to set in bold (the playground does; the runner prints it plain). */
export interface VerdictParts {
  before: string;
  figure: string;
  after: string;
}

/** What the search found, in one sentence: the load carried against today's, and what happened just beyond it. */
export function verdictParts(result: CapacitySearch): VerdictParts {
  const { carried, failed, baseline } = result;
  const target = targetText(result.target, baseline.queueLagMs !== null);
  const today = `today’s ${formatLoad(baseline.offeredPerSecond)}`;
  if (carried && failed) {
    return {
      before: 'Carries about ',
      figure: formatLoad(carried.offeredPerSecond),
      after: ` (${formatScale(carried.scale)} ${today}) with ${target}; at ${formatLoad(failed.offeredPerSecond)}: ${failed.shortfall}.`,
    };
  }
  if (carried) {
    return {
      before: 'Carries at least ',
      figure: formatLoad(carried.offeredPerSecond),
      after: ` (${formatScale(carried.scale)} ${today}) with ${target}: the search stopped there, at its run budget.`,
    };
  }
  const lowest = failed!;
  const atToday = lowest === baseline ? '' : ` At ${today}: ${baseline.shortfall}.`;
  return {
    before: `Misses ${target} even at `,
    figure: formatScale(lowest.scale),
    after: ` of today’s traffic (${formatLoad(lowest.offeredPerSecond)}): ${lowest.shortfall}.${atToday}`,
  };
}

export function verdict(result: CapacitySearch): string {
  const { before, figure, after } = verdictParts(result);
  return before + figure + after;
}

/** What gives first in a few words: a finding's first clause ("Slow server is saturated"), for a table's cell. */
export function limitPhrase(text: string): string {
  return text.split(/: |\. /)[0].replace(/\.$/, '');
}
