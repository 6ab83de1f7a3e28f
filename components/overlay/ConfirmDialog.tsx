import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useOverlay } from './overlay-context';

export interface Change {
  field: string;
  from: string;
  to: string;
}

interface Props {
  title: string;
  changes: Change[];
  note?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirm that shows exactly what will change (old → new) before anything is sent. */
export function ConfirmDialog({ title, changes, note, confirmLabel, onConfirm, onCancel }: Props) {
  const { layer } = useOverlay();
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const returnTo = layer.ownerDocument.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => returnTo?.focus?.();
  }, [layer]);

  const trapTab = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const buttons = [...dialog.current.querySelectorAll('button')];
    const root = dialog.current.getRootNode() as ShadowRoot | Document;
    const index = buttons.indexOf(root.activeElement as HTMLButtonElement);
    const next = (index + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return createPortal(
    <div className="backdrop">
      <div ref={dialog} className="dialog" role="alertdialog" aria-modal="true" aria-label={title} onKeyDown={trapTab} data-testid="esw-confirm">
        <h2>{title}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Now</th>
              <th scope="col">Will be</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.from}</td>
                <td>
                  <span aria-hidden="true">→ </span>
                  {change.to}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {note ? <p className="muted">{note}</p> : null}
        <div className="actions">
          <button ref={cancel} type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    layer,
  );
}
