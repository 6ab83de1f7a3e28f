import { readPayableInvoiceRows, type PayableInvoiceData } from './payable-invoices-grid';
import { readPayoutRows, type PayoutRowData } from './payments-card-grid';
import type { RecordRead } from './record-reader';

export type DetailRowData = { card: 'payments'; payout: PayoutRowData } | { card: 'included'; invoice: PayableInvoiceData };

/**
 * A disbursement's page: after authorization its Payments card (one row per payout); before,
 * its Included Invoices card (the draft, still checkable before **Authorize**).
 */
export function readDisbursementDetail(doc: ParentNode): RecordRead<DetailRowData> {
  const payouts = readPayoutRows(doc);
  if (payouts.ok) {
    return { ...payouts, records: payouts.records.map((r) => ({ ...r, data: { card: 'payments', payout: r.data } })) };
  }
  const invoices = readPayableInvoiceRows(doc);
  if (invoices.ok) {
    return { ...invoices, records: invoices.records.map((r) => ({ ...r, data: { card: 'included', invoice: r.data } })) };
  }
  return { ok: false, missing: [`the Payments card's ${payouts.missing.join(', ')}`, `the Included Invoices card's ${invoices.missing.join(', ')}`] };
}
