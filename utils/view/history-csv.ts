import { toCsv } from '../csv';
import type { Watch } from '../domain/watch';
import { centsToDecimal } from './cents-to-decimal';

const HEADER = [
  'Payout ID', 'Company', 'Disbursement No.', 'Invoice No.', 'Beneficiary', 'Amount (USD)', 'Check No.',
  'Bank ID', 'ERP', 'State', 'Cause', 'Funding complete', 'Synced at', 'Sync time (s)', 'Re-export attempts',
];

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

/** The payment-record history as CSV, one line per watch. */
export function historyCsv(watches: readonly Watch[], companyNames: ReadonlyMap<string, string>): string {
  return toCsv(
    HEADER,
    watches.map((w) => [
      w.payoutId,
      companyNames.get(w.companyId) ?? w.companyId,
      w.disbursementNumber,
      w.invoiceNumber,
      w.beneficiaryName,
      centsToDecimal(w.amountCents),
      w.checkNumber,
      w.bankId,
      w.erpName,
      w.state,
      w.diagnosis?.cause ?? '',
      iso(w.fundingCompletedAt),
      iso(w.syncedAt),
      w.syncedAt !== null && w.fundingCompletedAt !== null ? Math.round((w.syncedAt - w.fundingCompletedAt) / 1000) : null,
      w.attempts.length,
    ]),
  );
}
