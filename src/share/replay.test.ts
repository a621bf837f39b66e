import { describe, expect, it } from 'vitest';
import { runDesign } from '../engine';
import { restore } from '../model/restore';
import { designFromHash, linkFor } from './link';

describe('a shared link replays the same numbers', () => {
  it('gives the receiver the same run summary as the sender, bit for bit', () => {
    const sent = restore({
      name: 'Balanced API',
      seed: 4242,
      run: { durationS: 4, warmupS: 1 },
      nodes: [
        { id: 'users', kind: 'client', position: { x: 12.4, y: 80.6 }, params: { ratePerSecond: 900, sessions: 300 } },
        { id: 'lb', kind: 'loadBalancer', position: { x: 250, y: 80 }, params: { algorithm: 'powerOfTwoChoices' } },
        { id: 'a', kind: 'server', position: { x: 500, y: 0 }, params: { workers: 2, serviceTimeMs: 3, queueCapacity: 50 } },
        { id: 'b', kind: 'server', position: { x: 500, y: 160 }, params: { workers: 2, serviceTimeMs: 4, serviceDistribution: 'lognormal' } },
      ],
      edges: [
        { source: 'users', target: 'lb', params: { latencyMs: 5 } },
        { source: 'lb', target: 'a' },
        { source: 'lb', target: 'b', params: { latencyMs: 1.5 } },
      ],
    });
    if (!sent.ok) throw new Error(sent.problems[0].message);
    const url = linkFor(sent.design, 'https://archsim.example/');
    const received = designFromHash(new URL(url).hash);
    if (!received?.ok) throw new Error('the link did not open');

    const run = (design: typeof sent.design) => {
      const { wallMs: _, ...summary } = runDesign(design, { ...design.run, seed: design.seed });
      return summary;
    };
    const senderRun = run(sent.design);
    expect(senderRun.endToEnd.completed).toBeGreaterThan(1000);
    expect(run(received.design)).toEqual(senderRun);
  });
});
