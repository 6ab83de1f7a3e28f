import { CONNECTOR_PROFILES } from './connector-profiles';
import { ERP_MESSAGES } from './erp-messages';
import { firstBrokenRule } from './erp-rules';
import { keyedRandom } from './prng';
import type { SimScheduler } from './sim-scheduler';
import type { SimState } from './sim-state';
import type { SimContractPayment, SimErpBankAccount, SimPayout, SimRequestDetail } from './store-records';
import type { ErpFailureCause } from './vocabulary';

export interface ErpSimulatorOptions {
  seed: number;
  windowMs: number;
  now: () => number;
  scheduler: SimScheduler;
}

/** Share of first exports that take longer than the window (the real tail). */
const TAIL_SHARE = 0.12;

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The ERP behind each company's connector: takes payment records as Procore sends them, and
 * after a delay accepts or rejects each one by the rules of erp-rules.ts, in its own words.
 */
export class ErpSimulator {
  constructor(
    private readonly state: SimState,
    private readonly options: ErpSimulatorOptions,
  ) {}

  /** Delay of an export, as a fraction of the window: fixed by seed, payout and attempt. */
  delayFraction(payout: SimPayout, attempt: number): number {
    if (attempt === 1 && payout.exportDelayFraction !== undefined) return payout.exportDelayFraction;
    const r = keyedRandom(this.options.seed, `delay:${payout.id}:${attempt}`);
    if (attempt > 1) return 0.02 + r * 0.13;
    const tail = keyedRandom(this.options.seed, `tail:${payout.id}`) < TAIL_SHARE;
    return tail ? 1.05 + r * 0.5 : 0.05 + r * 0.65;
  }

  /** Procore sends the payment record at `at`; its request detail is in progress until the ERP answers. */
  startExport(record: SimContractPayment, at: number): SimRequestDetail {
    const { counters, requestDetails, requestDetailsByItem, payouts } = this.state;
    const history = requestDetailsByItem.get(record.id) ?? [];
    const detail: SimRequestDetail = {
      id: ++counters.requestDetail,
      companyId: record.companyId,
      contractPaymentId: record.id,
      payoutId: record.payoutId ?? '',
      requestName: 'create_contract_payment',
      status: 'in_progress',
      messages: [],
      createdAt: at,
      updatedAt: at,
    };
    requestDetails.set(detail.id, detail);
    requestDetailsByItem.set(record.id, [...history, detail]);
    const payout = record.payoutId === null ? undefined : payouts.get(record.payoutId);
    const fraction = payout ? this.delayFraction(payout, history.length + 1) : 0;
    const answerAt = at + Math.round(fraction * this.options.windowMs);
    if (answerAt <= this.options.now()) this.answer(detail, answerAt);
    // A late timer records the real moment, so an incremental poll cannot have passed it already.
    else this.options.scheduler.at(answerAt, () => this.answer(detail, Math.max(answerAt, this.options.now())), this.options.now());
    return detail;
  }

  bankAccount(companyId: number, bankId: string): SimErpBankAccount | undefined {
    return this.state.erpBankAccounts.find((b) => b.companyId === companyId && b.bankId === bankId);
  }

  /** The ERP issues its own next check on every account that has a register (the register grows). */
  issueOwnChecks(): void {
    for (const bank of this.state.erpBankAccounts) {
      if (!bank.active || bank.sequenceLast === null) continue;
      // Like a check printer's sequence, it passes over numbers already on the register.
      do bank.sequenceLast += 1;
      while (bank.importedChecks.has(bank.sequenceLast) || bank.ownChecks.has(bank.sequenceLast));
      bank.ownChecks.add(bank.sequenceLast);
      this.importBillPayment(bank, bank.sequenceLast, this.options.now());
    }
  }

  /**
   * A check the ERP wrote itself reaches Procore as a bill payment the connector imports (the
   * commitment's Payments Issued): a contract payment with the ERP's origin id, no payout, its
   * check number, and the ERP's bank account as its origin code. It lands on the company's first
   * commitment (with an invoice), so records made for a test are never touched.
   */
  importBillPayment(bank: SimErpBankAccount, checkNumber: number, at: number): void {
    const company = this.state.companies.get(bank.companyId);
    const contract = [...this.state.contracts.values()].find((c) => c.companyId === bank.companyId);
    const invoice = contract && [...this.state.invoices.values()].find((i) => i.contractId === contract.id);
    if (!company || !contract || !invoice) return;
    const id = String(company.nextContractPaymentId++);
    this.state.contractPayments.set(id, {
      id,
      companyId: company.id,
      projectId: contract.projectId,
      contractId: contract.id,
      payoutId: null,
      invoiceId: invoice.id,
      amount: 10_000 + Math.floor(keyedRandom(this.options.seed, `erp-check:${bank.companyId}:${bank.bankId}:${checkNumber}`) * 500_000),
      checkNumber,
      bankId: bank.bankId,
      paymentNumber: `ERP-${checkNumber}`,
      date: at,
      initiatedAt: null,
      settledAt: at,
      originId: `${bank.bankId}-CHK-${checkNumber}`,
      createdAt: at,
      updatedAt: at,
    });
  }

  private answer(detail: SimRequestDetail, at: number): void {
    if (detail.status !== 'in_progress') return;
    const record = this.state.contractPayments.get(detail.contractPaymentId);
    const payout = this.state.payouts.get(detail.payoutId);
    const company = this.state.companies.get(detail.companyId);
    if (!record || !payout || !company) return;
    detail.updatedAt = at;
    const fault = this.takeFault(company.id);
    if (!company.erp.connectorOnline || fault === 'stale') {
      detail.status = 'stale';
      return;
    }
    const cause: ErpFailureCause | null = fault === 'transient' ? 'TRANSIENT' : this.evaluate(record, payout, at);
    if (cause) {
      detail.status = 'failed';
      detail.messages = [ERP_MESSAGES[company.erp.connector][cause](this.messageFacts(record, payout, at))];
      return;
    }
    const checkNumber = record.checkNumber ?? 0;
    const created = this.state.ledger.create({
      companyId: company.id,
      payoutId: payout.id,
      contractPaymentId: record.id,
      invoiceId: payout.invoiceId,
      bankId: record.bankId,
      checkNumber,
      amount: record.amount,
      requestDetailId: detail.id,
      createdAt: new Date(at).toISOString(),
    });
    this.bankAccount(company.id, record.bankId)?.importedChecks.add(checkNumber);
    record.originId ??= created.id;
    record.updatedAt = at;
    detail.status = 'success';
  }

  private evaluate(record: SimContractPayment, payout: SimPayout, at: number): ErpFailureCause | null {
    const company = this.state.companies.get(payout.companyId);
    const invoice = this.state.invoices.get(payout.invoiceId);
    const vendor = invoice && this.state.vendors.get(invoice.vendorId);
    if (!company || !invoice || !vendor) return 'INVOICE_NOT_SYNCED';
    const bank = this.bankAccount(company.id, record.bankId);
    const check = record.checkNumber;
    const net = invoice.grossAmount - invoice.retainage;
    return firstBrokenRule({
      invoiceErpStatusAtInitiation: payout.invoiceErpStatusAtInitiation,
      vendorSynced: vendor.erpSynced,
      bankKnown: bank !== undefined && bank.active,
      checkNumberUsed: check === null || (bank !== undefined && (bank.ownChecks.has(check) || bank.importedChecks.has(check))),
      partialPayment: payout.partialPayment,
      connectorAcceptsPartials: CONNECTOR_PROFILES[company.erp.connector].supportsPartialPayments,
      amount: record.amount,
      erpOpenBalance: net - invoice.paidAmountOutsideProcorePay - this.state.ledger.paidOnInvoice(invoice.id),
      hasTaxOrMarkup: invoice.taxAmount > 0 || invoice.markup,
      paymentDate: this.paymentDate(payout, at),
      closedThrough: company.erp.closedThrough,
    });
  }

  private paymentDate(payout: SimPayout, at: number): string {
    const disbursement = this.state.disbursements.get(payout.disbursementId);
    return isoDay(disbursement?.fundingCompletedAt ?? at);
  }

  private messageFacts(record: SimContractPayment, payout: SimPayout, at: number) {
    const invoice = this.state.invoices.get(payout.invoiceId);
    const vendor = invoice && this.state.vendors.get(invoice.vendorId);
    const company = this.state.companies.get(payout.companyId);
    return {
      bankId: record.bankId,
      checkNumber: record.checkNumber,
      invoiceNumber: invoice?.invoiceNumber ?? String(payout.invoiceId),
      invoiceId: payout.invoiceId,
      vendorId: String(vendor?.id ?? ''),
      vendorName: vendor?.name ?? '',
      amount: record.amount,
      dueAmount: payout.dueAmount,
      paymentDate: this.paymentDate(payout, at),
      companyName: company?.name ?? '',
      txnId: 300 + Math.floor(keyedRandom(this.options.seed, `txn:${payout.id}`) * 9000),
    };
  }

  private takeFault(companyId: number): 'transient' | 'stale' | null {
    const fault = this.state.erpFaults.find((f) => f.remaining > 0 && (f.companyId === null || f.companyId === companyId));
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.kind;
  }
}
