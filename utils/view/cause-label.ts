import type { Cause } from '../domain/cause';

/** Short names of the diagnosed causes, as filters and table headings show them. */
export const CAUSE_LABELS: Record<Cause, string> = {
  DUPLICATE_CHECK_NUMBER: 'Check number already used',
  INVALID_BANK_ID: 'Wrong Bank ID',
  INVOICE_NOT_SYNCED: 'Invoice not synced',
  VENDOR_NOT_SYNCED: 'Beneficiary not in ERP',
  AMOUNT_REJECTED: 'Amount refused',
  TAX_OR_MARKUP_UNSUPPORTED: 'Tax or markup',
  PERIOD_CLOSED: 'Period closed',
  TRANSIENT: 'ERP did not respond',
  UNKNOWN: 'Unknown cause',
};
