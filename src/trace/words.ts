/**
 * A trace in words, for the runner's text and the Traces tab's headline alike: where a
 * request's time went, largest share first, each node named once in a row ("there" after).
 */
import { formatWait } from '../capacity/verdict';
import type { TimeShare, Trace, TraceReason } from './types';

/** Three shares say where the time went; the waterfall shows the rest. */
const SHARES_IN_WORDS = 3;

export const REASON_LABELS: Record<TraceReason, string> = { slowest: 'Slowest', failed: 'Failed', p99: 'p99', p50: 'p50' };

/** One share of the headline: words, the node's name (null when it is the node just named: "there"), words. */
export interface SharePhrase {
  lead: string;
  nodeId: string | null;
  tail: string;
}

/** [before the node's name, after it, in place of both when it is the node just named]. */
const PHRASES: Record<TimeShare['what'], [string, string, string]> = {
  queue: ['waiting for a worker at ', '', 'waiting for a worker there'],
  service: ['served at ', '', 'served there'],
  network: ['on the way to ', ' and back', 'on the way there and back'],
  waiting: ['waiting in vain at ', '', 'waiting in vain there'],
  shared: ['waiting for another request’s fetch at ', '', 'waiting for another request’s fetch there'],
};
/** A client's `waiting`: the timeouts it sat out and the backoffs before its retries. */
const CLIENT_WAITING: [string, string, string] = ['waiting out timeouts and backoffs at ', '', 'waiting out timeouts and backoffs there'];

const percent = (part: number, whole: number) => `${Number(((part / whole) * 100).toPrecision(2))} %`;

/**
 * The `most` largest shares as phrases, each with its part of the latency ("706 ms waiting for
 * a worker at ‹Slow server› (87 %)", then "25 ms served there (3.1 %)"), and how many are left out.
 */
export function sharePhrases(trace: Trace, shares: readonly TimeShare[], most = SHARES_IN_WORDS): { phrases: SharePhrase[]; more: number } {
  const shown = shares.filter((s) => Number.isFinite(s.ms) && s.ms > 0);
  const latency = trace.latencyMs;
  const phrases = shown.slice(0, most).map((share, i): SharePhrase => {
    const [before, after, there] = share.what === 'waiting' && share.nodeId === trace.clientId ? CLIENT_WAITING : PHRASES[share.what];
    const part = Number.isFinite(latency) && latency > 0 ? ` (${percent(share.ms, latency)})` : '';
    const ms = formatWait(share.ms);
    return i > 0 && shown[i - 1].nodeId === share.nodeId
      ? { lead: `${ms} ${there}${part}`, nodeId: null, tail: '' }
      : { lead: `${ms} ${before}`, nodeId: share.nodeId, tail: `${after}${part}` };
  });
  return { phrases, more: Math.max(0, shown.length - phrases.length) };
}

/** What goes before phrase `i` of `count`: nothing, a comma, or "and" before the last when none are left out. */
export function joiner(i: number, count: number, more: number): string {
  if (i === 0) return '';
  return i === count - 1 && more === 0 ? ' and ' : ', ';
}

/** "Where its 812 ms went: 706 ms waiting for a worker at Slow server (87 %), 25 ms served there (3.1 %), …". */
export function whereText(trace: Trace, shares: readonly TimeShare[], name: (id: string) => string): string {
  const { phrases, more } = sharePhrases(trace, shares);
  if (phrases.length === 0) return `Its ${formatWait(trace.latencyMs)} went nowhere in particular: it was answered at once.`;
  const said = phrases.map((p, i) => `${joiner(i, phrases.length, more)}${p.lead}${p.nodeId === null ? '' : name(p.nodeId)}${p.tail}`);
  return `Where its ${formatWait(trace.latencyMs)} went: ${said.join('')}${more > 0 ? ', …' : '.'}`;
}
