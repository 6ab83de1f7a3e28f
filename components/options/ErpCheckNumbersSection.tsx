import { useId } from 'react';
import { Button } from '../common/Button';
import { LockNote } from './Field';
import type { SettingsForm } from './use-settings-form';

type Row = { bankId: string; lastCheckNumber: number };

/**
 * The ERP's last check number per Bank ID, as the user reads it in the ERP. The funding-account
 * advice measures the Next Check Number's room from the higher of this and what synced records
 * show, so a number entered here is what stops a funding account from walking into the ERP's checks.
 */
export function ErpCheckNumbersSection({ form }: { form: SettingsForm }) {
  const hintId = useId();
  const draft = form.draft;
  if (!draft) return null;
  const locked = form.locked.has('erpLastCheckNumbers');
  const rows = draft.erpLastCheckNumbers;
  const setRows = (change: (rows: Row[]) => Row[]) => form.update((d) => ({ ...d, erpLastCheckNumbers: change(d.erpLastCheckNumbers) }));
  const setRow = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const listError = form.errors.erpLastCheckNumbers;

  return (
    <section id="erp-check-numbers" aria-labelledby="erp-check-numbers-title" className="card">
      <h2 id="erp-check-numbers-title">The ERP’s check numbers</h2>
      <p id={hintId} className="hint">
        Procore does not say which check number your ERP printed last. Enter it per Bank ID (as the ERP names the bank
        account) and the funding-account advice keeps each Next Check Number well above it. Records that already
        synced also count; the higher number wins.
      </p>
      {locked && <LockNote />}
      {rows.length === 0 && <p>No Bank ID entered yet.</p>}
      <ul className="plain-list">
        {rows.map((row, index) => {
          const bankError = form.errors[`erpLastCheckNumbers.${index}.bankId`];
          const numberError = form.errors[`erpLastCheckNumbers.${index}.lastCheckNumber`];
          const bankInput = `${hintId}-bank-${index}`;
          const numberInput = `${hintId}-number-${index}`;
          return (
            <li key={index} className="field-row">
              <div className="field">
                <label htmlFor={bankInput}>Bank ID</label>
                <input
                  id={bankInput}
                  value={row.bankId}
                  disabled={locked}
                  aria-invalid={Boolean(bankError)}
                  aria-describedby={bankError ? `${bankInput}-error` : hintId}
                  onChange={(e) => setRow(index, { bankId: e.target.value.trim() })}
                />
                {bankError && <span id={`${bankInput}-error`} className="field-error">Bank ID: {bankError}</span>}
              </div>
              <div className="field">
                <label htmlFor={numberInput}>Last check number in the ERP</label>
                <input
                  id={numberInput}
                  type="number"
                  min={1}
                  step={1}
                  value={Number.isNaN(row.lastCheckNumber) ? '' : row.lastCheckNumber}
                  disabled={locked}
                  aria-invalid={Boolean(numberError)}
                  aria-describedby={numberError ? `${numberInput}-error` : hintId}
                  onChange={(e) => setRow(index, { lastCheckNumber: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                />
                {numberError && <span id={`${numberInput}-error`} className="field-error">Last check number: {numberError}</span>}
              </div>
              <Button disabled={locked} aria-label={`Remove Bank ID ${row.bankId || index + 1}`} onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      {listError && <p className="field-error">{listError}</p>}
      <Button
        disabled={locked || rows.length >= 50}
        onClick={() => {
          setRows((all) => [...all, { bankId: '', lastCheckNumber: Number.NaN }]);
          // The new row's first input takes the focus, so a keyboard user types straight into it.
          requestAnimationFrame(() => document.getElementById(`${hintId}-bank-${rows.length}`)?.focus());
        }}
      >
        Add a Bank ID
      </Button>
    </section>
  );
}
