import type { ReactNode } from 'react';
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
}

/** A modal confirm on a Procore page that shows exactly what will change (old → new) before anything is sent. */
export function ChangeConfirm({ title, changes, note, confirmLabel, onConfirm, onCancel }: Props) {
  const { layer } = useOverlay();
  return createPortal(
    <ConfirmDialog title={title} confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel} role="alertdialog" testId="esw-confirm">
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
    </ConfirmDialog>,
    layer,
  );
}
