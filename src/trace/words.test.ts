import { describe, expect, it } from 'vitest';
import type { TimeShare, Trace } from './types';
import { sharePhrases, whereText } from './words';

const trace = (latencyMs: number): Trace => ({ reason: 'slowest', clientId: 'users', sentAtS: 1, latencyMs, ok: true, attempts: 1, attemptEndsMs: [latencyMs], spans: [] });
const names: Record<string, string> = { users: 'Users', slow: 'Slow server', lb: 'Load balancer' };
const name = (id: string) => names[id];

describe('a trace in words', () => {
  const shares: TimeShare[] = [
    { nodeId: 'slow', what: 'queue', ms: 706 },
    { nodeId: 'slow', what: 'service', ms: 25 },
    { nodeId: 'lb', what: 'network', ms: 20 },
    { nodeId: 'slow', what: 'network', ms: 2 },
    { nodeId: 'users', what: 'waiting', ms: 0 },
  ];

  it('names each node once in a row, says "there" after, and gives each share of the latency', () => {
    const { phrases, more } = sharePhrases(trace(812), shares);
    expect(phrases).toEqual([
      { lead: '706 ms waiting for a worker at ', nodeId: 'slow', tail: ' (87 %)' },
      { lead: '25 ms served there (3.1 %)', nodeId: null, tail: '' },
      { lead: '20 ms on the way to ', nodeId: 'lb', tail: ' and back (2.5 %)' },
    ]);
    // The empty share does not count as one left out.
    expect(more).toBe(1);
    expect(whereText(trace(812), shares, name)).toBe(
      'Where its 812 ms went: 706 ms waiting for a worker at Slow server (87 %), 25 ms served there (3.1 %), 20 ms on the way to Load balancer and back (2.5 %), …',
    );
  });

  it('joins the last with "and" when none are left out', () => {
    expect(whereText(trace(731), shares.slice(0, 2), name)).toBe('Where its 731 ms went: 706 ms waiting for a worker at Slow server (97 %) and 25 ms served there (3.4 %).');
  });

  it('says a client waited out timeouts and backoffs, another node in vain', () => {
    expect(sharePhrases(trace(400), [{ nodeId: 'users', what: 'waiting', ms: 300 }]).phrases).toEqual([
      { lead: '300 ms waiting out timeouts and backoffs at ', nodeId: 'users', tail: ' (75 %)' },
    ]);
    expect(sharePhrases(trace(400), [{ nodeId: 'lb', what: 'waiting', ms: 100 }]).phrases[0].lead).toBe('100 ms waiting in vain at ');
  });

  it('says so when nothing took time', () => {
    expect(whereText(trace(0), [], name)).toBe('Its 0 ms went nowhere in particular: it was answered at once.');
  });
});
