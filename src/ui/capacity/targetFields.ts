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

export const P99_FIELD: TargetField = {
  key: 'p99Ms',
  label: 'p99 at most',
  unit: 'ms',
  text: (target) => String(target.p99Ms),
  check(text) {
    const value = parseNumberText(text);
    if (value === null) return { error: 'Give the p99 target in milliseconds, e.g. 200.' };
    if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `The p99 target must be a number of milliseconds, e.g. 200, got ${typed(text)}.` };
    if (value <= 0) return { error: `The p99 target must be more than 0 ms, got ${value.toLocaleString('en')}.` };
    return { value };
  },
};

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

export const QUEUE_LAG_FIELD: TargetField = {
  key: 'queueLagMs',
  label: 'Queue wait at most',
  unit: 'ms',
  text: (target) => String(target.queueLagMs),
  check(text) {
    const value = parseNumberText(text);
    if (value === null) return { error: 'Give the longest a message may wait in a queue, in milliseconds, e.g. 1000.' };
    if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `The queue wait target must be a number of milliseconds, e.g. 1000, got ${typed(text)}.` };
    if (value <= 0) return { error: `The queue wait target must be more than 0 ms, got ${value.toLocaleString('en')}.` };
    return { value };
  },
};
