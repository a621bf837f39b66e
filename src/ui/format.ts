/** Number formatting for the screen: always units, never NaN or Infinity. */
const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const DASH = '—';

export function formatCount(x: unknown): string {
  if (!ok(x)) return DASH;
  if (Math.abs(x) >= 1e9) return `${(x / 1e9).toFixed(1)}B`;
  if (Math.abs(x) >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (Math.abs(x) >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  return Math.round(x).toLocaleString('en');
}

export function formatRate(x: unknown): string {
  if (!ok(x)) return `${DASH} req/s`;
  if (Math.abs(x) >= 1e4) return `${formatCount(x)} req/s`;
  return `${x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(x >= 10 ? 0 : 1)} req/s`;
}

export function formatMs(x: unknown): string {
  if (!ok(x)) return `${DASH} ms`;
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${Math.round(x).toLocaleString('en')} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  // Exactly 0 (a queue acknowledges at once) says so, rather than "0.00 ms"; a trace is not 0.
  if (x === 0) return '0 ms';
  return x > 0 && x < 0.005 ? '<0.01 ms' : `${x.toFixed(2)} ms`;
}

/** A fraction 0…1 as a percentage. */
export function formatPercent(x: unknown, digits = 1): string {
  if (!ok(x)) return `${DASH} %`;
  const pct = x * 100;
  if (pct !== 0 && Math.abs(pct) < 0.1) return '<0.1 %';
  return `${pct.toFixed(pct >= 10 || pct === 0 ? 0 : digits)} %`;
}

export function formatSimTime(ms: unknown): string {
  if (!ok(ms)) return `${DASH} s`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.floor(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A chart's time tick: `45s` under ten minutes, then a clock (`50:05`, `1:16:40`) that stays short. */
export function formatTick(seconds: unknown): string {
  if (!ok(seconds)) return DASH;
  const t = Math.round(seconds);
  if (t < 600) return `${t}s`;
  const two = (x: number) => String(x).padStart(2, '0');
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(t % 60)}` : `${m}:${two(t % 60)}`;
}

/** A param value for a summary line. */
export function formatParam(value: unknown, unit?: string): string {
  if (value === null) return unit ? `unbounded` : 'none';
  if (typeof value === 'number') return `${ok(value) ? value.toLocaleString('en') : DASH}${unit ? ` ${unit}` : ''}`;
  return String(value);
}

/** Dollars a month: "$1,234/month", cents only under $100. */
export function formatCost(x: unknown): string {
  if (!ok(x)) return `${DASH}/month`;
  const digits = x !== 0 && Math.abs(x) < 100 && !Number.isInteger(x) ? 2 : 0;
  return `$${x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })}/month`;
}

/** "1 replica", "2 replicas": a count with its noun, singular for one. */
export function plural(count: unknown, singular: string, pluralForm = `${singular}s`): string {
  const n = typeof count === 'number' && Number.isFinite(count) ? count : 0;
  return `${n.toLocaleString('en')} ${n === 1 ? singular : pluralForm}`;
}

const formatSeconds = (s: number) => (s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${Number(s.toFixed(2)).toLocaleString('en')} s`);

/** A fixed-length run as Run for names it: "60 s + 5 s warm-up", "20 min". */
export function formatRunLength(run: { durationS: number; warmupS: number }): string {
  return `${formatSeconds(run.durationS)}${run.warmupS > 0 ? ` + ${formatSeconds(run.warmupS)} warm-up` : ''}`;
}

/** Words written in capitals wherever they appear in an option's name. */
const ACRONYMS: Record<string, string> = { Ip: 'IP', Url: 'URL', Ewma: 'EWMA', Lru: 'LRU', Lfu: 'LFU', Fifo: 'FIFO', Lifo: 'LIFO' };

/** Short words that stay in lower case inside a title. */
const MINOR_WORDS = new Set(['Of', 'To', 'And', 'Or']);

/** A param's option as a label: 'leastConnections' → 'Least Connections', 'ipHash' → 'IP Hash', 'lru' → 'LRU'. */
export function formatOption(option: string): string {
  return option
    .replace(/([A-Z])/g, ' $1')
    .replace(/^./, (c) => c.toUpperCase())
    .split(' ')
    .map((word, i) => ACRONYMS[word] ?? (i > 0 && MINOR_WORDS.has(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** A figure against a baseline as a signed whole percentage (“−85 %”, “+12 %”, “±0 %”). */
export function formatChange(value: number, baseline: number): string {
  const percent = Math.round(((value - baseline) / baseline) * 100);
  if (percent === 0) return '±0 %';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent).toLocaleString('en-US')} %`;
}

/** `text` cut to at most `maxChars` characters, ending in an ellipsis when it was cut. */
export function fitText(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return maxChars < 2 ? '' : `${chars.slice(0, maxChars - 1).join('').trimEnd()}…`;
}
