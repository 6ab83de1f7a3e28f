import { isPositiveInteger } from './positive-integer';
import { SimHttpError } from './sim-error';
import type { SimStore } from './store';
import type { SimContractPayment, SimDisbursement, SimPayout } from './store-records';

// The Payments tool's disbursement life: Draft → Funding Requested (authorized: check numbers
// taken, invoices' ERP status fixed) → Funding Complete (exports start) → payouts.

export interface DisbursementItem {
  invoiceId: number;
  /** Cents; omitted means the invoice's whole amount due. Less than due is a partial payment. */
  amount?: number;
  partialPaymentReason?: string;
}

export interface CreateDisbursementInput {
  name: string;
  fundingAccountId: string;
  items: DisbursementItem[];
  userId: number;
}

export interface AuthorizeOptions {
  at?: number;
  /** When funding completes: a time, null to wait for an explicit completeFunding. Default: soon. */
  fundAt?: number | null;
  /** Check number of the first payout, instead of the funding account's next one (tests). */
  firstCheckNumber?: number;
}

/** Procore's limit: "A single disbursement can handle up to 100 subcontractor invoice payments." */
export const MAX_INVOICES_PER_DISBURSEMENT = 100;
const FUNDING_DELAY_FRACTION = 0.05;
const PAYOUT_INITIATED_FRACTION = 0.5;
const PAYOUT_COMPLETED_FRACTION = 1.5;

export function createDisbursement(store: SimStore, companyId: number, input: CreateDisbursementInput, at = store.now()): SimDisbursement {
  store.requireCompany(companyId);
  const account = store.fundingAccount(companyId, input.fundingAccountId);
  if (!account) throw new SimHttpError(422, { funding_account_id: ['is not a funding account of this company'] });
  if (account.deactivated) throw new SimHttpError(422, { funding_account_id: ['is deactivated'] });
  if (!input.name.trim()) throw new SimHttpError(422, { name: ["can't be blank"] });
  if (input.items.length === 0) throw new SimHttpError(422, { invoices: ['choose at least one invoice'] });
  if (input.items.length > MAX_INVOICES_PER_DISBURSEMENT) {
    throw new SimHttpError(422, { invoices: [`A single disbursement can handle up to ${MAX_INVOICES_PER_DISBURSEMENT} subcontractor invoice payments.`] });
  }
  const seen = new Set<number>();
  const lines = input.items.map((item) => {
    const invoice = store.invoice(item.invoiceId);
    if (!invoice || invoice.companyId !== companyId) throw new SimHttpError(422, { invoices: [`invoice ${item.invoiceId} is not an invoice of this company`] });
    if (seen.has(invoice.id)) throw new SimHttpError(422, { invoices: [`invoice ${invoice.invoiceNumber} is listed twice`] });
    seen.add(invoice.id);
    const due = store.invoiceDue(invoice);
    if (due <= 0) throw new SimHttpError(422, { invoices: [`invoice ${invoice.invoiceNumber} has nothing left to pay`] });
    const amount = item.amount ?? due;
    if (!isPositiveInteger(amount)) throw new SimHttpError(422, { amount: ['Invoice payments must be a positive amount.'] });
    if (amount > due) throw new SimHttpError(422, { amount: [`must be less than or equal to the Amount Due (${due} cents) of ${invoice.invoiceNumber}`] });
    return { invoice, amount, due, reason: item.partialPaymentReason };
  });
  const disbursement: SimDisbursement = {
    id: store.uuid(),
    companyId,
    identifier: ++store.state.counters.disbursementNumber,
    name: input.name.trim(),
    fundingAccountId: account.id,
    status: 'FUNDING_NOT_INITIATED',
    statusMessage: null,
    createdByUserId: input.userId,
    createdAt: at,
    updatedAt: at,
    authorizedOn: null,
    fundingCompletedAt: null,
    payoutIds: [],
  };
  for (const line of lines) {
    const partial = line.amount < line.due;
    const payout: SimPayout = {
      id: store.uuid(),
      companyId,
      disbursementId: disbursement.id,
      invoiceId: line.invoice.id,
      amount: line.amount,
      createdAt: at,
      updatedAt: at,
      status: 'NOT_INITIATED',
      statusMessage: null,
      bankId: account.bankId,
      checkNumber: null,
      partialPayment: partial,
      partialPaymentReason: partial ? (line.reason ?? 'Partial payment') : null,
      dueAmount: line.due,
      invoiceErpStatusAtInitiation: null,
      contractPaymentId: null,
    };
    store.state.payouts.set(payout.id, payout);
    disbursement.payoutIds.push(payout.id);
  }
  store.state.disbursements.set(disbursement.id, disbursement);
  return disbursement;
}

/** Authorizing initiates the payments: check numbers are taken and the invoices' ERP status is fixed. */
export function authorizeDisbursement(store: SimStore, companyId: number, id: string, options: AuthorizeOptions = {}): SimDisbursement {
  const at = options.at ?? store.now();
  const disbursement = store.requireDisbursement(companyId, id);
  if (disbursement.status !== 'FUNDING_NOT_INITIATED') throw new SimHttpError(409, 'Only a Draft disbursement can be authorized');
  const account = store.state.fundingAccounts.get(disbursement.fundingAccountId);
  if (!account || account.deactivated) throw new SimHttpError(422, { funding_account_id: ['is deactivated'] });
  const payouts = store.payoutsOf(disbursement);
  for (const payout of payouts) {
    const invoice = store.invoice(payout.invoiceId);
    if (invoice && payout.amount > store.invoiceDue(invoice)) {
      throw new SimHttpError(422, { amount: [`${invoice.invoiceNumber}: the payment is more than the Amount Due`] });
    }
  }
  if (options.firstCheckNumber !== undefined) account.nextCheckNumber = options.firstCheckNumber;
  for (const payout of payouts) {
    const invoice = store.invoice(payout.invoiceId);
    payout.bankId = account.bankId;
    payout.checkNumber = account.nextCheckNumber++;
    payout.invoiceErpStatusAtInitiation = invoice?.erpStatus ?? null;
    payout.updatedAt = at;
    if (invoice) {
      invoice.paidAmount += payout.amount;
      invoice.updatedAt = at;
    }
  }
  disbursement.status = 'FUNDING_REQUESTED';
  disbursement.authorizedOn = at;
  disbursement.updatedAt = at;
  const fundAt = options.fundAt === undefined ? at + Math.round(FUNDING_DELAY_FRACTION * store.windowMs) : options.fundAt;
  if (fundAt !== null) {
    store.runAt(fundAt, (when) => {
      if (disbursement.status === 'FUNDING_REQUESTED') store.completeFunding(companyId, id, when);
    });
  }
  return disbursement;
}

/**
 * Funding Complete: Procore records a contract payment for each payout on its commitment and,
 * with payment sync on, starts exporting it to the ERP. A Draft is authorized first (the
 * sandbox's shortcut for tests).
 */
export function completeFunding(store: SimStore, companyId: number, id: string, at = store.now()): SimDisbursement {
  const disbursement = store.requireDisbursement(companyId, id);
  if (disbursement.status === 'FUNDING_NOT_INITIATED') store.authorizeDisbursement(companyId, id, { at, fundAt: null });
  if (disbursement.status !== 'FUNDING_REQUESTED') throw new SimHttpError(409, 'Funding is not requested for this disbursement');
  disbursement.status = 'FUNDING_COMPLETED_AWAITING_PAYOUTS';
  disbursement.fundingCompletedAt = at;
  disbursement.updatedAt = at;
  const payouts = store.payoutsOf(disbursement);
  const company = store.requireCompany(companyId);
  for (const payout of payouts) {
    payout.status = 'REQUESTED';
    payout.updatedAt = at;
    const record = recordContractPayment(store, payout, disbursement, at);
    if (company.erp.paymentSyncEnabled) store.erp.startExport(record, at);
  }
  store.runAt(at + Math.round(PAYOUT_INITIATED_FRACTION * store.windowMs), (when) => {
    disbursement.status = 'PAYOUT_INITIATED';
    disbursement.updatedAt = when;
  });
  store.runAt(at + Math.round(PAYOUT_COMPLETED_FRACTION * store.windowMs), (when) => {
    disbursement.status = 'PAYOUT_COMPLETED';
    disbursement.updatedAt = when;
    for (const payout of payouts) {
      payout.status = 'COMPLETED';
      payout.updatedAt = when;
      const record = payout.contractPaymentId ? store.contractPayment(payout.contractPaymentId) : undefined;
      if (record) {
        record.settledAt = when;
        record.updatedAt = Math.max(record.updatedAt, when);
      }
      const invoice = store.invoice(payout.invoiceId);
      if (!invoice) continue;
      invoice.paymentDate = new Date(when).toISOString().slice(0, 10);
      if (store.invoiceDue(invoice) <= 0) invoice.status = 'paid';
      invoice.updatedAt = when;
    }
  });
  return disbursement;
}

/** The contract payment Procore writes on the payout's commitment, as the ERP will receive it. */
function recordContractPayment(store: SimStore, payout: SimPayout, disbursement: SimDisbursement, at: number): SimContractPayment {
  const company = store.requireCompany(payout.companyId);
  const invoice = store.invoice(payout.invoiceId);
  const contract = invoice ? store.contract(invoice.contractId) : undefined;
  const id = String(company.nextContractPaymentId++);
  const record: SimContractPayment = {
    id,
    companyId: company.id,
    projectId: invoice?.projectId ?? 0,
    contractId: contract?.id ?? 0,
    payoutId: payout.id,
    invoiceId: payout.invoiceId,
    amount: payout.amount,
    checkNumber: payout.checkNumber,
    bankId: payout.bankId,
    paymentNumber: `${disbursement.identifier}-${disbursement.payoutIds.indexOf(payout.id) + 1}`,
    date: at,
    initiatedAt: disbursement.authorizedOn,
    settledAt: null,
    originId: null,
    createdAt: at,
    updatedAt: at,
  };
  store.state.contractPayments.set(id, record);
  payout.contractPaymentId = id;
  return record;
}
