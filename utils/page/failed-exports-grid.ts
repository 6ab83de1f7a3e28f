import { findGridRoots, readGrid, type GridRead, type GridRow, type GridSpec } from './grid-reader';
import { readHtmlTable } from './html-table-reader';
import { LABELS } from './labels';
import { readRecords } from './record-reader';

type Column = 'invoiceNo' | 'disbursementNo' | 'checkNumber' | 'bankId' | 'errors' | 'beneficiary';
const spec = {
  columns: {
    invoiceNo: LABELS.invoiceNo,
    disbursementNo: LABELS.disbursementNo,
    checkNumber: LABELS.checkNumber,
    bankId: LABELS.bankId,
    errors: LABELS.errors,
    beneficiary: LABELS.beneficiary,
  },
  // The payment records tab need not show the disbursement: the row's own ids say which record it is.
  required: ['invoiceNo', 'checkNumber', 'bankId', 'errors'],
} satisfies GridSpec<Column>;

export interface FailedExportData {
  invoiceNumber: string;
  /** '' when the table has no Disbursement No. column. */
  disbursementNumber: string;
  /** The row's own record id (AG Grid's `row-id`, a table row's `data-id`): the contract payment. */
  recordId: string | null;
  /** The payout the row says it exports (`data-external-payment-id`), where the page tells it. */
  payoutId: string | null;
  beneficiary: string;
  /** The Errors cell's words (Procore's red message, or its answer to an Export pressed in place). */
  errorsText: string;
  checkNumberInput: HTMLInputElement | null;
  bankIdInput: HTMLInputElement | null;
  exportButton: HTMLButtonElement | null;
}

const inputIn = (cell: Element | undefined) => cell?.querySelector('input') ?? null;

/** Procore's own Export of the row: a button whose words are Export (never one of ours: those live in shadow roots). */
function exportButtonIn(parts: Element[]): HTMLButtonElement | null {
  for (const part of parts) {
    for (const button of part.querySelectorAll('button')) {
      if ((button.textContent ?? '').trim() === 'Export') return button;
    }
  }
  return null;
}

const attributeOf = (parts: Element[], name: string) => parts.map((part) => part.getAttribute(name)).find((value) => !!value) ?? null;

/** The key of a payment record on ERP Integrations: its own id where the row has one, else its numbers. */
export const failedExportKey = (data: Pick<FailedExportData, 'recordId' | 'disbursementNumber' | 'invoiceNumber'>) =>
  data.recordId ? `record ${data.recordId}` : `${data.disbursementNumber} ${data.invoiceNumber}`;

/** The single-page app's AG Grid, else the server-rendered tab's plain table. */
function readGridOrTable<K extends string>(doc: ParentNode, gridSpec: GridSpec<K>): GridRead<K> {
  // Where the page has an AG Grid, what it lacks is the answer; else what the plain table lacks.
  return findGridRoots(doc).length > 0 ? readGrid(doc, gridSpec) : readHtmlTable(doc, gridSpec);
}

/**
 * ERP Integrations, Failed to Export: one record per payment record, drawn under its red error.
 * Inside AG Grid's own cell value where there is one: an auto-height row measures the wrapper
 * around it, so the row grows to show the help instead of clipping it.
 */
export function readFailedExportRows(doc: ParentNode) {
  return readRecords(
    doc,
    spec,
    (row: GridRow<Column>) => {
      const cell = row.cells.errors;
      const anchor = cell?.querySelector('.ag-cell-value') ?? cell;
      const { invoiceNo: invoiceNumber, disbursementNo: disbursementNumber, beneficiary } = row.text;
      if (!anchor || !invoiceNumber) return null;
      const data: FailedExportData = {
        invoiceNumber,
        disbursementNumber,
        recordId: attributeOf(row.parts, 'row-id') ?? attributeOf(row.parts, 'data-id'),
        payoutId: attributeOf(row.parts, 'data-external-payment-id'),
        beneficiary,
        errorsText: row.text.errors,
        checkNumberInput: inputIn(row.cells.checkNumber),
        bankIdInput: inputIn(row.cells.bankId),
        exportButton: exportButtonIn(row.parts),
      };
      return { key: failedExportKey(data), rowIndex: row.rowIndex, anchor, parts: row.parts, data };
    },
    readGridOrTable,
  );
}
