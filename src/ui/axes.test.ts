import { describe, expect, it } from 'vitest';
import { axisNumber, linearTicks, logAxis, logDomain, logTicks, percentTick } from './axes';

describe('chart axes', () => {
  it('ticks linear axes at round steps from 0 to just past the largest value', () => {
    expect(linearTicks(1595, 5)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(linearTicks(1500, 5)).toEqual([0, 500, 1000, 1500]);
    expect(linearTicks(0.13, 5)).toEqual([0, 0.05, 0.1, 0.15]);
    expect(linearTicks(0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(linearTicks(0, 4, 0.01)).toEqual([0, 0.005, 0.01]);
  });

  it('draws latencies over whole decades around the runs and the target, ticked to fit', () => {
    expect(logDomain([112, 309, 526, null], 200)).toEqual([100, 1000]);
    expect(logDomain([33.6, 31_936], 200)).toEqual([10, 100_000]);
    expect(logDomain([100], 100)).toEqual([100, 1000]);
    expect(logTicks([100, 1000])).toEqual([100, 200, 500, 1000]);
    expect(logTicks([0.1, 10])).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    expect(logTicks([10, 100_000])).toEqual([10, 100, 1000, 10_000, 100_000]);
  });

  it('draws a latency under a log axis (a queue answering at once: 0 ms) on its floor, and the floor says so', () => {
    const axis = logAxis([0, 150, null], 200);
    expect(axis.ticks).toEqual([100, 200, 500, 1000]);
    expect([0, 150, null].map(axis.plot)).toEqual([100, 150, null]);
    expect(axis.ticks.map(axis.label)).toEqual(['≤100', '200', '500', '1k']);
    const above = logAxis([150], 200);
    expect(above.ticks.map(above.label)).toEqual(['100', '200', '500', '1k']);
  });

  it('labels ticks in a few characters', () => {
    expect([0, 0.5, 20, 500, 1000, 1500, 20_000].map(axisNumber)).toEqual(['0', '0.5', '20', '500', '1k', '1.5k', '20k']);
    expect([0, 0.0005, 0.05, 0.15].map(percentTick)).toEqual(['0%', '0.05%', '5%', '15%']);
  });
});
