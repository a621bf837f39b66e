/**
 * A modal <dialog>, open from the moment it mounts. Escape or a click on the backdrop closes it
 * (then onClose), and keys pressed inside never reach the editor's shortcuts (Delete, Ctrl+A…)
 * on the canvas behind it. The owner keeps the ref, to close it or focus inside it.
 */
import { useEffect, type ReactNode, type RefObject } from 'react';

interface Props {
  dialogRef: RefObject<HTMLDialogElement | null>;
  className: string;
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ dialogRef, className, labelledBy, describedBy, onClose, children }: Props) {
  // Runs before the owner's own effects (children's effects come first), so it may focus inside.
  useEffect(() => {
    const element = dialogRef.current;
    if (element && !element.open) element.showModal();
    // No close() on cleanup: unmounting removes the dialog from the top layer, and a close
    // event from StrictMode's mount-unmount-mount would dismiss the dialog that was just opened.
  }, [dialogRef]);
  return (
    <dialog
      ref={dialogRef}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => e.target === dialogRef.current && dialogRef.current?.close()}
    >
      {children}
    </dialog>
  );
}
