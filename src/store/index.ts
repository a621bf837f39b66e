/** The app's store instances. Tests build their own with createDesignStore(). */
import { createDesignStore } from './design';
import { defaultDesign } from './examples';
import { loadAutosave, saveAutosave } from './autosave';

export const useDesign = createDesignStore(loadAutosave() ?? defaultDesign());

let saveTimer: ReturnType<typeof setTimeout> | null = null;
useDesign.subscribe((state, prev) => {
  if (state.design === prev.design) return;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => saveAutosave(useDesign.getState().design), 300);
});

export { useUi } from './ui';
export { useRun } from './run';
