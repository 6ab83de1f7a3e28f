import type { GridRow, GridSpec } from './grid-reader';
import { LABELS } from './labels';
import { readRecords } from './record-reader';
import { rowRecordId } from './row-record-id';

type Column = 'nickname' | 'bankId' | 'nextCheckNo';
const spec = {
  columns: { nickname: LABELS.nickname, bankId: LABELS.bankId, nextCheckNo: LABELS.nextCheckNo },
  required: ['bankId', 'nextCheckNo'],
} satisfies GridSpec<Column>;

export interface FundingAccountRowData {
  fundingAccountId: string;
  bankId: string;
  nickname: string;
  nextCheckNumber: number | null;
}

/** The account's id from the row's own links (its Edit link leads to `.../funding_accounts/{id}...`). */
function accountIdFromLinks(parts: Element[]): string | null {
  for (const part of parts) {
    for (const link of part.querySelectorAll('a[href]')) {
      const match = /\/funding_accounts\/([^/?#]+)/.exec(link.getAttribute('href') ?? '');
      if (match) return decodeURIComponent(match[1]!);
    }
  }
  return null;
}

/** Payments Settings, funding accounts: one record per account, drawn beside its Next Check No. */
export function readFundingAccountRows(doc: ParentNode) {
  return readRecords(doc, spec, (row: GridRow<Column>) => {
    const anchor = row.cells.nextCheckNo;
    const fundingAccountId = accountIdFromLinks(row.parts) ?? rowRecordId(row.parts);
    if (!anchor || !fundingAccountId || !row.text.bankId) return null;
    const digits = row.text.nextCheckNo.replace(/,/g, '');
    const data: FundingAccountRowData = {
      fundingAccountId,
      bankId: row.text.bankId,
      nickname: row.text.nickname,
      nextCheckNumber: /^\d+$/.test(digits) ? Number(digits) : null,
    };
    return { key: fundingAccountId, rowIndex: row.rowIndex, anchor, parts: row.parts, data };
  });
}
