/** Keeps the design across reloads in localStorage, read back through restore() like any input. */
import { restore, type Design } from '../model';

export const AUTOSAVE_KEY = 'archsim.design';

export function loadAutosave(): Design | null {
  try {
    const text = globalThis.localStorage?.getItem(AUTOSAVE_KEY);
    if (!text) return null;
    const result = restore(text);
    return result.ok ? result.design : null;
  } catch {
    return null;
  }
}

export function saveAutosave(design: Design): void {
  try {
    globalThis.localStorage?.setItem(AUTOSAVE_KEY, JSON.stringify(design));
  } catch {
    // Private mode or a full quota: the design still lives in memory.
  }
}
