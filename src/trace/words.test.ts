import { describe, expect, it } from 'vitest';
import type { TimeShare, Trace } from './types';
import { whereText } from './words';

const trace = (latencyMs: number): Trace => ({ reason: 'slowest', clientId: 'users', sentAtS: 1, latencyMs, ok: true, attempts: 1, attemptEndsMs: [latencyMs], spans: [] });
const names: Record<string, string> = { users: 'Users', slow: 'Slow server', lb: 'Load balancer' };

describe('a trace in words', () => {
  it('names the three largest shares with their part of the latency', () => {
    const shares: TimeShare[] = [
      { nodeId: 'slow', what: 'queue', ms: 706 },
      { nodeId: 'slow', what: 'service', ms: 25 },
      { nodeId: 'users', what: 'waiting', ms: 60 },
      { nodeId: 'lb', what: 'network', ms: 21 },
    ];
    expect(whereText(trace(812), shares, (id) => names[id])).toBe(
      'Where its 812 ms went: 706 ms waiting for a worker at Slow server (87 %), 25 ms served by Slow server (3 %), 60 ms at Users waiting out timeouts and backoffs (7 %), …',
    );
  });

  it('says so when nothing took time', () => {
    expect(whereText(trace(0), [], (id) => id)).toBe('Its 0 ms went nowhere in particular: it was answered at once.');
  });
});
