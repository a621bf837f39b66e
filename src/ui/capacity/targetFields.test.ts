import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET } from '../../capacity/types';
import { ERRORS_FIELD, P99_FIELD, QUEUE_LAG_FIELD } from './targetFields';

describe('the target’s fields', () => {
  it('show the target in the units typed', () => {
    expect(P99_FIELD.text(DEFAULT_TARGET)).toBe('200');
    expect(ERRORS_FIELD.text(DEFAULT_TARGET)).toBe('0.1');
    expect(ERRORS_FIELD.text({ ...DEFAULT_TARGET, errorRate: 0.07 })).toBe('7');
  });

  it('take p99 in milliseconds, more than 0', () => {
    expect(P99_FIELD.check(' 1,500 ')).toEqual({ value: 1500 });
    expect(P99_FIELD.check('0.5')).toEqual({ value: 0.5 });
    expect(P99_FIELD.check('0')).toEqual({ error: 'The p99 target must be more than 0 ms, got 0.' });
    expect(P99_FIELD.check('fast')).toEqual({ error: 'The p99 target must be a number of milliseconds, e.g. 200, got “fast”.' });
    expect(P99_FIELD.check('')).toEqual({ error: 'Give the p99 target in milliseconds, e.g. 200.' });
  });

  it('take errors in percent and give the search a share', () => {
    expect(ERRORS_FIELD.check('0.1')).toEqual({ value: 0.001 });
    expect(ERRORS_FIELD.check('0')).toEqual({ value: 0 });
    expect(ERRORS_FIELD.check('100')).toEqual({ error: 'The error target must be from 0 % up to (not including) 100 %, got 100 %.' });
    expect(ERRORS_FIELD.check('-1')).toEqual({ error: 'The error target must be from 0 % up to (not including) 100 %, got -1 %.' });
    expect(ERRORS_FIELD.check('1e')).toEqual({ error: 'The error target must be a percentage, e.g. 0.1, got “1e”.' });
  });

  it('take the queue wait in milliseconds, more than 0', () => {
    expect(QUEUE_LAG_FIELD.text(DEFAULT_TARGET)).toBe(String(DEFAULT_TARGET.queueLagMs));
    expect(QUEUE_LAG_FIELD.check('2,000')).toEqual({ value: 2000 });
    expect(QUEUE_LAG_FIELD.check('-5')).toEqual({ error: 'The queue wait target must be more than 0 ms, got -5.' });
  });
});
