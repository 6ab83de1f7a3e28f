import type { GridRow, GridSpec } from './grid-reader';
import { invoiceLinkIds } from './invoice-link';
import { LABELS } from './labels';
import { parseCents } from './money';
import { readRecords } from './record-reader';
import { rowRecordId } from './row-record-id';

type Column = 'invoice' | 'beneficiary' | 'paymentAmount' | 'amountDue';
const spec = {
  columns: {
    invoice: LABELS.invoiceNo,
    beneficiary: LABELS.beneficiary,
    paymentAmount: LABELS.paymentAmount,
    amountDue: LABELS.amountDue,
  },
  required: ['invoice'],
} satisfies GridSpec<Column>;

export interface PayableInvoiceData {
  invoiceId: string;
  projectId?: string;
  invoiceNumber: string;
  paymentAmountCents?: number;
  amountDueCents?: number;
  selected: boolean;
}

function isSelected(parts: Element[]): boolean {
  return parts.some(
    (part) =>
      part.getAttribute('aria-selected') === 'true' ||
      part.classList.contains('ag-row-selected') ||
      part.querySelector('input[type="checkbox"]:checked') !== null,
  );
}

/**
 * Invoices being chosen for payment: the Subcontractor Invoices tab ("Invoice #") and a draft
 * disbursement's Included Invoices card ("Invoice No."). The invoice's id comes from its link,
 * else from the row's record id.
 */
export function readPayableInvoiceRows(doc: ParentNode) {
  return readRecords(doc, spec, (row: GridRow<Column>) => {
    const anchor = row.cells.invoice;
    const fromRow = rowRecordId(row.parts);
    const ids = invoiceLinkIds(anchor) ?? (fromRow ? { invoiceId: fromRow } : null);
    if (!anchor || !ids || !row.text.invoice) return null;
    const paymentAmountCents = parseCents(row.text.paymentAmount) ?? undefined;
    const amountDueCents = parseCents(row.text.amountDue) ?? undefined;
    const data: PayableInvoiceData = {
      ...ids,
      invoiceNumber: row.text.invoice,
      ...(paymentAmountCents !== undefined ? { paymentAmountCents } : {}),
      ...(amountDueCents !== undefined ? { amountDueCents } : {}),
      selected: isSelected(row.parts),
    };
    return { key: ids.invoiceId, rowIndex: row.rowIndex, anchor, parts: row.parts, data };
  });
}
