import { describe, expect, it } from 'vitest';
import { checkDesign } from './check';
import { ruleBreaks } from './rules';
import { SCENARIOS } from './scenarios';

describe.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_, scenario) => {
  it('starts from a design that keeps the rules and fails', () => {
    expect(ruleBreaks(scenario.start, scenario)).toEqual([]);
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

describe('a brief’s own nodes', () => {
  const slow = SCENARIOS.find((s) => s.id === 'slow-dependency')!;

  it('must stay, as the brief gives them', () => {
    const without = { ...slow.answer, nodes: slow.answer.nodes.filter((n) => n.id !== 'payments'), edges: slow.answer.edges.filter((e) => e.target !== 'payments') };
    const missing = checkDesign(without, slow);
    expect(missing.ok && missing.results[0]).toMatchObject({ passed: false, measured: 'Payment provider is missing: the brief provides it' });
    const faster = {
      ...slow.answer,
      nodes: slow.answer.nodes.map((n) => (n.id === 'payments' ? { ...n, params: { ...n.params, serviceTimeMs: 10 } } : n)),
    };
    const changed = checkDesign(faster, slow);
    expect(changed.ok && changed.results[0]).toMatchObject({ passed: false, measured: 'Payment provider’s service time is 10, the brief’s 100' });
  });

  it('are slowed by the brief during the check, not by the design’s own faults', () => {
    // Blocking servers grind to a halt while the provider is slow, and only then.
    const result = checkDesign({ ...slow.start, faults: [] }, slow);
    expect(result.ok && result.results[1]).toMatchObject({ passed: false, measured: expect.stringMatching(/second ending at (2\d|3\d|4[0-5]) s/) });
  });
});
