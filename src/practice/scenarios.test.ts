import { describe, expect, it } from 'vitest';
import { checkDesign } from './check';
import { ruleBreaks } from './rules';
import { SCENARIOS } from './scenarios';

describe.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_, scenario) => {
  it('starts from a design that keeps the rules and fails', () => {
    expect(ruleBreaks(scenario.start, scenario.start, scenario.hardware)).toEqual([]);
    const result = checkDesign(scenario.start, scenario);
    expect(result.ok && result.passed).toBe(false);
  });

  it('has an answer that meets every requirement, the same every time', () => {
    const result = checkDesign(scenario.answer, scenario);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.results.filter((r) => !r.passed)).toEqual([]);
    const again = checkDesign(scenario.answer, scenario);
    expect(again.ok && again.results).toEqual(result.results);
  });
});

it('gives each scenario its own id', () => {
  expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
});

it('fails the last scenario’s three servers on the loss of any one, as its brief says', () => {
  const survive = SCENARIOS.find((s) => s.id === 'survive-a-failure')!;
  const result = checkDesign(survive.start, survive);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  expect(result.results.map((r) => r.passed)).toEqual([true, true, true, true, false]);
});
