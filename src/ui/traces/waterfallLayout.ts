/**
 * A trace laid out as a waterfall, as the Traces tab draws it: a row per call in depth-first
 * order (each call under the one that made it), a time axis with round ticks, and where each
 * stretch of a call's life — the trip there, the wait for a worker, the worker's own time, the
 * wait for the calls it made, the trip back — lies along it, in percent of the axis. Times that
 * did not happen are null in a span: they are never drawn, and nothing here is NaN.
 */
import { depthFirst } from '../../trace/tree';
import type { Span, SpanOutcome, Trace } from '../../trace/types';
import { formatMs } from '../format';

/** A row of the waterfall: the request itself at its client, or one call. */
export interface WaterfallRow {
  key: string;
  nodeId: string;
  depth: number;
  /** null: the request at its client, from its first send to its answer. */
  span: Span | null;
  /** Index of the span in the trace; −1 for the request's row. */
  index: number;
  /** Nobody waits for it, or for a call it was made by (a queued message's consumer and what it calls). */
  background: boolean;
  /** When the client stopped waiting for the attempt this call belongs to, if the call went on after it (ms); else null. */
  lateFromMs: number | null;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The request's row, then every call depth-first (src/trace/tree.ts): a call's calls right under
 * it, in the order they were sent. Work nobody waits for, and what it calls, is `background`.
 */
export function waterfallRows(trace: Trace): WaterfallRow[] {
  const rows: WaterfallRow[] = [{ key: 'request', nodeId: trace.clientId, depth: 0, span: null, index: -1, background: false, lateFromMs: null }];
  const behind = new Map<number, boolean>();
  for (const { span, index, depth } of depthFirst(trace.spans)) {
    const background = span.detached || (depth > 0 && behind.get(span.parent) === true);
    behind.set(index, background);
    rows.push({ key: `span-${index}`, nodeId: span.nodeId, depth: depth + 1, span, index, background, lateFromMs: background ? null : lateFrom(trace, span) });
  }
  return rows;
}

/** When the client stopped waiting for a call's attempt, for a call that went on after it; null for one that did not. */
export function lateFrom(trace: Trace, span: Span): number | null {
  if (!span.pastAnswer) return null;
  const end = trace.attemptEndsMs?.[span.attempt];
  return finite(end) ? end : finite(trace.latencyMs) ? trace.latencyMs : null;
}

const TIMES = ['sentMs', 'arrivedMs', 'serviceStartMs', 'serviceEndMs', 'respondedMs', 'returnedMs'] as const;

/** Where the axis ends: at the request's answer, or later when work nobody waits for went on after it (never 0). */
export function axisEndMs(trace: Trace): number {
  let end = finite(trace.latencyMs) ? trace.latencyMs : 0;
  for (const span of trace.spans) for (const key of TIMES) if (finite(span[key])) end = Math.max(end, span[key]);
  return end > 0 ? end : 1;
}

/** Where the client had its answer, in percent of the axis, when work nobody waits for went on after it; else null. */
export function answeredAt(trace: Trace, endMs = axisEndMs(trace)): number | null {
  const latency = trace.latencyMs;
  return finite(latency) && latency > 0 && endMs > latency * 1.0001 ? (latency / endMs) * 100 : null;
}

export interface Tick {
  ms: number;
  /** Percent of the axis. */
  at: number;
  label: string;
}

/** Drops floating-point dust: 3 × 0.1 is 0.3. */
const clean = (x: number) => Number(x.toPrecision(12));

/**
 * Round ticks from 0 up to the axis's end: multiples of 1, 2 or 5 × a power of ten, at most
 * `most` steps. Labelled in ms, or in s for an axis of a second or more. `stepPercent` is the
 * distance between ticks in percent of the axis, for gridlines.
 */
export function axisTicks(endMs: number, most = 6): { ticks: Tick[]; stepPercent: number } {
  const end = finite(endMs) && endMs > 0 ? endMs : 1;
  const steps = Math.max(1, most);
  const power = 10 ** Math.floor(Math.log10(end / steps));
  const candidates = [0.1, 0.2, 0.5, 1, 2, 5, 10].map((k) => clean(k * power));
  let step = candidates.find((c) => end / c <= steps + 1e-6)!;
  // Two ticks at least: 0 and a round time within the axis.
  if (step > end) step = [...candidates].reverse().find((c) => c <= end) ?? step;
  const seconds = end >= 1000;
  const label = (ms: number) => {
    if (ms === 0) return '0';
    const value = clean(seconds ? ms / 1000 : ms);
    return `${value.toLocaleString('en', { maximumFractionDigits: 3 })} ${seconds ? 's' : 'ms'}`;
  };
  const ticks: Tick[] = [];
  for (let k = 0; clean(k * step) <= end * (1 + 1e-9); k++) {
    const ms = clean(k * step);
    ticks.push({ ms, at: Math.min(100, (ms / end) * 100), label: label(ms) });
  }
  return { ticks, stepPercent: (step / end) * 100 };
}

/** `out` and `back`: on the connection; `queue`: waiting for a worker; `service`: the worker's time; `calls`: waiting for the calls it made (at a client, for its request). */
export type SegmentKind = 'out' | 'queue' | 'service' | 'calls' | 'back';

export interface Segment {
  kind: SegmentKind;
  /** Percent of the axis. */
  left: number;
  width: number;
  /** Had not come back when the replay ended: drawn to the end of the axis, fading. */
  open: boolean;
  /** After the client stopped waiting for it: nobody waits for this stretch. */
  late: boolean;
}

export interface Drawing {
  segments: Segment[];
  /** Where a call failed or was turned away, or where the request failed (percent), to mark. */
  stop: number | null;
  /** On the request's row: where each attempt but the last ended without an answer (percent). */
  retries: number[];
}

/** Percent of an axis `endMs` long, within 0…100. */
const percentOf = (ms: number, endMs: number) => Math.min(100, Math.max(0, (ms / endMs) * 100));

/**
 * One call's stretches along the axis. `makesCalls`: whether it made calls of its own — a call
 * neither taken up by a worker nor answered is then waiting for them, not for a worker.
 * `lateFromMs`: when the client stopped waiting for it, if it went on after that; a stretch
 * across that moment is cut there, and what follows is `late`.
 */
export function spanDrawing(span: Span, endMs: number, makesCalls: boolean, lateFromMs: number | null = null): Drawing {
  const segments: Segment[] = [];
  const open = span.outcome === 'open';
  const at = (ms: number) => percentOf(ms, endMs);
  const cut = finite(lateFromMs) ? lateFromMs : Infinity;
  const piece = (kind: SegmentKind, from: number, to: number, still: boolean, late: boolean) =>
    segments.push({ kind, left: at(from), width: at(to) - at(from), open: still, late });
  const add = (kind: SegmentKind, from: number, to: number, still = false) => {
    // A worker's time is drawn however short (a sliver); a zero-length trip is not drawn.
    if (!(to >= from) || (to === from && kind !== 'service')) return;
    if (from < cut && cut < to) {
      piece(kind, from, cut, false, false);
      piece(kind, cut, to, still, true);
    } else piece(kind, from, to, still, from >= cut);
  };
  const t = (x: number | null) => (finite(x) ? x : null);
  const sent = t(span.sentMs);
  const failedAt = (ms: number | null) => (span.outcome === 'failed' || span.outcome === 'turnedAway') && ms !== null ? at(ms) : null;
  const done = (): Drawing => ({ segments, stop: failedAt(t(span.respondedMs) ?? t(span.arrivedMs) ?? sent), retries: [] });
  if (sent === null) return done();
  const arrived = t(span.arrivedMs);
  if (arrived === null) {
    if (open) add('out', sent, endMs, true);
    return done();
  }
  add('out', sent, arrived);
  const started = t(span.serviceStartMs);
  const ended = t(span.serviceEndMs);
  const responded = t(span.respondedMs);
  const returned = t(span.returnedMs);
  let from = arrived;
  if (started !== null) {
    add('queue', arrived, started);
    if (ended === null) {
      if (open) add('service', started, endMs, true);
      return done();
    }
    add('service', started, ended);
    from = ended;
  } else if (responded === null) {
    // Neither taken up nor answered: waiting for a worker, or for the calls it made.
    if (open) add(makesCalls ? 'calls' : 'queue', arrived, endMs, true);
    return done();
  }
  if (responded === null) {
    if (open) add('calls', from, endMs, true);
    return done();
  }
  add('calls', from, responded);
  if (returned === null) {
    if (open) add('back', responded, endMs, true);
    return done();
  }
  add('back', responded, returned);
  return done();
}

/** The request's row: its client waiting from the first send to the answer, each failed attempt's end marked. */
export function requestDrawing(trace: Trace, endMs: number): Drawing {
  const latency = finite(trace.latencyMs) && trace.latencyMs > 0 ? trace.latencyMs : 0;
  const at = (ms: number) => percentOf(ms, endMs);
  const ends = (trace.attemptEndsMs ?? []).filter(finite);
  return {
    segments: latency > 0 ? [{ kind: 'calls', left: 0, width: at(latency), open: false, late: false }] : [],
    stop: trace.ok ? null : at(latency),
    retries: ends.slice(0, -1).map(at),
  };
}

/** How long a call took, sent to back (or to its answer when nobody took it back); null while it was still under way. */
export function spanTook(span: Span): number | null {
  if (span.outcome === 'open' || !finite(span.sentMs)) return null;
  const end = finite(span.returnedMs) ? span.returnedMs : finite(span.respondedMs) ? span.respondedMs : null;
  return end === null ? null : Math.max(0, end - span.sentMs);
}

export const OUTCOME_WORDS: Record<Exclude<SpanOutcome, 'ok'>, string> = { failed: 'failed', turnedAway: 'turned away', open: 'still running' };

/** A call's figures in words, for its row's hover title: "queued 84.2 ms · served 25.0 ms · network 2.0 ms · sent at 10.0 ms, back at 884 ms". */
export function spanFigures(span: Span, lateFromMs: number | null = null): string {
  const t = (x: number | null) => (finite(x) ? x : null);
  const [sent, arrived, started, ended, responded, returned] = [span.sentMs, span.arrivedMs, span.serviceStartMs, span.serviceEndMs, span.respondedMs, span.returnedMs].map(t);
  const parts: string[] = [];
  if (arrived !== null && started !== null) parts.push(`queued ${formatMs(started - arrived)}`);
  if (started !== null && ended !== null) parts.push(`served ${formatMs(ended - started)}`);
  const before = ended ?? arrived;
  if (responded !== null && before !== null && responded > before) parts.push(`waiting on calls ${formatMs(responded - before)}`);
  const network = (sent !== null && arrived !== null ? arrived - sent : 0) + (responded !== null && returned !== null ? returned - responded : 0);
  if (arrived !== null) parts.push(`network ${formatMs(network)}`);
  const when = [`sent at ${formatMs(sent)}`];
  if (returned !== null) when.push(`back at ${formatMs(returned)}`);
  else if (responded !== null) when.push(`answered at ${formatMs(responded)}`);
  parts.push(when.join(', '));
  if (span.outcome !== 'ok') parts.push(span.outcome === 'open' ? 'still under way when the replay ended' : OUTCOME_WORDS[span.outcome]);
  if (span.detached) parts.push('nobody waits for its answer');
  else if (finite(lateFromMs)) parts.push(`the client stopped waiting for it at ${formatMs(lateFromMs)}`);
  if (span.attempt > 0) parts.push(`retry ${span.attempt}`);
  return parts.join(' · ');
}
