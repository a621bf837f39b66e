/**
 * Copies text, with a fallback for browsers (or permissions) that refuse the async clipboard:
 * the old execCommand path on a selected, off-screen text area. Never throws.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      // Some browsers never settle the promise when the page lacks permission: do not wait forever.
      const ok = await Promise.race([
        navigator.clipboard.writeText(text).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1500)),
      ]);
      if (ok) return true;
    }
  } catch {
    // Refused (no permission, not focused): try the fallback.
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  // Inside an open modal dialog, so that the dialog's focus trap does not block the selection.
  const host = document.querySelector('dialog[open]') ?? document.body;
  const focused = document.activeElement as HTMLElement | null;
  host.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus?.({ preventScroll: true });
  }
}
