import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the
 * page behind it inert for keyboards and screen readers and closes it on Esc;
 * focus goes back to whatever had it before.
 */
export function DeskDialog({
  labelledBy,
  onClose,
  className,
  testId,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read at the first render, before the dialog takes focus.
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  useEffect(() => {
    const dialog = ref.current;
    const before = opener.current;
    // Guarded: React's development double-mount would otherwise open it twice.
    if (dialog && !dialog.open) dialog.showModal();
    // React removes the element instead of closing it, so the browser does not give focus back itself.
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`cd-dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        // Esc: let React unmount the dialog rather than the browser hiding it under React's feet.
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
