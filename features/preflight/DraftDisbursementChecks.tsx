import { createPortal } from 'react-dom';
import { findAuthorizeButton } from '../../utils/page/authorize-button';
import { readIncludedInvoices } from '../../utils/page/disbursement-detail';
import { toCheck } from '../../utils/overlay/preflight-cache';
import { useOverlay } from '../../components/overlay/overlay-context';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useWatchStore } from '../../components/overlay/use-watches';
import { AuthorizeChecklist } from './AuthorizeChecklist';
import { PreflightMark } from './PreflightMark';
import { useAdjacentHost } from '../../components/overlay/use-adjacent-host';
import { usePreflight } from './use-preflight';

/** A draft "Disbursement #" page: each included invoice's mark, and the checks beside Authorize. */
export function DraftDisbursementChecks() {
  const { companyId } = useOverlay();
  const store = useWatchStore();
  const { records } = useGridRecords(readIncludedInvoices, 'mark', "The disbursement's Included Invoices card");
  const invoices = records.map((r) => r.data);
  const preflight = usePreflight(invoices.map(toCheck));
  // Looked up on each change of the rows: the button renders with the draft's cards.
  const authorize = invoices.length > 0 ? findAuthorizeButton(document) : null;
  const checklistHost = useAdjacentHost(authorize, 'checklist', 'after');
  return (
    <>
      {records.map((record) =>
        createPortal(
          <PreflightMark invoiceNumber={record.data.invoiceNumber} issues={preflight.issuesFor(toCheck(record.data)) ?? []} />,
          record.host,
          record.key,
        ),
      )}
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
