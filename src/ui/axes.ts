/**
 * Chart axes whose ticks are chosen here — round numbers, as many as a chart has room for — so
 * recharts need not measure labels: linear from 0, log over whole decades, labels in a few
 * characters.
 */

/** A round step (1, 2 or 5 × a power of ten) that covers [0, max] in at most `most` steps. */
function roundStep(max: number, most: number): number {
  const rough = max / most;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5].map((k) => k * power).find((step) => step >= rough) ?? 10 * power;
}

/** Drops floating-point dust: 3 × 0.1 is 0.3, not 0.30000000000000004. */
const clean = (x: number) => Number(x.toPrecision(12));

/** Ticks from 0 to a round number at or above `max`, in at most `most` steps (up to `fallback` when max is 0). */
export function linearTicks(max: number, most: number, fallback = 1): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : fallback;
  const step = roundStep(top, most);
  const ticks = [0];
  while (ticks[ticks.length - 1] < top) ticks.push(clean(ticks.length * step));
  return ticks;
}

/** A log axis's range: whole decades around the values and the target (which is drawn across it). */
export function logDomain(values: readonly (number | null)[], target: number): [number, number] {
  const drawn = [target, ...values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0)];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...drawn)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...drawn)));
  return [clean(lo), clean(hi > lo ? hi : lo * 10)];
}

/** Log ticks across [lo, hi] (decades): 1, 2 and 5 of each decade over two decades or fewer, else the decades alone. */
export function logTicks([lo, hi]: [number, number]): number[] {
  const decades = Math.round(Math.log10(hi / lo));
  const marks = decades <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let d = 0; d <= decades; d++) {
    for (const k of marks) {
      const tick = clean(k * lo * 10 ** d);
      if (tick <= hi) ticks.push(tick);
    }
  }
  return ticks;
}

export interface LogAxis {
  ticks: number[];
  label: (tick: number) => string;
  /** Where a value is drawn: a value under the axis (0 ms: a queue answering at once) on its floor. */
  plot: (value: number | null) => number | null;
}

/** A log axis for `values` and a target; when some value is under it, its floor reads "≤ floor". */
export function logAxis(values: readonly (number | null)[], target: number): LogAxis {
  const [floor, top] = logDomain(values, target);
  const under = values.some((v) => v !== null && v < floor);
  return {
    ticks: logTicks([floor, top]),
    label: (tick) => (under && tick === floor ? `≤${axisNumber(tick)}` : axisNumber(tick)),
    plot: (value) => (value === null ? null : Math.max(value, floor)),
  };
}

/** A tick's number in a few characters: 0.5, 20, 1.5k, 20k. */
export function axisNumber(x: number): string {
  if (x >= 1000) return `${clean(x / 1000).toLocaleString('en', { maximumFractionDigits: 1 })}k`;
  return clean(x).toLocaleString('en', { maximumFractionDigits: 3 });
}

/** A share as a tick: 0.05 → "5%", 0.0005 → "0.05%". */
export function percentTick(x: number): string {
  return `${clean(x * 100).toLocaleString('en', { maximumFractionDigits: 3 })}%`;
}
