import type { KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog } from '../common/ConfirmDialog';
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
  /** While the confirmed change is being prepared: the confirm button says so and cannot be pressed twice. */
  busy?: boolean;
  /** Why the change cannot go ahead, in words (the dialog stays open to show it). */
  error?: string | null;
  /** Focus starts on the confirm button (a fix the user asked for from the popup or a notification). */
  focusConfirm?: boolean;
}

/**
 * A modal confirm on a Procore page that shows exactly what will change (old → new) before anything
 * is sent. Focus moves onto the dialog (its name is read); Enter confirms (except on the Cancel
 * button, which Enter presses), Escape cancels, Tab reaches the buttons.
 */
export function ChangeConfirm({ title, changes, note, confirmLabel, onConfirm, onCancel, busy, error, focusConfirm }: Props) {
  const { layer } = useOverlay();
  const onKeyDown = (event: KeyboardEvent) => {
    // A focused button answers Enter itself (confirm or Cancel); anywhere else in the dialog Enter confirms.
    if (event.key !== 'Enter' || busy || (event.target instanceof Element && event.target.closest('button'))) return;
    event.preventDefault();
    onConfirm();
  };
  return createPortal(
    <div onKeyDown={onKeyDown}>
      <ConfirmDialog
        title={title}
        confirmLabel={confirmLabel}
        onConfirm={onConfirm}
        onCancel={onCancel}
        role="alertdialog"
        testId="esw-confirm"
        busy={busy}
        initialFocus={focusConfirm ? 'confirm' : 'dialog'}
      >
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
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>,
    layer,
  );
}
