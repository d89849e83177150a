import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  /** Esc, the backdrop or a close button: the caller decides (it may refuse while busy). */
  onClose(): void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog: the browser's own `<dialog>` opened with showModal(), so that focus is kept
 * inside, Esc closes it, the page behind is inert, and nothing in the page moves.
 */
export function Modal({ labelledBy, onClose, children, className = '' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    // A click on the backdrop (outside the dialog's box) closes it.
    const backdrop = (event: MouseEvent) => {
      const r = dialog.getBoundingClientRect();
      if (event.target === dialog && (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom)) close.current();
    };
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('click', backdrop);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('click', backdrop);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`modal ${className}`} aria-labelledby={labelledBy}>
      {children}
    </dialog>
  );
}
