import { describe, expect, it } from 'vitest';
import { sparkPath } from './Sparkline';

describe('a sparkline’s path', () => {
  it('spans the width, puts 0 at the bottom and the scale’s top at the top', () => {
    expect(sparkPath([0, 50, 100], 100)).toBe('M0.0,18.5L60.0,10.0L120.0,1.5');
  });

  it('breaks at a second with no answer instead of falling to zero', () => {
    expect(sparkPath([10, null, 10, 10], 10)).toBe('M0.0,1.5M80.0,1.5L120.0,1.5');
  });

  it('draws nothing without a scale or a value', () => {
    expect(sparkPath([], 10)).toBe('');
    expect(sparkPath([1, 2], 0)).toBe('');
    expect(sparkPath([null, null], 10)).toBe('');
  });
});
