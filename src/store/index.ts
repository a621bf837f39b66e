/** The app's store instances. Tests build their own with createDesignStore(). */
import { createDesignStore } from './design';
import { connectAutosave, openingDesign } from './autosave';

/** Opens a design link, the autosaved design or the default example (see autosave.ts). */
export const useDesign = createDesignStore(openingDesign());
connectAutosave(useDesign);

export { useUi } from './ui';
export { useRun } from './run';
