/**
 * A row's p99 over the measured seconds, as a line a word wide. Every row of a comparison is
 * drawn on the same scale, so a spike or a slow climb in one row reads against the others. A
 * second in which nothing was answered is a gap, not a fall to zero.
 */
import { formatMs } from '../format';

const WIDTH = 120;
const HEIGHT = 20;
/** Room for the stroke at the top and bottom edges. */
const PAD = 1.5;

/** SVG path of the values on a 0…max scale: a new segment after every gap. */
export function sparkPath(values: readonly (number | null)[], max: number): string {
  if (values.length === 0 || !(max > 0)) return '';
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      pen = false;
      return;
    }
    const x = values.length > 1 ? i * step : WIDTH / 2;
    const y = HEIGHT - PAD - (Math.min(value, max) / max) * (HEIGHT - 2 * PAD);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** What the line shows, for a screen reader and a tooltip. */
function describe(values: readonly (number | null)[]): string {
  const answered = values.filter((v): v is number => v !== null);
  if (answered.length === 0) return 'No second answered anything';
  const peak = Math.max(...answered);
  const at = values.indexOf(peak);
  const empty = values.length - answered.length;
  const gaps = empty > 0 ? `; ${empty} second${empty === 1 ? '' : 's'} answered nothing` : '';
  return `p99 each second, ${formatMs(Math.min(...answered))} to ${formatMs(peak)} (highest in second ${at + 1} of ${values.length})${gaps}`;
}

export function Sparkline({ values, max }: { values: readonly (number | null)[]; max: number }) {
  const label = describe(values);
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      <path d={sparkPath(values, max)} fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
