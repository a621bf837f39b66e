/**
 * Ticks for a time axis in simulated seconds: round times (every 10 s, 5 min, 1 h…) evenly
 * spaced in time, at most `most` of them. Taken from the data's positions instead, they were
 * uneven wherever the series had been thinned, and their labels ran into each other.
 */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Steps a reader counts in: seconds, minutes and hours that divide the next unit up. */
const STEPS = [1, 2, 5, 10, 15, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];

/** The smallest step from STEPS (then whole days ×1, 2, 5, 10…) that fits [from, to] in `most` ticks. */
function stepFor(from: number, to: number, most: number): number {
  const fits = (step: number) => Math.floor(to / step) - Math.ceil(from / step) + 1 <= most;
  for (const step of STEPS) if (fits(step)) return step;
  for (let days = 1; ; days *= 10) {
    for (const k of [1, 2, 5]) if (fits(k * days * DAY)) return k * days * DAY;
  }
}

/** Tick values within [from, to] (seconds), multiples of one round step; [from] when they are equal. */
export function timeTicks(from: number, to: number, most: number): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from || most < 1) return [];
  if (to === from) return [from];
  const step = stepFor(from, to, most);
  const ticks: number[] = [];
  for (let k = Math.ceil(from / step); k * step <= to; k++) ticks.push(k * step);
  return ticks;
}

/** Width of a character of a 10 px tick label, a little generous, and the space kept between labels. */
const TICK_CHAR_PX = 6;
const TICK_GAP_PX = 14;

/**
 * How many time ticks fit across `widthPx` of axis without their labels touching, when the
 * longest label has `labelChars` characters: at least 2 (the ends of a run), at most `most`.
 * Worked out from the width, not by measuring labels in the DOM (see Chart.tsx).
 */
export function ticksThatFit(widthPx: number, labelChars: number, most: number): number {
  if (!(widthPx > 0)) return most;
  const slot = labelChars * TICK_CHAR_PX + TICK_GAP_PX;
  return Math.max(2, Math.min(most, Math.floor(widthPx / slot)));
}
