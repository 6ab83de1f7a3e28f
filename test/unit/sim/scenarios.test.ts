import { describe, expect, it } from 'vitest';
import { contractPaymentJson, disbursementJson } from '../../../test/sim/api/serialize';
import { buildStore } from '../../../test/sim/server';
import { XSS_BENEFICIARY } from '../../../test/sim/scenarios/demo';
import { SCENARIOS, type ScenarioName } from '../../../test/sim/scenarios';
import { SimStore } from '../../../test/sim/store';
import type { SimPayout } from '../../../test/sim/store-records';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const WINDOW = 600_000;

function build(scenario: ScenarioName, seed: number): SimStore {
  const store = new SimStore({ seed, windowMs: WINDOW, now: () => NOW });
  SCENARIOS[scenario](store);
  store.close();
  return store;
}

function snapshot(store: SimStore): string {
  const companies = [...store.state.companies.keys()];
  return JSON.stringify({
    disbursements: companies.flatMap((c) => store.disbursements(c).map((d) => disbursementJson(store, d))),
    details: companies.flatMap((c) => store.requestDetails(c).map((r) => [r.id, r.contractPaymentId, r.status, r.messages])),
    contractPayments: [...store.state.contractPayments.values()].map((c) => contractPaymentJson(store, c)),
    ledger: store.state.ledger.records,
  });
}

describe('scenarios', () => {
  it('the same seed gives the same data; another seed does not', () => {
    expect(snapshot(build('demo', 11))).toBe(snapshot(build('demo', 11)));
    expect(snapshot(build('demo', 11))).not.toBe(snapshot(build('demo', 12)));
    expect(snapshot(build('basic', 5))).toBe(snapshot(build('basic', 5)));
  });

  it('demo: funded 12, 9 and 3 minutes ago, several failure causes, the XSS beneficiary, more to come', () => {
    const store = build('demo', 1);
    const all = store.disbursements(8089);
    const agesMin = all.filter((d) => d.fundingCompletedAt !== null && NOW - d.fundingCompletedAt < 3_600_000).map((d) => (NOW - d.fundingCompletedAt!) / 60_000).sort((a, b) => a - b);
    expect(agesMin).toEqual([3, 9, 12]);
    const failed = store.requestDetails(8089).filter((r) => r.status === 'failed');
    const messages = failed.flatMap((r) => r.messages).join('\n');
    for (const pattern of [/Duplicate Document Number/, /Vendor assigned to Id/, /Partial bill payments/, /TaxCodes/, /Object Not Found/, /Accounts element id PAYRL/]) expect(messages).toMatch(pattern);
    expect(store.requestDetails(8089).some((r) => r.status === 'success')).toBe(true);
    expect(store.requestDetails(8089).some((r) => r.status === 'in_progress')).toBe(true);
    expect(store.requestDetails(8090).map((r) => r.status).sort()).toEqual(['failed', 'stale', 'success']);
    expect([...store.state.vendors.values()].map((v) => v.name)).toContain(XSS_BENEFICIARY);
    expect(all.filter((d) => d.status === 'FUNDING_REQUESTED')).toHaveLength(2);
    expect(all.some((d) => d.status === 'FUNDING_NOT_INITIATED')).toBe(true);
    const waiting = store.invoices(8089).filter((i) => i.erpStatus === 'not_synced' && i.paidAmount === 0);
    expect(waiting.length).toBeGreaterThan(0);
    expect(store.requestDetails(8090).flatMap((r) => r.messages).join()).toMatch(/Month \d\d\/\d{4} is closed!/);
    expect(store.state.ledger.violations).toEqual([]);
  });

  it('demo: Harbor is a US02 company with ids beyond 2^53; Keystone may not use the ERP API (404)', () => {
    const store = build('demo', 1);
    expect(store.company(8090)?.zone).toBe('us02');
    const harborIds = [...store.state.contractPayments.values()].filter((c) => c.companyId === 8090).map((c) => BigInt(c.id));
    expect(harborIds.length).toBeGreaterThan(0);
    for (const id of harborIds) expect(id > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(store.company(8091)?.erpApiAccess).toBe('not_found');
    expect(store.userByLogin('ap@builder.com')?.companyIds).toEqual([8089, 8090, 8091]);
  });

  it('basic: Builder Co beside Keystone Partners, which may not use the ERP API (403) and has ids beyond 2^53', () => {
    const store = build('basic', 1);
    expect(store.company(8091)?.erpApiAccess).toBe('forbidden');
    const ids = [...store.state.contractPayments.values()].filter((c) => c.companyId === 8091).map((c) => c.id);
    expect(ids[0]).toBe('9007199254740993');
    expect(store.requestDetails(8091).length).toBeGreaterThan(0);
  });

  it('first exports: most answer inside the window, some in a tail beyond it', () => {
    const store = build('empty', 2);
    // The delay depends only on the seed, the payout id and the attempt.
    const fractions = Array.from({ length: 2_000 }, (_, i) => store.erp.delayFraction({ id: `po_${i}` } as SimPayout, 1));
    const inside = fractions.filter((f) => f < 1).length / fractions.length;
    expect(inside).toBeGreaterThan(0.8);
    expect(inside).toBeLessThan(0.95);
    expect(Math.max(...fractions)).toBeLessThan(1.6);
  });

  it('scale: 5 companies, 5,000 disbursements, 20,000 payouts, 20,000 contract payments', () => {
    const started = performance.now();
    const store = buildStore('scale', 1, WINDOW);
    const elapsed = performance.now() - started;
    store.close();
    expect(store.state.companies.size).toBe(5);
    expect(store.state.disbursements.size).toBe(5_000);
    expect(store.state.payouts.size).toBe(20_000);
    expect([...store.state.contractPayments.values()].filter((c) => c.payoutId !== null)).toHaveLength(20_000);
    expect(store.state.ledger.violations).toEqual([]);
    console.info(`scale scenario built in ${Math.round(elapsed)} ms`);
  });
});
