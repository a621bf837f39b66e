/**
 * The right end of the header, for actions on the whole design. The Share button (src/share)
 * mounts here: render it as a child of this div.
 */
import type { ReactNode } from 'react';

export function HeaderActions({ children }: { children?: ReactNode }) {
  return (
    <div className="header-actions" data-slot="header-actions">
      {children}
    </div>
  );
}
