export const CAUSES = [
  'DUPLICATE_CHECK_NUMBER',
  'INVALID_BANK_ID',
  'INVOICE_NOT_SYNCED',
  'VENDOR_NOT_SYNCED',
  'AMOUNT_REJECTED',
  'TAX_OR_MARKUP_UNSUPPORTED',
  'PERIOD_CLOSED',
  'TRANSIENT',
  'UNKNOWN',
] as const;
export type Cause = (typeof CAUSES)[number];

/** What the classifier concludes about one failed export. */
export interface Diagnosis {
  cause: Cause;
  /** One sentence an accountant understands. */
  summary: string;
  /** What to do, in words; values to apply are in `suggested`. */
  fix?: string;
  /** Whether a corrective re-export can cure it. */
  retryable: boolean;
  /**
   * Values a fix applies. `nextCheckNumber`: the funding account's Next Check Number the same
   * confirmed fix sets, so Procore Pay never issues the suggested check number itself.
   */
  suggested?: { checkNumber?: number; bankId?: string; nextCheckNumber?: number };
  /** Made while the funding account could not be read (so no suggested check number): made again once it can. */
  withoutFundingAccount?: boolean;
}
