/**
 * The practice slice. Which scenario is on is the design's own `practice` field (so undo, files,
 * links and autosave carry it); here are the hints shown per scenario (kept across reloads) and
 * the last check, which is not kept — it is about the design as it was.
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
  check: CheckState;
}

const KEY = 'archsim.practice.hints.v1';

function loadHints(): Record<string, number> {
  try {
    const saved: unknown = JSON.parse(browserStorage()?.getItem(KEY) ?? '{}');
    if (saved === null || typeof saved !== 'object') return {};
    // Only counts for scenarios this version has: a renamed one, or a hand-edited value, is forgotten.
    return Object.fromEntries(
      Object.entries(saved).filter(([id, n]) => scenarioById(id) && Number.isInteger(n) && (n as number) >= 0),
    ) as Record<string, number>;
  } catch {
    return {};
  }
}

export const usePractice = create<PracticeState>()(() => ({ hints: loadHints(), check: { status: 'idle' } }));

usePractice.subscribe((state, prev) => {
  if (state.hints === prev.hints) return;
  try {
    browserStorage()?.setItem(KEY, JSON.stringify(state.hints));
  } catch {
    // Full or refused: hints still show, they are just not kept.
  }
});

/** The scenario the design on the canvas is an attempt at, if this version has it. */
export function scenarioOf(design: Design): Scenario | undefined {
  return design.practice === undefined ? undefined : scenarioById(design.practice);
}

export function useScenario(): Scenario | undefined {
  return useDesign((s) => scenarioOf(s.design));
}
