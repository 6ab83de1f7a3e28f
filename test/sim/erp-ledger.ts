// The ERP's side: every payment record the simulated ERPs actually created. The invariant the
// product must keep is that no payout ever reaches the ERP twice; the ledger records every
// create, so a second one for a payout shows up as a violation instead of being hidden.

export interface LedgerRecord {
  id: string;
  companyId: number;
  payoutId: string;
  /** The contract payment exported (decimal id). */
  contractPaymentId: string;
  invoiceId: number;
  bankId: string;
  checkNumber: number;
  amount: number;
  requestDetailId: number;
  createdAt: string;
}

export interface LedgerViolation {
  payoutId: string;
  recordIds: string[];
  message: string;
  at: string;
}

export class ErpLedger {
  readonly records: LedgerRecord[] = [];
  readonly violations: LedgerViolation[] = [];
  private readonly byPayout = new Map<string, LedgerRecord[]>();
  private readonly paidByInvoice = new Map<number, number>();

  create(record: Omit<LedgerRecord, 'id'>): LedgerRecord {
    const created = { ...record, id: `txn_${this.records.length + 1}` };
    this.records.push(created);
    const forPayout = [...(this.byPayout.get(record.payoutId) ?? []), created];
    this.byPayout.set(record.payoutId, forPayout);
    this.paidByInvoice.set(record.invoiceId, (this.paidByInvoice.get(record.invoiceId) ?? 0) + record.amount);
    if (forPayout.length > 1) {
      this.violations.push({
        payoutId: record.payoutId,
        recordIds: forPayout.map((r) => r.id),
        message: `Payout ${record.payoutId} was created in the ERP ${forPayout.length} times`,
        at: record.createdAt,
      });
    }
    return created;
  }

  recordsFor(payoutId: string): readonly LedgerRecord[] {
    return this.byPayout.get(payoutId) ?? [];
  }

  /** Amount already applied in the ERP to an invoice's bill. */
  paidOnInvoice(invoiceId: number): number {
    return this.paidByInvoice.get(invoiceId) ?? 0;
  }
}
