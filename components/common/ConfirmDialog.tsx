import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './Button';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  /** Disables the confirm button, e.g. while a field inside is invalid. */
  confirmDisabled?: boolean;
  /** null for a dialog that only informs (one button). */
  cancelLabel?: string | null;
  /** alertdialog for a confirm that interrupts the user's work on a page not ours. */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  /**
   * Where focus starts: the first control (default), the confirm button (a fix the user asked for
   * elsewhere), or the dialog itself (its name is read; Enter is the caller's, Tab reaches the buttons).
   */
  initialFocus?: 'first' | 'confirm' | 'dialog';
}

/**
 * A modal question. Focus moves into it and stays there (Tab cycles), Escape cancels, and focus
 * returns to where it was when it closes. Works inside a shadow root (the page overlays) too.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger,
  busy,
  confirmDisabled,
  cancelLabel = 'Cancel',
  role = 'dialog',
  testId,
  initialFocus = 'first',
}: ConfirmDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // In a shadow root the document's active element is the host: ask the dialog's own root.
  const focused = () => (ref.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement ?? null;

  // Before the dialog is painted: a key pressed as soon as it shows must land in it, not on the
  // button that opened it (under load a passive effect ran seconds later, and Enter re-opened it).
  useLayoutEffect(() => {
    const previous = ref.current?.ownerDocument.activeElement as HTMLElement | null | undefined;
    const start =
      initialFocus === 'dialog'
        ? ref.current
        : initialFocus === 'confirm'
          ? ref.current?.querySelector<HTMLElement>('.dialog-actions button:last-child:not(:disabled)')
          : ref.current?.querySelector<HTMLElement>('input, select, button:not(:disabled)');
    start?.focus();
    return () => previous?.focus?.();
  }, [initialFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button:not(:disabled), a[href]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (focused() === ref.current) {
      // Focus on the dialog itself: Tab enters its controls from the start, Shift+Tab from the end.
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    } else if (event.shiftKey && focused() === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && focused() === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div ref={ref} className="dialog" role={role} aria-modal="true" aria-labelledby={titleId} data-testid={testId} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dialog-actions">
          {cancelLabel !== null && <Button onClick={onCancel}>{cancelLabel}</Button>}
          <Button variant={danger ? 'danger-solid' : 'primary'} onClick={onConfirm} disabled={busy || confirmDisabled}>
            {busy ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
