import { useState } from 'react';
import type { Watch } from '../../utils/domain/watch';
import { sendMessage } from '../../utils/message-client';
import { ConfirmDialog } from '../common/ConfirmDialog';

interface FixExportDialogProps {
  watch: Watch;
  onDone: (focused: boolean) => void;
  onCancel: () => void;
}

/**
 * "Fix in Procore": what is wrong and what the fix will change, then the record's ERP
 * Integrations page opens (or its tab comes forward) with the fix ready. Procore has no API for
 * the export: nothing is exported until the user confirms on that page and Procore's own Export
 * is pressed there.
 */
export function FixExportDialog({ watch, onDone, onCancel }: FixExportDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggested = watch.diagnosis?.suggested;
  const newCheck = suggested?.checkNumber !== undefined && suggested.checkNumber !== watch.checkNumber ? suggested.checkNumber : null;
  const newBank = suggested?.bankId !== undefined && suggested.bankId !== watch.bankId ? suggested.bankId : null;

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone((await sendMessage('fix.open', { payoutId: watch.payoutId })).focused);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog title={`Fix in Procore: ${watch.beneficiaryName}`} confirmLabel="Open ERP Integrations" onConfirm={open} onCancel={onCancel} busy={busy}>
      {watch.diagnosis && <p className="dialog-text">{watch.diagnosis.fix ?? watch.diagnosis.summary}</p>}
      {(newCheck !== null || newBank !== null) && (
        <table className="change-table">
          <caption className="visually-hidden">What the fix will change</caption>
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">Suggested</th></tr>
          </thead>
          <tbody>
            {newCheck !== null && (
              <tr><th scope="row">Check number</th><td>{watch.checkNumber ?? '—'}</td><td className="changed">{newCheck}</td></tr>
            )}
            {newBank !== null && (
              <tr><th scope="row">Bank ID</th><td>{watch.bankId || '—'}</td><td className="changed">{newBank}</td></tr>
            )}
          </tbody>
        </table>
      )}
      <p className="dialog-note">
        The fix is prepared on Procore’s ERP Integrations page, on this record’s row. Nothing is exported until you check the
        values and confirm there; then Procore’s own Export is pressed.
      </p>
      {error && <p className="field-error" role="alert">The page was not opened: {error}</p>}
    </ConfirmDialog>
  );
}
