import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFromSpec } from '../../../test/sim/disbursement-spec';
import { ErpLedger } from '../../../test/sim/erp-ledger';
import { buildBasic } from '../../../test/sim/scenarios/basic';
import type { Sim } from '../../../test/sim/server';
import { SimStore } from '../../../test/sim/store';
import { csrfTokenFor, internalEndpointsOf, ledger, sessionCookieFor, simControl, startTestSim } from '../../../test/sim/testing';

const WINDOW = 200;
const stores: SimStore[] = [];
const sims: Sim[] = [];
afterEach(async () => {
  stores.splice(0).forEach((s) => s.close());
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

function basicStore(): SimStore {
  const store = new SimStore({ seed: 3, windowMs: WINDOW });
  buildBasic(store);
  stores.push(store);
  return store;
}

const settled = (store: SimStore, payoutId: string) =>
  vi.waitFor(() => {
    const status = store.latestRequestDetail(payoutId)?.status;
    if (status === 'in_progress' || status === undefined) throw new Error('still in progress');
    return status;
  }, { timeout: 3_000, interval: 10 });

describe('the ERP ledger', () => {
  it('records a second create for one payout as a violation', () => {
    const l = new ErpLedger();
    const record = { companyId: 1, payoutId: 'po_1', contractPaymentId: '11', invoiceId: 9, bankId: 'OPER', checkNumber: 5, amount: 100, requestDetailId: 1, createdAt: '2026-11-20T00:00:00.000Z' };
    l.create(record);
    l.create({ ...record, payoutId: 'po_2', contractPaymentId: '12', requestDetailId: 2 });
    expect(l.violations).toEqual([]);
    l.create({ ...record, requestDetailId: 3, checkNumber: 6 });
    expect(l.violations).toHaveLength(1);
    expect(l.violations[0]).toMatchObject({ payoutId: 'po_1', recordIds: ['txn_1', 'txn_3'] });
    expect(l.paidOnInvoice(9)).toBe(300);
  });
});

describe('corrective re-export', () => {
  it('re-evaluates the rules with the new check number: duplicate, then synced, exactly once', async () => {
    const store = basicStore();
    store.issueErpCheck(8089, 'OPER', 50_000);
    const d = createFromSpec(store, { firstCheckNumber: 50_000, payouts: [{ delayFraction: 0 }] });
    const payoutId = d.payoutIds[0]!;
    const recordId = store.state.payouts.get(payoutId)!.contractPaymentId!;
    expect(store.latestRequestDetail(payoutId)?.status).toBe('failed');
    expect(() => store.reExport(8089, recordId, { check_number: 0 })).toThrow(/positive whole number/);
    const detail = store.reExport(8089, recordId, { check_number: 60_000 });
    expect(detail.status).toBe('in_progress');
    expect(store.contractPayment(recordId)?.checkNumber).toBe(60_000);
    expect(store.state.payouts.get(payoutId)?.checkNumber).toBe(50_000);
    expect(() => store.reExport(8089, recordId, {})).toThrow('already in progress');
    expect(await settled(store, payoutId)).toBe('success');
    expect(() => store.reExport(8089, recordId, { check_number: 60_001 })).toThrow('already been exported');
    expect(store.contractPayment(recordId)?.originId).toBe(store.state.ledger.recordsFor(payoutId)[0]?.id);
    expect(store.state.ledger.recordsFor(payoutId)).toMatchObject([{ checkNumber: 60_000 }]);
    expect(store.requestHistory(payoutId).map((r) => r.status)).toEqual(['failed', 'success']);
  });

  it('a wrong Bank ID is cured by the ERP’s Bank ID', async () => {
    const store = basicStore();
    store.updateFundingAccount(8089, store.fundingAccounts(8089)[0]!.id, { bankId: 'OPS' });
    const d = createFromSpec(store, { payouts: [{ delayFraction: 0 }] });
    const payoutId = d.payoutIds[0]!;
    expect(store.latestRequestDetail(payoutId)?.messages[0]).toMatch(/OPS not found/);
    store.reExport(8089, store.state.payouts.get(payoutId)!.contractPaymentId!, { bank_id: 'OPER' });
    expect(await settled(store, payoutId)).toBe('success');
    expect(store.state.ledger.recordsFor(payoutId)).toMatchObject([{ bankId: 'OPER' }]);
  });

  it('an invoice not synced when paid fails again whatever is done afterwards', async () => {
    const store = basicStore();
    const d = createFromSpec(store, { payouts: [{ invoiceErpStatus: 'not_synced', delayFraction: 0 }] });
    const payoutId = d.payoutIds[0]!;
    store.invoice(store.state.payouts.get(payoutId)!.invoiceId)!.erpStatus = 'synced';
    store.reExport(8089, store.state.payouts.get(payoutId)!.contractPaymentId!, { check_number: 70_000 });
    expect(await settled(store, payoutId)).toBe('failed');
    expect(store.state.ledger.records.filter((r) => r.payoutId === payoutId)).toEqual([]);
  });

  it('a check number the ERP printed itself meanwhile makes the export fail (the register grows)', () => {
    const store = basicStore();
    const bank = store.erpBankAccounts(8089)[0]!;
    const before = store.lastErpCheckNumber(bank)!;
    const d = createFromSpec(store, { status: 'authorized', firstCheckNumber: before + 2, payouts: [{ delayFraction: 0 }] });
    store.erp.issueOwnChecks();
    store.erp.issueOwnChecks();
    expect(store.lastErpCheckNumber(bank)).toBe(before + 2);
    store.completeFunding(8089, d.id);
    expect(store.latestRequestDetail(d.payoutIds[0]!)?.messages[0]).toMatch(/Duplicate Document Number/);
  });

  it('the ERP’s own check sequence passes over numbers Procore already exported', () => {
    const store = basicStore();
    const bank = store.erpBankAccounts(8089)[0]!;
    const last = store.lastErpCheckNumber(bank)!;
    createFromSpec(store, { firstCheckNumber: last + 1, payouts: [{ delayFraction: 0 }] });
    store.erp.issueOwnChecks();
    expect(store.lastErpCheckNumber(bank)).toBe(last + 2);
    expect(store.state.ledger.violations).toEqual([]);
  });

  it('many simultaneous exports of one failed record from two tabs’ pages: one accepted, the rest 409, one ERP record, no violation', async () => {
    const sim = await startTestSim({ windowMs: WINDOW, rateLimit: { hourly: 1000, tenSecond: 1000 } });
    sims.push(sim);
    const d = await simControl<{ payouts: { id: string }[]; contractPaymentIds: string[] }>(sim.origin, 'POST', '/disbursements', { payouts: [{ vendorSynced: false, beneficiaryName: 'Late Vendor', delayFraction: 0 }] });
    const payoutId = d.payouts[0]!.id;
    const vendorId = sim.store.invoice(sim.store.state.payouts.get(payoutId)!.invoiceId)!.vendorId;
    await simControl(sim.origin, 'PATCH', `/vendors/${vendorId}`, { erpSynced: true });
    const endpoints = await internalEndpointsOf(sim.origin);
    const tabs = await Promise.all([0, 1].map(async () => {
      const cookie = await sessionCookieFor(sim.origin);
      return { cookie, csrf: await csrfTokenFor(sim.origin, cookie) };
    }));
    const url = `${sim.origin}${endpoints.prefix.replace('{company}', '8089')}/${endpoints.erpRows}/${d.contractPaymentIds[0]}/${endpoints.exportVerb}`;
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(url, {
          method: 'POST',
          headers: { Cookie: tabs[i % 2]!.cookie, 'X-CSRF-Token': tabs[i % 2]!.csrf, 'Content-Type': 'application/json' },
          body: '{}',
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect(await settled(sim.store, payoutId)).toBe('success');
    const { records, violations } = await ledger(sim.origin);
    expect(records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
    expect(violations).toEqual([]);
  });
});
