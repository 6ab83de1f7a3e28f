import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { FIX_HASH_KEY } from '../../utils/messaging';
import { readFailedExportRows, type FailedExportData } from '../../utils/page/failed-exports-grid';
import { failedViewLink } from '../../utils/page/failed-view-link';
import { describeWatch } from '../../utils/overlay/watch-view';
import { FailedExportHelp } from './FailedExportHelp';
import { listenFixFocus } from './fix-focus';
import { PendingFixes } from './PendingFixes';
import { useOverlay } from '../../components/overlay/overlay-context';
import { useAdjacentHost } from '../../components/overlay/use-adjacent-host';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { usePageHints } from '../../components/overlay/use-hints';
import { useServerNow, useWatchStore } from '../../components/overlay/use-watches';

const RELOAD_AFTER_MS = 1000;

/**
 * ERP Integrations, Failed to Export: the cause and the fix beside each failed payment record,
 * and over the table what became of the fixes this tab pressed. A fix asked for from the popup
 * or a notification (`#esw-fix=`, `fix.focus`) opens on its row.
 */
export function FailedExportsOverlay() {
  const { backend } = useOverlay();
  const store = useWatchStore();
  const now = useServerNow();
  const [focus, setFocus] = useState<{ payoutId: string; request: number; from: 'hash' | 'message' } | null>(null);
  const watchOf = (row: FailedExportData) => store.forPaymentRecord(row);
  const { records, root } = useGridRecords(readFailedExportRows, 'fix', 'The Failed to Export table', undefined, {
    // FailedExportHelp draws every record it is given a view of.
    expects: (record) => {
      const watch = watchOf(record.data);
      return !!watch && describeWatch(watch, now) !== null;
    },
  });
  // Rows the background does not know yet are looked for; a row it still has syncing is shown
  // failed here, so its export result is read now rather than at its deadline.
  const matched = records.map((r) => ({ row: r.data, watch: watchOf(r.data) }));
  usePageHints({
    disbursementNumbers: matched.map(({ row }) => row.disbursementNumber).filter(Boolean),
    invoiceNumbers: matched.filter(({ row, watch }) => !watch && !row.disbursementNumber && row.invoiceNumber).map(({ row }) => row.invoiceNumber),
    shownFailed: matched.flatMap(({ watch }) => (watch?.state === 'syncing' ? [watch.payoutId] : [])),
  });
  useEffect(() => listenFixFocus(window, backend, (payoutId, from) => setFocus((was) => ({ payoutId, from, request: (was?.request ?? 0) + 1 }))), [backend]);
  // The table as the feature found it: the tracker names its root only once it has rows to give,
  // and a view left empty by the fixes this tab pressed is where their outcome is said.
  const [found] = useState(() => {
    const read = readFailedExportRows(document);
    return read.ok ? read.root : null;
  });
  const notices = useAdjacentHost(root ?? found, 'fix-notice', 'before');
  const readRow = useCallback((key: string) => {
    const read = readFailedExportRows(document);
    return read.ok ? (read.records.find((r) => r.key === key)?.data ?? null) : null;
  }, []);
  const focusMissing = focus && !records.some((r) => watchOf(r.data)?.payoutId === focus.payoutId);
  // Asked for while this page was already open: its rows may predate the record (a server-rendered
  // page, a grid loaded once). Once the page has had a moment, Failed to Export is loaded afresh
  // with the request in its fragment; a request that came in the fragment is answered here.
  useEffect(() => {
    if (!focusMissing || focus.from !== 'message') return;
    const timer = setTimeout(() => {
      const link = failedViewLink(document);
      const target = new URL(link?.href ?? location.href);
      target.hash = `${FIX_HASH_KEY}=${encodeURIComponent(focus.payoutId)}`;
      // Only the fragment differs: that alone would not load the page again.
      if (target.href.split('#')[0] === location.href.split('#')[0]) {
        history.replaceState(history.state, '', target.href);
        location.reload();
      } else location.assign(target.href);
    }, RELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [focusMissing, focus]);
  const missingWatch = focusMissing ? store.forPaymentRecord({ payoutId: focus.payoutId, recordId: null, disbursementNumber: '', invoiceNumber: '', beneficiary: '' }) : undefined;
  return (
    <>
      {notices
        ? createPortal(
            <>
              <PendingFixes />
              {focusMissing ? (
                <p className="banner" role="alert">
                  {missingWatch ? `Invoice ${missingWatch.invoiceNumber}` : 'The payment record'} asked for is not in this view of Failed to Export: it may be exported already, or further down the list.
                </p>
              ) : null}
            </>,
            notices,
          )
        : null}
      {records.map((record) => {
        const watch = watchOf(record.data);
        if (!watch) return null;
        const request = focus?.payoutId === watch.payoutId ? focus.request : null;
        return createPortal(<FailedExportHelp watch={watch} row={record.data} readRow={() => readRow(record.key)} focusRequest={request} />, record.host, record.key);
      })}
    </>
  );
}
