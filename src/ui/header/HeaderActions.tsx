/** The right end of the header, for actions on the whole design (File menu, Share; see src/ui/share). */
import type { ReactNode } from 'react';

export function HeaderActions({ children }: { children?: ReactNode }) {
  return (
    <div className="header-actions" data-slot="header-actions">
      {children}
    </div>
  );
}
