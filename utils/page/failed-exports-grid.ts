import type { GridRow, GridSpec } from './grid-reader';
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
  required: ['invoiceNo', 'disbursementNo', 'checkNumber', 'bankId', 'errors'],
} satisfies GridSpec<Column>;

export interface FailedExportData {
  invoiceNumber: string;
  disbursementNumber: string;
  checkNumberInput: HTMLInputElement | null;
  bankIdInput: HTMLInputElement | null;
  exportButton: HTMLButtonElement | null;
}

const inputIn = (cell: Element | undefined) => cell?.querySelector('input') ?? null;

function exportButtonIn(parts: Element[]): HTMLButtonElement | null {
  for (const part of parts) {
    for (const button of part.querySelectorAll('button')) {
      if ((button.textContent ?? '').trim() === 'Export') return button;
    }
  }
  return null;
}

/** The key of a payment record on ERP Integrations: its disbursement and invoice numbers. */
export const failedExportKey = (disbursementNumber: string, invoiceNumber: string) => `${disbursementNumber} ${invoiceNumber}`;

/**
 * ERP Integrations, Failed to Export: one record per payment record, drawn under its red error.
 * Inside AG Grid's own cell value where there is one: an auto-height row measures the wrapper
 * around it, so the row grows to show the help instead of clipping it.
 */
export function readFailedExportRows(doc: ParentNode) {
  return readRecords(doc, spec, (row: GridRow<Column>) => {
    const cell = row.cells.errors;
    const anchor = cell?.querySelector('.ag-cell-value') ?? cell;
    const { invoiceNo: invoiceNumber, disbursementNo: disbursementNumber } = row.text;
    if (!anchor || !invoiceNumber || !disbursementNumber) return null;
    const data: FailedExportData = {
      invoiceNumber,
      disbursementNumber,
      checkNumberInput: inputIn(row.cells.checkNumber),
      bankIdInput: inputIn(row.cells.bankId),
      exportButton: exportButtonIn(row.parts),
    };
    return { key: failedExportKey(disbursementNumber, invoiceNumber), rowIndex: row.rowIndex, anchor, parts: row.parts, data };
  });
}
