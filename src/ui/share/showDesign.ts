/**
 * Puts a design from outside (a link, a file, the kept design) on screen as one undoable step:
 * stops a running simulation (its figures belong to the old design), clears the selection and
 * asks the canvas for the design's opening view.
 */
import type { Design } from '../../model';
import { useDesign } from '../../store';
import { takeKeptDesign } from '../../store/autosave';
import { reset } from '../../store/runner';
import { useUi } from '../../store/ui';

export async function showDesign(design: Design, message?: string): Promise<void> {
  await reset();
  useUi.getState().clearSelection();
  useDesign.getState().replaceDesign(design);
  if (message) useUi.getState().notify('info', message);
  useUi.getState().showOpeningView();
}

/** Brings back the design a link opened over (the banner's Restore, File → Restore previous design). */
export function restoreKeptDesign(): void {
  const design = takeKeptDesign();
  if (design) void showDesign(design, `Restored ${quoted(design.name)}. Undo (Ctrl+Z) goes back to the link's design.`);
}

/** Said after a design's name as it opens, when it has notes: nothing is selected, so the inspector shows them. */
export const notesHint = (design: Design): string => (design.notes ? ': read its notes in the inspector' : '');

/** “name” in curly quotes, cut short so a long name does not flood a message. */
export function quoted(name: string): string {
  const chars = Array.from(name.trim() || 'Untitled design');
  return `“${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('')}”`;
}
