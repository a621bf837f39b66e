import { describe, expect, it } from 'vitest';
import { withCheck } from './practice';

describe('recording a practice check', () => {
  it('marks a pass as the person’s own unless they saw the answer', () => {
    expect(withCheck({}, {}, 'scale-out', true)).toEqual({ 'scale-out': 'own' });
    expect(withCheck({}, { 'scale-out': true }, 'scale-out', true)).toEqual({ 'scale-out': 'withAnswer' });
  });

  it('never takes a pass back, and never turns one’s own into one with the answer', () => {
    const own = { 'scale-out': 'own' as const };
    expect(withCheck(own, {}, 'scale-out', false)).toBe(own);
    expect(withCheck(own, { 'scale-out': true }, 'scale-out', true)).toBe(own);
    // Passing later without the answer upgrades a pass that needed it.
    expect(withCheck({ 'scale-out': 'withAnswer' }, {}, 'scale-out', true)).toEqual({ 'scale-out': 'own' });
  });
});
