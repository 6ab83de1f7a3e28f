import { useRef, useState } from 'react';
import type { Watch } from '../../utils/domain/watch';
import type { FailedExportData } from '../../utils/page/failed-exports-grid';
import { fillInput } from '../../utils/overlay/fill-input';
import { useOverlay } from '../../components/overlay/overlay-context';
import { removePendingFix, savePendingFix, THIS_PAGE, type PendingFix } from './pending-fix';
import { pressRowExport } from './press-export';

export interface FixValues {
  checkNumber?: number;
  bankId?: string;
}

interface ConfirmState {
  busy: boolean;
  error: string | null;
  focusConfirm: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sessionStorageOf(input: HTMLElement | null | undefined): Storage | null {
  try {
    return input?.ownerDocument.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Fill in & Export of one Failed to Export row: the suggested values go into the row's own inputs
 * (Cancel puts back what was there), and on confirm the background stores the intent
 * (`fix.begin`) before Procore's own Export is pressed, once; what the page answered goes back
 * (`fix.pressed`). Nothing is pressed unless the background said yes; the pending fix outlives a
 * reload in the tab's session storage (see PendingFixes).
 */
export function useFixAndExport({ watch, values, readRow }: { watch: Watch; values: FixValues; readRow: () => FailedExportData | null }) {
  const { backend, store, ticker } = useOverlay();
  const [confirm, setConfirm] = useState<ConfirmState | null>(null);
  const [busy, setBusy] = useState(false);
  const [words, setWords] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const before = useRef<{ check: string | null; bank: string | null }>({ check: null, bank: null });
  const serverNow = () => ticker.now() + (store.status?.clockOffsetMs ?? 0);

  const fill = (row: FailedExportData | null) => {
    if (values.checkNumber !== undefined && row?.checkNumberInput) fillInput(row.checkNumberInput, String(values.checkNumber));
    if (values.bankId !== undefined && row?.bankIdInput) fillInput(row.bankIdInput, values.bankId);
  };

  const open = (focusConfirm: boolean) => {
    // Already open: the row holds our values now, and reading them as "before" would lose the user's.
    if (confirm) return;
    const row = readRow();
    before.current = { check: row?.checkNumberInput?.value ?? null, bank: row?.bankIdInput?.value ?? null };
    fill(row);
    setWords(null);
    setRefused(false);
    setConfirm({ busy: false, error: null, focusConfirm });
  };

  const cancel = () => {
    const row = readRow();
    if (before.current.check !== null && row?.checkNumberInput) fillInput(row.checkNumberInput, before.current.check);
    if (before.current.bank !== null && row?.bankIdInput) fillInput(row.bankIdInput, before.current.bank);
    setConfirm(null);
  };

  const confirmed = async () => {
    if (!confirm || confirm.busy) return;
    setConfirm({ ...confirm, busy: true, error: null });
    const row = readRow();
    const storage = sessionStorageOf(row?.exportButton);
    const pending: PendingFix = { payoutId: watch.payoutId, invoiceNumber: watch.invoiceNumber, intentId: null, pressed: false, at: serverNow(), page: THIS_PAGE };
    if (storage) savePendingFix(storage, pending);
    const refuse = (reason: string) => {
      if (storage) removePendingFix(storage, watch.payoutId);
      setConfirm({ ...confirm, busy: false, error: `Nothing was exported: ${reason}` });
    };
    let intentId: string;
    try {
      const reply = await backend.send('fix.begin', { payoutId: watch.payoutId, ...values });
      if (!reply.ok) return refuse(reply.reason);
      intentId = reply.intentId;
    } catch (error) {
      return refuse(errorText(error));
    }
    setConfirm(null);
    setBusy(true);
    // Again: the grid may have drawn the row afresh (empty inputs) while the background answered.
    fill(readRow());
    if (storage) savePendingFix(storage, { ...pending, intentId, pressed: true, at: serverNow() });
    const result = await pressRowExport(readRow, { wait });
    if (result.navigates) {
      // The page is going away: the one thing left to do here is to say the button was pressed.
      backend.send('fix.pressed', { payoutId: watch.payoutId, intentId, outcome: 'pressed' }).catch(() => undefined);
      setWords('Export pressed: Procore answers on the page it loads next.');
      return;
    }
    if (result.outcome !== 'pressed' && storage) removePendingFix(storage, watch.payoutId);
    const message = result.outcome === 'pressed' ? undefined : result.message.slice(0, 500);
    try {
      const updated = await backend.send('fix.pressed', { payoutId: watch.payoutId, intentId, outcome: result.outcome, ...(message ? { message } : {}) });
      store.apply({ type: 'upsert', watches: [updated] });
    } catch (error) {
      setWords(`Export was pressed, but the extension could not record it (${errorText(error)}): reload the page to see where it stands.`);
      setBusy(false);
      return;
    }
    setBusy(false);
    setRefused(result.outcome !== 'pressed');
    setWords(
      result.outcome === 'pressed'
        ? `Export pressed: checking with ${watch.erpName}…`
        : result.outcome === 'page_refused'
          ? `Procore did not export it: ${result.message}`
          : `Not exported: ${result.message}`,
    );
  };

  return { confirm, busy, words, refused, open, cancel, confirmed };
}
