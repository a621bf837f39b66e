/**
 * A trace in words, for the runner's text and the playground's headline alike: where a
 * request's time went, largest share first.
 */
import { formatWait } from '../capacity/verdict';
import type { TimeShare, Trace, TraceReason } from './types';

/** Three shares say where the time went; the rest are listed in the waterfall. */
const SHARES_IN_WORDS = 3;

export const REASON_LABELS: Record<TraceReason, string> = { slowest: 'Slowest', failed: 'Failed', p99: 'p99', p50: 'p50' };

/** One share as a phrase: "706 ms waiting for a worker at Slow server". */
export function shareText(share: TimeShare, name: string, isClient: boolean): string {
  const ms = formatWait(share.ms);
  switch (share.what) {
    case 'network':
      return `${ms} on the network to and from ${name}`;
    case 'queue':
      return `${ms} waiting for a worker at ${name}`;
    case 'service':
      return `${ms} served by ${name}`;
    case 'waiting':
      return isClient ? `${ms} at ${name} waiting out timeouts and backoffs` : `${ms} at ${name} waiting on calls that did not answer in time`;
  }
}

/** "Where its 812 ms went: 706 ms waiting for a worker at Slow server (87 %), …". */
export function whereText(trace: Trace, shares: readonly TimeShare[], name: (id: string) => string): string {
  if (shares.length === 0) return `Its ${formatWait(trace.latencyMs)} went nowhere in particular: it was answered at once.`;
  const parts = shares.slice(0, SHARES_IN_WORDS).map((s) => `${shareText(s, name(s.nodeId), s.nodeId === trace.clientId)} (${percentOf(s.ms, trace.latencyMs)})`);
  const end = shares.length > SHARES_IN_WORDS ? ', …' : '.';
  return `Where its ${formatWait(trace.latencyMs)} went: ${parts.join(', ')}${end}`;
}

const percentOf = (part: number, whole: number) => `${whole > 0 ? Math.round((part / whole) * 100) : 0} %`;
