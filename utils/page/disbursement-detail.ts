import { readPayableInvoiceRows, type PayableInvoiceData } from './payable-invoices-grid';
import { readPayoutRows } from './payments-card-grid';
import type { RecordRead } from './record-reader';

/**
 * A draft disbursement's Included Invoices card (still checkable before **Authorize**). Once
 * authorized, the page shows its Payments card instead, which has an "Invoice No." column too:
 * that page is not a draft, whatever else it shows.
 */
export function readIncludedInvoices(doc: ParentNode): RecordRead<PayableInvoiceData> {
  if (readPayoutRows(doc).ok) return { ok: false, missing: ['a draft (the Payments card shows: it is authorized)'] };
  const invoices = readPayableInvoiceRows(doc);
  return invoices.ok ? invoices : { ok: false, missing: [`the Included Invoices card's ${invoices.missing.join(', ')}`] };
}
