import { describe, expect, it } from 'vitest';
import { scenarioById } from '../practice/scenarios';
import { targetFromBrief } from './fromBrief';

describe('a brief as a capacity target', () => {
  it('takes the brief’s p99 and error rate (scale out: 100 ms, 0.1 %), not its budget', () => {
    expect(targetFromBrief(scenarioById('scale-out')!)).toEqual({ p99Ms: 100, errorRate: 0.001 });
  });

  it('takes a queue’s wait in milliseconds (a burst of writes: 10 s)', () => {
    expect(targetFromBrief(scenarioById('write-burst')!)).toMatchObject({ queueLagMs: 10_000 });
  });
});
