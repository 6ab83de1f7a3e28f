import { createPortal } from 'react-dom';
import { readPayableInvoiceRows, type PayableInvoiceData } from '../../utils/page/payable-invoices-grid';
import { toCheck } from '../../utils/overlay/preflight-cache';
import { selectionSummary } from '../../utils/overlay/preflight-text';
import { useOverlay } from '../../components/overlay/overlay-context';
import { useAdjacentHost } from '../../components/overlay/use-adjacent-host';
import { PreflightBanner } from './PreflightBanner';
import { PreflightMark } from './PreflightMark';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { usePreflight } from './use-preflight';
import { useWatchStore } from '../../components/overlay/use-watches';

/** Subcontractor Invoices tab: pre-flight marks on each invoice and a banner over the selection. */
export function InvoicesOverlay() {
  const { companyId } = useOverlay();
  const store = useWatchStore();
  const { records, root } = useGridRecords(readPayableInvoiceRows, 'mark', 'The Subcontractor Invoices table', undefined, {
    expects: (record) => issuesOf(record.data).length > 0,
  });
  const preflight = usePreflight(records.map((r) => toCheck(r.data)));
  const issuesOf = (data: PayableInvoiceData) => preflight.issuesFor(toCheck(data)) ?? [];
  const banner = useAdjacentHost(root, 'banner', 'before');
  const erpName = store.erpName(companyId);
  const selected = records.filter((r) => r.data.selected);
  const summary = selectionSummary(
    selected.length,
    selected.map((r) => issuesOf(r.data)),
    erpName,
  );
  return (
    <>
      {records.map((record) =>
        createPortal(
          <PreflightMark invoiceNumber={record.data.invoiceNumber} issues={issuesOf(record.data)} />,
          record.host,
          record.key,
        ),
      )}
      {banner ? createPortal(<PreflightBanner summary={summary} error={preflight.error} />, banner) : null}
    </>
  );
}
