/**
 * The practice slice: which scenario is on, how many hints are showing, and the last check.
 * The scenario and hints are kept across reloads (this tab's, else the last one saved); a
 * check's result is not — it is about the design as it was, and a new check takes a second.
 */
import { create } from 'zustand';
import type { Design } from '../model';
import { scenarioById } from '../practice/scenarios';
import type { CheckResult } from '../practice/types';
import { browserStorage, tabStorage } from '../share/autosave';

export type CheckState =
  | { status: 'idle' }
  | { status: 'checking'; design: Design }
  /** `design` is what was checked: once the design changes, the result is about an older one. */
  | { status: 'done'; design: Design; result: CheckResult }
  | { status: 'failed'; message: string };

export interface PracticeState {
  scenarioId: string | null;
  hintsShown: number;
  check: CheckState;
}

const KEY = 'archsim.practice.v1';

interface Saved {
  scenarioId: string | null;
  hintsShown: number;
}

function load(): Saved {
  for (const storage of [tabStorage(), browserStorage()]) {
    try {
      const raw = storage?.getItem(KEY);
      if (!raw) continue;
      const saved = JSON.parse(raw) as Partial<Saved>;
      // A scenario this version does not have (renamed, or a hand-edited value) is forgotten.
      const id = typeof saved.scenarioId === 'string' && scenarioById(saved.scenarioId) ? saved.scenarioId : null;
      const hints = typeof saved.hintsShown === 'number' && Number.isInteger(saved.hintsShown) && saved.hintsShown >= 0 ? saved.hintsShown : 0;
      return { scenarioId: id, hintsShown: id ? hints : 0 };
    } catch {
      // Unreadable: as if nothing were saved.
    }
  }
  return { scenarioId: null, hintsShown: 0 };
}

export const usePractice = create<PracticeState>()(() => ({ ...load(), check: { status: 'idle' } }));

usePractice.subscribe((state, prev) => {
  if (state.scenarioId === prev.scenarioId && state.hintsShown === prev.hintsShown) return;
  const text = JSON.stringify({ scenarioId: state.scenarioId, hintsShown: state.hintsShown } satisfies Saved);
  for (const storage of [tabStorage(), browserStorage()]) {
    try {
      storage?.setItem(KEY, text);
    } catch {
      // Full or refused: practice still works, it is just not kept.
    }
  }
});
