/** Requirements in words, for the brief before a check and for the check's results. */
import { KIND_LABELS, NODE_PARAM_SPECS } from '../model';
import { joiner } from '../trace/words';
import type { Requirement, Scenario } from './types';

/** The first line of every check: the design keeps what the brief fixes. */
export const RULES_LABEL = 'Keeps the brief’s traffic and hardware';

export const ms = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 })} ms`;
export const percent = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
export const seconds = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
export const dollars = (x: number) => `$${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** A param's label inside a sentence: "Service time" → "service time", but "TTL" stays "TTL". */
export const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

export function requirementLabel(requirement: Requirement): string {
  switch (requirement.kind) {
    case 'p99':
      return `p99 latency at most ${ms(requirement.maxMs)}`;
    case 'p50EverySecond':
      return `Median (p50) latency at most ${ms(requirement.maxMs)} in every second`;
    case 'p99EverySecond':
      return `p99 latency at most ${ms(requirement.maxMs)} in every second`;
    case 'errorRate':
      return `Errors at most ${percent(requirement.max)} of requests`;
    case 'cost':
      return `Costs at most ${dollars(requirement.maxPerMonth)} a month`;
    case 'queueLag':
      return `Every queued message handled within ${seconds(requirement.maxS)}`;
    case 'survivesLoss':
      return `Losing any one ${KIND_LABELS[requirement.of].toLowerCase()} at ${requirement.atS} s: errors at most ${percent(requirement.maxErrorRate)}, p99 at most ${ms(requirement.maxP99Ms)}`;
    case 'recovers':
      return `From ${seconds(requirement.fromS)} on, in every second: p99 at most ${ms(requirement.maxP99Ms)}, errors at most ${percent(requirement.maxErrorRate)}`;
  }
}

/** What the brief fixes and what is the candidate's, in a sentence under the brief. */
export function rulesText(scenario: Pick<Scenario, 'fixes'>): string {
  const shipped = (scenario.fixes?.client ?? []).map((key) => inSentence(NODE_PARAM_SPECS.client.find((spec) => spec.key === key)?.label ?? key));
  const theirs = shipped.length > 0 ? `, their ${shipped.map((label, i) => joiner(i, shipped.length, 0) + label).join('')}` : '';
  const resilience = shipped.length > 0 ? 'queue sizes, retry budgets' : 'timeouts, retries';
  return (
    `The brief fixes the clients’ traffic${theirs} and what each kind of instance can do and costs. The rest is yours: which ` +
    `nodes, how they connect, algorithms, caches, replicas, instances and autoscaling, ${resilience} and health checks.`
  );
}
