/** Requirements in words, for the brief before a check and for the check's results. */
import { KIND_LABELS } from '../model';
import type { Requirement } from './types';

/** The first line of every check: the design keeps what the brief fixes. */
export const RULES_LABEL = 'Keeps the brief’s traffic and hardware';

export const ms = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 })} ms`;
export const percent = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
export const seconds = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
export const dollars = (x: number) => `$${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

export function requirementLabel(requirement: Requirement): string {
  switch (requirement.kind) {
    case 'p99':
      return `p99 latency at most ${ms(requirement.maxMs)}`;
    case 'p50EverySecond':
      return `Median (p50) latency at most ${ms(requirement.maxMs)} in every second`;
    case 'errorRate':
      return `Errors at most ${percent(requirement.max)} of requests`;
    case 'cost':
      return `Costs at most ${dollars(requirement.maxPerMonth)} a month`;
    case 'queueLag':
      return `Every queued message handled within ${seconds(requirement.maxS)}`;
    case 'survivesLoss':
      return `Losing any one ${KIND_LABELS[requirement.of].toLowerCase()} at ${requirement.atS} s: errors at most ${percent(requirement.maxErrorRate)}, p99 at most ${ms(requirement.maxP99Ms)}`;
  }
}
