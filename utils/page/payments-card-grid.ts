import type { GridRow, GridSpec } from './grid-reader';
import { LABELS } from './labels';
import { readRecords } from './record-reader';

type Column = 'invoiceNo' | 'paymentStatus' | 'beneficiary' | 'checkNo';
const spec = {
  columns: { invoiceNo: LABELS.invoiceNo, paymentStatus: LABELS.paymentStatus, beneficiary: LABELS.beneficiary, checkNo: LABELS.checkNo },
  required: ['invoiceNo', 'paymentStatus'],
} satisfies GridSpec<Column>;

export interface PayoutRowData {
  invoiceNumber: string;
  paymentStatus: string;
}

/** An authorized disbursement's Payments card: one record per payout, keyed by its Invoice No. */
export function readPayoutRows(doc: ParentNode) {
  return readRecords(doc, spec, (row: GridRow<Column>) => {
    const anchor = row.cells.paymentStatus;
    const invoiceNumber = row.text.invoiceNo;
    if (!anchor || !invoiceNumber) return null;
    const data: PayoutRowData = { invoiceNumber, paymentStatus: row.text.paymentStatus };
    return { key: invoiceNumber, rowIndex: row.rowIndex, anchor, parts: row.parts, data };
  });
}
