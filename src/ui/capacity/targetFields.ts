/**
 * The target's fields as typed: p99 and queue wait in milliseconds, errors in percent (the
 * search takes a share, 0–1). A value the search would refuse is refused here, with the reason.
 */
import { parseNumberText } from '../../model';
import type { CapacityTarget } from '../../capacity/types';

export type Checked = { value: number } | { error: string };

export interface TargetField {
  key: keyof CapacityTarget;
  label: string;
  unit: string;
  /** The target's value as the field shows it. */
  text: (target: CapacityTarget) => string;
  check: (text: string) => Checked;
}

const typed = (text: string) => `“${text.trim()}”`;

/** A field of milliseconds, more than 0: `name` is what the messages call it ("the p99 target"). */
function millisecondsField(key: 'p99Ms' | 'queueLagMs', label: string, name: string, example: number, missing: string): TargetField {
  return {
    key,
    label,
    unit: 'ms',
    text: (target) => String(target[key]),
    check(text) {
      const value = parseNumberText(text);
      if (value === null) return { error: missing };
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `${name} must be a number of milliseconds, e.g. ${example}, got ${typed(text)}.` };
      if (value <= 0) return { error: `${name} must be more than 0 ms, got ${value.toLocaleString('en')}.` };
      return { value };
    },
  };
}

export const P99_FIELD = millisecondsField('p99Ms', 'p99 at most', 'The p99 target', 200, 'Give the p99 target in milliseconds, e.g. 200.');

export const ERRORS_FIELD: TargetField = {
  key: 'errorRate',
  label: 'Errors at most',
  unit: '%',
  // Through toPrecision: 0.001 × 100 is 0.1, not 0.10000000000000001.
  text: (target) => String(Number((target.errorRate * 100).toPrecision(12))),
  check(text) {
    const value = parseNumberText(text);
    if (value === null) return { error: 'Give the error target as a percentage, e.g. 0.1.' };
    if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `The error target must be a percentage, e.g. 0.1, got ${typed(text)}.` };
    if (value < 0 || value >= 100) return { error: `The error target must be from 0 % up to (not including) 100 %, got ${value.toLocaleString('en')} %.` };
    return { value: value / 100 };
  },
};

export const QUEUE_LAG_FIELD = millisecondsField(
  'queueLagMs',
  'Queue wait at most',
  'The queue wait target',
  1000,
  'Give the longest a message may wait in a queue, in milliseconds, e.g. 1000.',
);
