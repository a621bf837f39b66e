/** A practice brief's own limits as a capacity target: how far past the brief's traffic an answer still passes. */
import type { Scenario } from '../practice/types';
import type { CapacityTarget } from './types';

/** The parts of the target the brief sets (its p99, error rate and queue wait); the rest stay as they are. */
export function targetFromBrief(scenario: Scenario): Partial<CapacityTarget> {
  const target: Partial<CapacityTarget> = {};
  for (const requirement of scenario.requirements) {
    if (requirement.kind === 'p99') target.p99Ms = requirement.maxMs;
    else if (requirement.kind === 'errorRate') target.errorRate = requirement.max;
    else if (requirement.kind === 'queueLag') target.queueLagMs = requirement.maxS * 1000;
  }
  return target;
}
