/**
 * The practice slice. Which scenario is on is the design's own `practice` field (so undo, files,
 * links and autosave carry it); here are the hints shown, whether the answer was, and the
 * scenarios passed (kept across reloads) and the last check, which is not kept — it is about the design as it was.
 */
import { create } from 'zustand';
import type { Design } from '../model';
import { scenarioById } from '../practice/scenarios';
import type { CheckResult, Scenario } from '../practice/types';
import { browserStorage } from '../share/autosave';
import { useDesign } from './index';

export type CheckState =
  | { status: 'idle' }
  | { status: 'checking'; design: Design }
  /** `design` is what was checked: once the design changes, the result is about an older one. */
  | { status: 'done'; design: Design; result: CheckResult }
  | { status: 'failed'; message: string };

export interface PracticeState {
  /** Hints shown, by scenario id. */
  hints: Record<string, number>;
  /** Scenarios whose answer was shown since they were last started, by id. */
  answerShown: Record<string, true>;
  /** Scenarios a check has passed, by id: with a design of the person's own, or after seeing the answer. */
  passed: Record<string, Passed>;
  check: CheckState;
}

const HINTS_KEY = 'archsim.practice.hints.v1';
const ANSWER_KEY = 'archsim.practice.answer.v1';
const PASSED_KEY = 'archsim.practice.passed.v2';

export type Passed = 'own' | 'withAnswer';

/** A saved record by scenario id; entries for scenarios this version lacks, or of the wrong shape, are forgotten. */
function load<T>(key: string, valid: (value: unknown) => value is T): Record<string, T> {
  try {
    const saved: unknown = JSON.parse(browserStorage()?.getItem(key) ?? '{}');
    if (saved === null || typeof saved !== 'object') return {};
    return Object.fromEntries(Object.entries(saved).filter(([id, value]) => scenarioById(id) && valid(value))) as Record<string, T>;
  } catch {
    return {};
  }
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isTrue = (b: unknown): b is true => b === true;
const isPassed = (p: unknown): p is Passed => p === 'own' || p === 'withAnswer';

export const usePractice = create<PracticeState>()(() => ({
  hints: load(HINTS_KEY, isCount),
  answerShown: load(ANSWER_KEY, isTrue),
  passed: load(PASSED_KEY, isPassed),
  check: { status: 'idle' },
}));

function save(key: string, value: object) {
  try {
    browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: practice still works, this is just not kept.
  }
}

usePractice.subscribe((state, prev) => {
  if (state.hints !== prev.hints) save(HINTS_KEY, state.hints);
  if (state.answerShown !== prev.answerShown) save(ANSWER_KEY, state.answerShown);
  if (state.passed !== prev.passed) save(PASSED_KEY, state.passed);
});

/**
 * The passes after a check of scenario `id`: a pass is the person's own unless they saw the
 * answer since starting it, and a pass of their own is never taken back.
 */
export function withCheck(passed: Record<string, Passed>, answerShown: Record<string, true>, id: string, checkPassed: boolean): Record<string, Passed> {
  if (!checkPassed || passed[id] === 'own') return passed;
  return { ...passed, [id]: answerShown[id] ? 'withAnswer' : 'own' };
}

/** The scenario the design on the canvas is an attempt at, if this version has it. */
export function scenarioOf(design: Design): Scenario | undefined {
  return design.practice === undefined ? undefined : scenarioById(design.practice);
}

export function useScenario(): Scenario | undefined {
  return useDesign((s) => scenarioOf(s.design));
}
