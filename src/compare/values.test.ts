import { describe, expect, it } from 'vitest';
import { EDGE_PARAM_SPECS, LB_ALGORITHMS, NODE_PARAM_SPECS } from '../model';
import { defaultValues, parseValues, valuesText } from './values';

const nodeSpec = (kind: keyof typeof NODE_PARAM_SPECS, key: string) => NODE_PARAM_SPECS[kind].find((s) => s.key === key)!;

describe('the values a comparison starts with', () => {
  it('offers every option of a choice', () => {
    expect(defaultValues(nodeSpec('loadBalancer', 'algorithm'), 'roundRobin')).toEqual([...LB_ALGORITHMS]);
  });

  it('offers half, double and four times a number, whole where the param is', () => {
    expect(defaultValues(nodeSpec('server', 'workers'), 5)).toEqual([3, 5, 10, 20]);
    expect(defaultValues(nodeSpec('server', 'serviceTimeMs'), 333)).toEqual([167, 333, 666, 1330]);
  });

  it('keeps within the range, and starts from zero in orders of magnitude', () => {
    expect(defaultValues(nodeSpec('client', 'retries'), 0)).toEqual([0, 1, 10]);
    expect(defaultValues(nodeSpec('client', 'readRatio'), 0.9)).toEqual([0.45, 0.9]);
    const latency = EDGE_PARAM_SPECS.find((s) => s.key === 'latencyMs')!;
    expect(defaultValues(latency, 0)).toEqual([0, 1, 10, 100]);
  });

  it('keeps an unbounded setting as a row of its own', () => {
    expect(defaultValues(nodeSpec('server', 'queueCapacity'), null)).toEqual([null, 0, 1, 10, 100]);
    expect(valuesText([null, 0], nodeSpec('server', 'queueCapacity'))).toBe('unbounded, 0');
    // Where empty means something else, it says so, and reads back.
    const budget = nodeSpec('client', 'retryBudgetPercent');
    expect(valuesText([null, 10], budget)).toBe('no budget, 10');
    expect(parseValues(budget, 'no budget, 10, 20')).toEqual({ values: [null, 10, 20] });
  });
});

describe('values typed as text', () => {
  const workers = nodeSpec('server', 'workers');
  it('reads numbers with thousands separators, once each', () => {
    expect(parseValues(workers, '2, 4; 8, 4')).toEqual({ values: [2, 4, 8] });
    expect(parseValues(nodeSpec('cache', 'capacity'), '1000, 10000')).toEqual({ values: [1000, 10000] });
  });

  it('refuses a value out of range with the inspector’s message, and too many values', () => {
    expect(parseValues(workers, '2, 0')).toEqual({ error: 'workers must be at least 1, got 0.' });
    expect(parseValues(workers, '')).toEqual({ error: 'Give at least one value.' });
    expect(parseValues(workers, Array.from({ length: 13 }, (_, i) => i + 1).join(','))).toEqual({ error: 'At most 12 values, got 13.' });
  });

  it('reads “unbounded” or an empty entry where the param may be unbounded', () => {
    expect(parseValues(nodeSpec('server', 'queueCapacity'), 'unbounded, 10')).toEqual({ values: [null, 10] });
  });
});
