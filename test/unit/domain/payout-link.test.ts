import { describe, expect, it } from 'vitest';
import { linkPayout, nextTrust } from '../../../utils/domain/payout-link';
import { ContractPaymentSchema, type ContractPayment } from '../../../utils/domain/schemas/contract-payment';

const payment = (fields: Record<string, unknown>): ContractPayment => ContractPaymentSchema.parse({ created_at: '2026-11-15T17:00:00Z', ...fields });
const payout = { id: '5b0c7f2e-1d1a-4f7e-9f25-3f1c2d3e4f50', invoiceId: '4417', amountCents: 123456 };

describe('linkPayout', () => {
  it('takes the contract payment whose external_payment_id is the payout id, and that first use verifies the rule', () => {
    const mine = payment({ id: 77, external_payment_id: payout.id, requisition_id: 4417, amount: '1234.56' });
    const other = payment({ id: 78, external_payment_id: 'someone-else', requisition_id: 4417, amount: '99.00' });
    const result = linkPayout(payout, [other, mine], 'unknown');
    expect(result.link).toEqual({ contractPayment: mine, rule: 'external_payment_id' });
    expect(result.evidence).toBe('confirms');
    expect(nextTrust('unknown', result.evidence)).toBe('verified');
  });

  it('does not believe a non-matching external_payment_id: it falls back to invoice and exact amount, newest first, and refutes the rule', () => {
    // This Procore's external_payment_id names something else (e.g. a payment-processor id).
    const misleading = payment({ id: 80, external_payment_id: payout.id, requisition_id: 9999, amount: '5.00' });
    const older = payment({ id: 81, external_payment_id: 'pp_1', requisition_id: '4417', amount: '1234.56', created_at: '2026-11-01T10:00:00Z' });
    const newer = payment({ id: 82, external_payment_id: 'pp_2', requisition_id: '4417', amount: 1234.56, created_at: '2026-11-15T17:00:00Z' });
    const cent = payment({ id: 83, requisition_id: '4417', amount: '1234.55', created_at: '2026-11-16T10:00:00Z' });
    const result = linkPayout(payout, [misleading, older, newer, cent], 'unknown');
    expect(result.link).toEqual({ contractPayment: newer, rule: 'requisition_and_amount' });
    expect(result.evidence).toBe('contradicts');
    expect(nextTrust('unknown', result.evidence)).toBe('refuted');
    // Once refuted, an id match is not even looked at.
    expect(linkPayout(payout, [misleading], 'refuted')).toEqual({ link: null, evidence: null });
  });

  it('skips contract payments already linked to other payouts, and finds nothing while the payout is in flight', () => {
    const a = payment({ id: 90, requisition_id: '4417', amount: '1234.56', created_at: '2026-11-15T18:00:00Z' });
    const b = payment({ id: 91, requisition_id: '4417', amount: '1234.56', created_at: '2026-11-15T17:00:00Z' });
    expect(linkPayout(payout, [a, b], 'unknown', new Set(['90'])).link?.contractPayment.id).toBe('91');
    expect(linkPayout(payout, [], 'verified').link).toBeNull();
    expect(linkPayout({ ...payout, amountCents: null }, [a], 'unknown').link).toBeNull();
  });
});
