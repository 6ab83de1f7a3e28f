import type { ContractPayment } from './schemas/contract-payment';

/** Whether `external_payment_id` = payout id holds on this Procore (undocumented: checked on first use). */
export type ExternalIdTrust = 'unknown' | 'verified' | 'refuted';

export interface PayoutToLink {
  id: string;
  /** The requisition's id. */
  invoiceId: string | null;
  amountCents: number | null;
}

export interface PayoutLink {
  contractPayment: ContractPayment;
  rule: 'external_payment_id' | 'requisition_and_amount';
}

export interface LinkResult {
  link: PayoutLink | null;
  /** What this match says about the external id rule: a first use that agrees or disagrees. */
  evidence: 'confirms' | 'contradicts' | null;
}

const newestFirst = (a: ContractPayment, b: ContractPayment) =>
  Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || compareIds(b.id, a.id);

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const sameInvoiceAndAmount = (payout: PayoutToLink, payment: ContractPayment) =>
  payout.invoiceId !== null && payment.requisition_id === payout.invoiceId && payout.amountCents !== null && payment.amount === payout.amountCents;

/**
 * The contract payment of a payout, among its contract's payments (PROCORE-CONTRACT.md "Linking a
 * payout to its contract payment"): the one whose `external_payment_id` is the payout id, once
 * that rule is verified; else the newest with the payout's invoice and the exact amount in cents.
 * While the rule is unknown, an id match is checked against invoice and amount: agreeing verifies
 * it, disagreeing refutes it. `taken`: contract payments already linked to other payouts.
 * No match: the payout is still in flight on Procore's side.
 */
export function linkPayout(payout: PayoutToLink, payments: readonly ContractPayment[], trust: ExternalIdTrust, taken: ReadonlySet<string> = new Set()): LinkResult {
  const free = payments.filter((p) => !taken.has(p.id));
  let evidence: LinkResult['evidence'] = null;
  if (trust !== 'refuted') {
    const byId = free.find((p) => p.external_payment_id === payout.id);
    if (byId && trust === 'verified') return { link: { contractPayment: byId, rule: 'external_payment_id' }, evidence };
    if (byId) {
      evidence = sameInvoiceAndAmount(payout, byId) ? 'confirms' : 'contradicts';
      if (evidence === 'confirms') return { link: { contractPayment: byId, rule: 'external_payment_id' }, evidence };
    }
  }
  const byFacts = free.filter((p) => sameInvoiceAndAmount(payout, p)).sort(newestFirst)[0];
  return { link: byFacts ? { contractPayment: byFacts, rule: 'requisition_and_amount' } : null, evidence };
}

/** The trust after a link attempt: one contradiction refutes the rule for good, one agreement verifies it. */
export function nextTrust(trust: ExternalIdTrust, evidence: LinkResult['evidence']): ExternalIdTrust {
  if (trust !== 'unknown' || evidence === null) return trust;
  return evidence === 'confirms' ? 'verified' : 'refuted';
}
