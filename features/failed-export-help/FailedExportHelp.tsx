import { useEffect, useRef, useState } from 'react';
import { exportCanCure, hasKnownFix, reexportCure } from '../../utils/domain/reexport-cure';
import { buildSupportSummary } from '../../utils/domain/support-summary';
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
import { NextCheckNumberNote } from './NextCheckNumberNote';
import { useFixAndExport } from './use-fix-and-export';

const UNLINK_NOTE = 'Records already in the ERP cannot be unlinked from Procore.';

type Aside = { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'copied' };

interface Props {
  watch: Watch;
  row: FailedExportData;
  /** The row as the page shows it now (the grid may have drawn it again since `row`). */
  readRow: () => FailedExportData | null;
  /** Changes each time the user asks for this record's fix from the popup or a notification. */
  focusRequest: number | null;
}

/**
 * ERP Integrations, Failed to Export: beside a row's red error, the cause in plain words and the
 * suggested values with **Fill in** (into the row's own inputs, for a user who presses Export
 * themselves); at the edge beside Procore's own Export, **Fill in & Export**: the suggested values
 * in the row, old → new in a confirm, and on confirm the row's own Export pressed once, then
 * Procore's answer. A cause no export cures says what to do instead; a message it does not
 * recognise is shown in full, with Procore's unchanged Export as the last try.
 */
export function FailedExportHelp({ watch, row, readRow, focusRequest }: Props) {
  const { backend } = useOverlay();
  const now = useServerNow();
  const [aside, setAside] = useState<Aside>({ kind: 'none' });
  const [details, setDetails] = useState(false);
  const [focused, setFocused] = useState(false);
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
  const canFillAndExport = changes.length > 0 && exportCanCure(cure, changed) && !!row.exportButton;
  const cannotReexport = watch.state === 'not_exportable' || (watch.state === 'failed' && cure.kind === 'none');
  const values = {
    ...(suggested.checkNumber !== undefined ? { checkNumber: suggested.checkNumber } : {}),
    ...(suggested.bankId !== undefined ? { bankId: suggested.bankId } : {}),
  };
  const flow = useFixAndExport({ watch, values, readRow });

  // Asked for from outside the page: the row in view and marked, its fix open with Confirm focused.
  useEffect(() => {
    if (focusRequest === null) return;
    (row.checkNumberInput ?? row.exportButton)?.scrollIntoView({ block: 'center' });
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocused(true);
    if (canFillAndExport) flow.open(true);
    else setAside({ kind: 'error', message: `No Fill in & Export for invoice ${watch.invoiceNumber}: ${diagnosis?.fix ?? diagnosis?.summary ?? 'no known fix'}` });
    // Only a new request opens the fix again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const view = describeWatch(watch, now);
  useMilestone(view?.milestone ?? null, `Invoice ${watch.invoiceNumber}: ${view?.label ?? ''}`);
  if (!view) return null;

  const fillIn = () => {
    if (values.checkNumber !== undefined && row.checkNumberInput) fillInput(row.checkNumberInput, String(values.checkNumber));
    if (values.bankId !== undefined && row.bankIdInput) fillInput(row.bankIdInput, values.bankId);
  };

  const copySummary = async () => {
    try {
      const { watchedCompanies } = await backend.send('status.get', {});
      const companyName = watchedCompanies.find((c) => c.id === watch.companyId)?.name;
      await navigator.clipboard.writeText(buildSupportSummary(watch, { companyName }));
      setAside({ kind: 'copied' });
    } catch (error) {
      setAside({ kind: 'error', message: `Could not copy the summary: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const plain = cannotReexport ? (watch.notExportableReason ?? diagnosis?.summary ?? view.label) : (diagnosis?.summary ?? view.label);
  const suggestion = [values.checkNumber !== undefined ? `Check Number ${values.checkNumber}` : null, values.bankId !== undefined ? `Bank ID ${values.bankId}` : null]
    .filter(Boolean)
    .join(', ');
  const status = flow.words ?? (aside.kind === 'error' ? aside.message : aside.kind === 'copied' ? 'Summary copied' : '');

  const fillAndExport = canFillAndExport ? (
    <button
      type="button"
      className="btn btn-primary beside-export"
      disabled={flow.busy}
      title={`Fills in ${suggestion} and presses this row's Export once, after you confirm`}
      onClick={() => flow.open(false)}
    >
      {flow.busy ? 'Exporting…' : 'Fill in & Export'}
    </button>
  ) : null;

  return (
    <div className={focused ? 'fix focused' : 'fix'} data-testid="esw-fix">
      {cure.kind === 'unchanged-only' ? (
        <UnrecognisedMessage watch={watch} />
      ) : watch.state === 'failed' || cannotReexport ? (
        <span className="plain">{plain}</span>
      ) : null}
      <StatusPill view={view} />
      {fixable && suggestion ? <span>Suggested: {suggestion}</span> : null}
      {fixable && !canFillAndExport && diagnosis?.fix ? <span>What to do: {diagnosis.fix}</span> : null}
      {suggested.nextCheckNumber !== undefined ? <NextCheckNumberNote watch={watch} nextCheckNumber={suggested.nextCheckNumber} /> : null}
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
      <span role="status" aria-live="polite" className={flow.refused || aside.kind === 'error' ? 'error' : undefined}>
        {status}
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
      {flow.confirm ? (
        <ChangeConfirm
          title={`Fill in & Export invoice ${watch.invoiceNumber}?`}
          changes={changes}
          note={`Procore's Export of this row is pressed once, with these values, and the payment record goes to ${watch.erpName} again. ${UNLINK_NOTE}`}
          confirmLabel="Fill in & Export"
          busy={flow.confirm.busy}
          error={flow.confirm.error}
          focusConfirm={flow.confirm.focusConfirm}
          onConfirm={() => void flow.confirmed()}
          onCancel={flow.cancel}
        />
      ) : null}
    </div>
  );
}
