import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Alert, Button } from './components.tsx';

/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside, closes it on Escape
 * and returns focus to the button that opened it, which a hand-made overlay would have to imitate.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  busyLabel,
  error,
  tone = 'primary',
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  busyLabel?: string;
  error?: string | null;
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape closes the native dialog; keep React's state in step, but not while submitting.
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions dialog-actions">
        <Button
          variant={tone}
          busy={busy ?? false}
          busyLabel={busyLabel ?? confirmLabel}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => !busy && onCancel()}>
          {cancelLabel}
        </Button>
      </div>
    </dialog>
  );
}
