import { describe, expect, it } from 'vitest';
import { restored } from '../../engine/testSupport';
import lbComparison from '../../../examples/lb-comparison.json';
import { editText } from './editMarkers';

const design = restored(lbComparison);

describe('what a live edit marker says', () => {
  it('a choice by its new option, with the node’s name', () => {
    expect(editText(design, { tS: 3, target: 'lb', key: 'algorithm', from: 'roundRobin', to: 'leastConnections' })).toBe(
      'Algorithm: Least Connections · Load balancer',
    );
  });

  it('a number from old to new, with its unit', () => {
    expect(editText(design, { tS: 3, target: 'slow', key: 'serviceTimeMs', from: 25, to: 10 })).toBe('Service time 25 → 10 ms · Slow server');
    expect(editText(design, { tS: 3, target: 'slow', key: 'queueCapacity', from: null, to: 50 })).toBe('Queue capacity unbounded → 50 requests · Slow server');
  });

  it('an edge by its ends', () => {
    const edge = design.edges[0];
    expect(editText(design, { tS: 3, target: edge.id, key: 'latencyMs', from: 20, to: 50 })).toBe('Latency 20 → 50 ms · Users → Load balancer');
  });
});
