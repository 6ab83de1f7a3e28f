import { useId, useState } from 'react';
import { exportCanCure, reexportCure } from '../../utils/domain/reexport-cure';
import type { Watch } from '../../utils/domain/watch';
import { sendMessage } from '../../utils/message-client';
import { ConfirmDialog } from '../common/ConfirmDialog';

interface FixExportDialogProps {
  watch: Watch;
  onDone: (updated: Watch) => void;
  onCancel: () => void;
}

function checkNumberError(text: string): string | null {
  return /^[1-9]\d{0,15}$/.test(text.trim()) ? null : 'enter a whole number above 0';
}

/**
 * Confirms a corrective re-export: shows what is exported now and what will be exported
 * instead (the suggested values, editable), then asks the background to export.
 */
export function FixExportDialog({ watch, onDone, onCancel }: FixExportDialogProps) {
  const suggested = watch.diagnosis?.suggested;
  const [checkText, setCheckText] = useState(String(suggested?.checkNumber ?? watch.checkNumber ?? ''));
  const [bankId, setBankId] = useState(suggested?.bankId ?? watch.bankId);
  const [moveNext, setMoveNext] = useState(watch.diagnosis?.cause === 'DUPLICATE_CHECK_NUMBER');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkId = useId();
  const bankIdId = useId();

  const checkError = checkNumberError(checkText);
  const bankError = bankId.trim() ? null : 'enter the Bank ID the ERP knows';
  const newCheck = checkError ? null : Number(checkText.trim());
  const checkChanged = newCheck !== null && newCheck !== watch.checkNumber;
  const bankChanged = bankId.trim() !== watch.bankId;
  // The ERP refused one value: the same value again cannot cure it, so Export waits for a change.
  const cure = reexportCure(watch.state, watch.diagnosis);
  const unchangedRefusal = !exportCanCure(cure, { checkNumber: checkChanged, bankId: bankChanged })
    ? cure.kind === 'change' && cure.field === 'bankId'
      ? `${watch.erpName} refused Bank ID ${watch.bankId || '(empty)'}: enter the Bank ID of the paying account in ${watch.erpName} to export.`
      : `${watch.erpName} already has check number ${watch.checkNumber ?? ''}: enter a check number it has not used to export.`
    : null;

  const confirm = async () => {
    if (checkError || bankError || unchangedRefusal) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await sendMessage('reexport', {
        payoutId: watch.payoutId,
        ...(checkChanged && newCheck !== null ? { checkNumber: newCheck, moveNextCheckNumber: moveNext } : {}),
        ...(bankChanged ? { bankId: bankId.trim() } : {}),
      });
      onDone(updated);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog title={`Fix & export: ${watch.beneficiaryName}`} confirmLabel="Export" onConfirm={confirm} onCancel={onCancel} busy={busy} confirmDisabled={Boolean(checkError || bankError || unchangedRefusal)}>
      {watch.diagnosis && <p className="dialog-text">{watch.diagnosis.fix ?? watch.diagnosis.summary}</p>}
      <table className="change-table">
        <caption className="visually-hidden">What will be exported</caption>
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">Export with</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Check number</th>
            <td>{watch.checkNumber ?? '—'}</td>
            <td className={checkChanged ? 'changed' : ''}>{checkText || '—'}{checkChanged && <span className="visually-hidden"> (changed)</span>}</td>
          </tr>
          <tr>
            <th scope="row">Bank ID</th>
            <td>{watch.bankId || '—'}</td>
            <td className={bankChanged ? 'changed' : ''}>{bankId || '—'}{bankChanged && <span className="visually-hidden"> (changed)</span>}</td>
          </tr>
        </tbody>
      </table>
      <div className="field">
        <label htmlFor={checkId}>New check number</label>
        <input id={checkId} inputMode="numeric" value={checkText} onChange={(e) => setCheckText(e.target.value)} aria-invalid={Boolean(checkError)} aria-describedby={checkError ? `${checkId}-error` : undefined} />
        {checkError && <span id={`${checkId}-error`} className="field-error">Check number: {checkError}</span>}
      </div>
      <div className="field">
        <label htmlFor={bankIdId}>Bank ID</label>
        <input id={bankIdId} value={bankId} onChange={(e) => setBankId(e.target.value)} aria-invalid={Boolean(bankError)} aria-describedby={bankError ? `${bankIdId}-error` : undefined} />
        {bankError && <span id={`${bankIdId}-error`} className="field-error">Bank ID: {bankError}</span>}
      </div>
      {unchangedRefusal && <p className="field-error">{unchangedRefusal}</p>}
      {checkChanged && (
        <label className="check">
          <input type="checkbox" checked={moveNext} onChange={(e) => setMoveNext(e.target.checked)} />
          Also move the funding account’s Next Check Number past {newCheck}
        </label>
      )}
      <p className="dialog-note">Procore exports the record again; a record that reached the ERP is never exported twice.</p>
      {error && <p className="field-error" role="alert">Export not sent: {error}</p>}
    </ConfirmDialog>
  );
}
