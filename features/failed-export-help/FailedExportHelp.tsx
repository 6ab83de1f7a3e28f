import { useRef, useState } from 'react';
import { exportCanCure, hasKnownFix, reexportCure } from '../../utils/domain/reexport-cure';
import type { Watch } from '../../utils/domain/watch';
import type { FailedExportData } from '../../utils/page/failed-exports-grid';
import { fillInput } from '../../utils/overlay/fill-input';
import { describeWatch } from '../../utils/overlay/watch-view';
import { UnrecognisedMessage } from '../../components/common/UnrecognisedMessage';
import { ChangeConfirm, type Change } from '../../components/overlay/ChangeConfirm';
import { useOverlay } from '../../components/overlay/overlay-context';
import { Popover } from '../../components/overlay/Popover';
import { StatusPill } from '../../components/overlay/StatusPill';
import { useMilestone } from '../../components/overlay/use-milestone';
import { useServerNow } from '../../components/overlay/use-watches';

const UNLINK_NOTE = 'Records already in the ERP cannot be unlinked from Procore.';

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'sending' } | { kind: 'error'; message: string } | { kind: 'copied' };

/**
 * ERP Integrations, Failed to Export: beside a row's red error, the cause in plain words and the
 * suggested values with **Fill in** (into the row's own inputs); at the edge beside Procore's own
 * Export, **Fill in & Export** (the suggested values, then one guarded export through the background
 * after a confirm), then progress and the result. A cause no export cures says what to do instead;
 * a message it does not recognise is shown in full, with Procore's unchanged Export as the last try.
 */
export function FailedExportHelp({ watch, row }: { watch: Watch; row: FailedExportData }) {
  const { backend, store } = useOverlay();
  const now = useServerNow();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [details, setDetails] = useState(false);
  const detailsTrigger = useRef<HTMLButtonElement>(null);
  const diagnosis = watch.diagnosis;
  const suggested = diagnosis?.suggested ?? {};
  // Old → new against what was exported and refused: the row's inputs may already hold the fix.
  const currentCheck = watch.checkNumber === null ? '' : String(watch.checkNumber);
  const currentBank = watch.bankId;
  const changes: Change[] = [];
  if (suggested.checkNumber !== undefined && String(suggested.checkNumber) !== currentCheck) {
    changes.push({ field: 'Check Number', from: currentCheck || '(empty)', to: String(suggested.checkNumber) });
  }
  if (suggested.bankId !== undefined && suggested.bankId !== currentBank) {
    changes.push({ field: 'Bank ID', from: currentBank || '(empty)', to: suggested.bankId });
  }
  // One rule with the popup: an export only where a re-export can cure the cause, and only with
  // the refused value changed; an unchanged export is Procore's own Export button, never ours.
  const cure = reexportCure(watch.state, diagnosis);
  const changed = { checkNumber: changes.some((c) => c.field === 'Check Number'), bankId: changes.some((c) => c.field === 'Bank ID') };
  const fixable = hasKnownFix(cure);
  const canFillAndExport = changes.length > 0 && exportCanCure(cure, changed);
  const cannotReexport = watch.state === 'not_exportable' || (watch.state === 'failed' && cure.kind === 'none');

  const view = describeWatch(watch, now);
  useMilestone(view?.milestone ?? null, `Invoice ${watch.invoiceNumber}: ${view?.label ?? ''}`);
  if (!view) return null;

  const fillIn = () => {
    if (suggested.checkNumber !== undefined && row.checkNumberInput) fillInput(row.checkNumberInput, String(suggested.checkNumber));
    if (suggested.bankId !== undefined && row.bankIdInput) fillInput(row.bankIdInput, suggested.bankId);
  };

  const fix = async () => {
    setStep({ kind: 'sending' });
    try {
      const updated = await backend.send('reexport', {
        payoutId: watch.payoutId,
        ...(suggested.checkNumber !== undefined ? { checkNumber: suggested.checkNumber } : {}),
        ...(suggested.bankId !== undefined ? { bankId: suggested.bankId } : {}),
      });
      store.apply({ type: 'upsert', watches: [updated] });
      setStep({ kind: 'idle' });
    } catch (error) {
      setStep({ kind: 'error', message: `Fill in & Export did not run: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const copySummary = async () => {
    try {
      const { text } = await backend.send('support.summary', { payoutId: watch.payoutId });
      await navigator.clipboard.writeText(text);
      setStep({ kind: 'copied' });
    } catch (error) {
      setStep({ kind: 'error', message: `Could not copy the summary: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const plain = cannotReexport ? (watch.notExportableReason ?? diagnosis?.summary ?? view.label) : (diagnosis?.summary ?? view.label);
  const suggestion = [
    suggested.checkNumber !== undefined ? `Check Number ${suggested.checkNumber}` : null,
    suggested.bankId !== undefined ? `Bank ID ${suggested.bankId}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  const fillAndExport = canFillAndExport ? (
    <button
      type="button"
      className="btn btn-primary beside-export"
      disabled={step.kind === 'sending'}
      title={`Fills in ${suggestion} and exports this payment record once, after you confirm`}
      onClick={() => {
        fillIn();
        setStep({ kind: 'confirm' });
      }}
    >
      {step.kind === 'sending' ? 'Exporting…' : 'Fill in & Export'}
    </button>
  ) : null;

  return (
    <div className="fix" data-testid="esw-fix">
      {cure.kind === 'unchanged-only' ? (
        <UnrecognisedMessage watch={watch} />
      ) : watch.state === 'failed' || cannotReexport ? (
        <span className="plain">{plain}</span>
      ) : null}
      <StatusPill view={view} />
      {fixable && suggestion ? <span>Suggested: {suggestion}</span> : null}
      {fixable && !canFillAndExport && diagnosis?.fix ? <span>What to do: {diagnosis.fix}</span> : null}
      {canFillAndExport && (row.checkNumberInput || row.bankIdInput) ? (
        <button type="button" className="btn" onClick={fillIn}>
          Fill in
        </button>
      ) : null}
      {watch.state === 'escalate' ? (
        <button type="button" className="btn" onClick={() => void copySummary()}>
          Copy summary for ERP support
        </button>
      ) : null}
      <button ref={detailsTrigger} type="button" className="btn" aria-haspopup="dialog" aria-expanded={details} onClick={() => setDetails((was) => !was)}>
        Details
      </button>
      <span role="status" aria-live="polite">
        {step.kind === 'error' ? step.message : step.kind === 'copied' ? 'Summary copied' : ''}
      </span>
      {/* Last, at the cell's edge: right beside Procore's own Export in the next column, as the fix of it. */}
      {fillAndExport}
      {details ? (
        <Popover title={`Invoice ${watch.invoiceNumber}, ${watch.beneficiaryName}`} trigger={detailsTrigger} onClose={() => setDetails(false)}>
          <p>{plain}</p>
          {diagnosis?.fix ? <p>{diagnosis.fix}</p> : null}
          {cannotReexport ? <p>Exporting it again will not help: fix it by hand in the ERP and in Procore as described.</p> : null}
          {cure.kind === 'as-is' ? <p>Once that is done, press Export in this row: the same values can go through.</p> : null}
          {cure.kind === 'unchanged-only' ? <p>No fix is known for this message: pressing Export in this row unchanged is the only thing left to try.</p> : null}
          {watch.state === 'escalate' ? <p>The known fixes did not work. Contact ERP support with the copied summary.</p> : null}
          {watch.attempts.length > 0 ? <p className="muted">Re-export attempts: {watch.attempts.length}</p> : null}
          {watch.request?.messages.length ? (
            <p className="muted">
              {watch.erpName} said: {watch.request.messages.join(' ')}
            </p>
          ) : null}
          <p className="muted">{UNLINK_NOTE}</p>
        </Popover>
      ) : null}
      {step.kind === 'confirm' ? (
        <ChangeConfirm
          title={`Fill in & Export invoice ${watch.invoiceNumber}?`}
          changes={changes}
          note={`The payment record is exported to ${watch.erpName} again, once, with these values. ${UNLINK_NOTE}`}
          confirmLabel="Fill in & Export"
          onConfirm={() => void fix()}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      ) : null}
    </div>
  );
}
