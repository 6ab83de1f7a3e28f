import { DisbursementSchema, PayoutSchema, payoutsOf, type Disbursement } from '../../domain/schemas/disbursement';
import { validateRecords, type SchemaProblem } from '../../procore/record-validation';

/** Disbursements from a learned GET, record by record: one Procore sent malformed is skipped and said (status line). */
export function parseDisbursements(problems: SchemaProblem[], records: readonly unknown[], source: string): Disbursement[] {
  return validateRecords(DisbursementSchema, records, source, problems);
}

/** A payout with no id or amount cannot be watched: it is said instead of dropped unseen. */
export function reportBadPayouts(problems: SchemaProblem[], disbursement: Disbursement): void {
  if (disbursement.payouts && payoutsOf(disbursement).length < disbursement.payouts.length) {
    validateRecords(PayoutSchema, disbursement.payouts, `payouts of disbursement ${disbursement.disbursementIdentifier ?? disbursement.id}`, problems);
  }
}
