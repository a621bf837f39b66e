/** Says a result is about an earlier version of the design, with the button that makes it again. */
import type { ReactNode } from 'react';

export function StaleNote({ children, action, onAction }: { children: ReactNode; action: string; onAction: () => void }) {
  return (
    <p className="stale-note">
      {children}{' '}
      <button type="button" className="link-button" onClick={onAction}>
        {action}
      </button>
    </p>
  );
}
