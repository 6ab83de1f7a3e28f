import { createPortal } from 'react-dom';
import { findAuthorizeButton } from '../../utils/page/authorize-button';
import { readDisbursementDetail, type DetailRowData } from '../../utils/page/disbursement-detail';
import type { RecordRow } from '../../utils/page/record-row';
import { toCheck } from '../../utils/overlay/preflight-cache';
import { AuthorizeChecklist } from '../../components/overlay/AuthorizeChecklist';
import { useOverlay } from '../../components/overlay/overlay-context';
import { useAdjacentHost } from '../../components/overlay/use-adjacent-host';
import { PayoutStatus } from '../../components/overlay/PayoutStatus';
import { PreflightMark } from '../../components/overlay/PreflightMark';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { usePreflight } from '../../components/overlay/use-preflight';
import { useWatchStore } from '../../components/overlay/use-watches';

// A payout's state leads its narrow Payment Status cell; an invoice's mark follows its number.
const placement = (record: RecordRow<DetailRowData>) => (record.data.card === 'payments' ? 'prepend' : 'append');

/** The "Disbursement #" page: per-payout sync states, or, on a draft, the checks before Authorize. */
export function DisbursementDetailOverlay({ disbursementId }: { disbursementId: string }) {
  const { companyId } = useOverlay();
  const store = useWatchStore();
  const { records } = useGridRecords(readDisbursementDetail, 'detail', "The disbursement's Payments or Included Invoices card", placement);
  const invoices = records.flatMap((r) => (r.data.card === 'included' ? [r.data.invoice] : []));
  const preflight = usePreflight(invoices.map(toCheck));
  const watches = store.forDisbursementId(disbursementId);
  // Looked up on each change of the rows: the button renders with the draft's cards.
  const authorize = invoices.length > 0 ? findAuthorizeButton(document) : null;
  const checklistHost = useAdjacentHost(authorize, 'checklist', 'after');

  return (
    <>
      {records.map((record) => {
        if (record.data.card === 'payments') {
          const number = record.data.payout.invoiceNumber;
          const watch = watches.find((w) => w.invoiceNumber === number);
          return watch ? createPortal(<PayoutStatus watch={watch} />, record.host, record.key) : null;
        }
        const invoice = record.data.invoice;
        const issues = preflight.issuesFor(toCheck(invoice)) ?? [];
        return createPortal(<PreflightMark invoiceNumber={invoice.invoiceNumber} issues={issues} />, record.host, record.key);
      })}
      {checklistHost
        ? createPortal(
            <AuthorizeChecklist
              invoices={invoices.map((i) => ({ invoiceNumber: i.invoiceNumber, issues: preflight.issuesFor(toCheck(i)) }))}
              erpName={store.erpName(companyId)}
              error={preflight.error}
            />,
            checklistHost,
          )
        : null}
    </>
  );
}
