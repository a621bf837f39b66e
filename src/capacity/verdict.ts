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

const ms = (x: number) => (x >= 1000 ? `${Number((x / 1000).toPrecision(3))} s` : `${Number(x.toPrecision(3))} ms`);

/** "p99 ≤ 200 ms, errors ≤ 0.1 %" (and the queue wait, when the design has a queue). */
export function targetText(target: CapacityTarget, hasQueue: boolean): string {
  const parts = [`p99 ≤ ${ms(target.p99Ms)}`, `errors ≤ ${Number((target.errorRate * 100).toPrecision(3))} %`];
  if (hasQueue) parts.push(`queue wait ≤ ${ms(target.queueLagMs)}`);
  return parts.join(', ');
}

export function verdict(result: CapacitySearch): string {
  const { carried, failed, baseline } = result;
  const hasQueue = baseline.queueLagMs !== null;
  const today = `today's ${formatLoad(baseline.offeredPerSecond)}`;
  if (carried && failed) {
    return (
      `Carries about ${formatLoad(carried.offeredPerSecond)} (${formatScale(carried.scale)} ${today}) with ${targetText(result.target, hasQueue)}; ` +
      `at ${formatLoad(failed.offeredPerSecond)}: ${failed.shortfall}.`
    );
  }
  if (carried) {
    return `Carries at least ${formatLoad(carried.offeredPerSecond)} (${formatScale(carried.scale)} ${today}) with ${targetText(result.target, hasQueue)}: the search stopped there, at its run budget.`;
  }
  return `Misses the target (${targetText(result.target, hasQueue)}) even at ${formatScale(failed!.scale)} ${today} (${formatLoad(failed!.offeredPerSecond)}): ${failed!.shortfall}.`;
}
