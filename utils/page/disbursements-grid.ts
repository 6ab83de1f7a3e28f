import type { GridRow, GridSpec } from './grid-reader';
import { isFundingComplete, LABELS } from './labels';
import { readRecords } from './record-reader';

const spec = {
  columns: { number: LABELS.disbursementNo, drawdownStatus: LABELS.drawdownStatus },
  required: ['number', 'drawdownStatus'],
} satisfies GridSpec<'number' | 'drawdownStatus'>;

export interface DisbursementRowData {
  disbursementNumber: string;
  drawdownStatus: string;
  fundingComplete: boolean;
}

/** The Disbursements tab: one record per disbursement, drawn beside its Drawdown Status. */
export function readDisbursementRows(doc: ParentNode) {
  return readRecords(doc, spec, (row: GridRow<'number' | 'drawdownStatus'>) => {
    const anchor = row.cells.drawdownStatus;
    const disbursementNumber = row.text.number;
    if (!anchor || !disbursementNumber) return null;
    const drawdownStatus = row.text.drawdownStatus;
    const data: DisbursementRowData = { disbursementNumber, drawdownStatus, fundingComplete: isFundingComplete(drawdownStatus) };
    return { key: disbursementNumber, rowIndex: row.rowIndex, anchor, parts: row.parts, data };
  });
}
