import { readIncludedInvoices } from '../../utils/page/disbursement-detail';
import { readPayableInvoiceRows } from '../../utils/page/payable-invoices-grid';
import { defineFeature } from '../feature';
import { DraftDisbursementChecks } from './DraftDisbursementChecks';
import { InvoicesOverlay } from './InvoicesOverlay';

/**
 * Pre-flight: invoices being chosen for payment are checked before any money moves, on the
 * Subcontractor Invoices tab (marks and a banner over the selection) and on a draft
 * disbursement (marks and a checklist beside Authorize).
 */
export default defineFeature({
  id: 'preflight',
  include: (hint) => hint.tool === 'payments',
  reads: (doc, hint) => (hint.disbursementId !== null ? readIncludedInvoices(doc) : readPayableInvoiceRows(doc)),
  draw: ({ hint }) => (hint.disbursementId !== null ? <DraftDisbursementChecks /> : <InvoicesOverlay />),
});
