import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Sim } from '../../../test/sim/server';
import { csrfTokenFor, sessionCookieFor, startTestSim } from '../../../test/sim/testing';

// The sandbox's page-only Payments actions (pages/README.md), over HTTP as its pages call them:
// with the session cookie and the page's CSRF token.
let sim: Sim;
let cookie: string;
let csrf: string;
let account: string;
const WINDOW = 400;
const base = '/pages-api/companies/8089/disbursements';

const call = (method: string, path: string, body?: unknown, token: string | null = csrf) =>
  fetch(`${sim.origin}${path}`, {
    method,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-CSRF-Token': token }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Fresh invoices with an amount due, so each test pays its own. */
function newInvoices(count: number, grossAmount = 100_000) {
  const store = sim.store;
  const project = store.projects(8089)[0]!;
  const vendor = [...store.state.vendors.values()].find((v) => v.companyId === 8089)!;
  return Array.from({ length: count }, () => store.addInvoice({ companyId: 8089, projectId: project.id, vendorId: vendor.id, grossAmount, erpStatus: 'synced', submittedAt: Date.now() }));
}
const payment = (invoiceId: number, paymentAmount: number, notes = '') => ({ invoiceId: String(invoiceId), paymentAmount, notes });
const Created = z.object({ id: z.string(), identifier: z.number().int() });

beforeAll(async () => {
  sim = await startTestSim({ windowMs: WINDOW, rateLimit: { hourly: 10_000, tenSecond: 10_000 } });
  cookie = await sessionCookieFor(sim.origin);
  csrf = await csrfTokenFor(sim.origin, cookie);
  account = sim.store.fundingAccounts(8089)[0]!.id;
});
afterAll(() => sim.close());

describe('page-only Payments actions', () => {
  it('create a Draft with a partial amount, authorize it, and funding completes by itself with contract payments', async () => {
    const [full, part] = newInvoices(2);
    const created = await call('POST', base, { name: 'Pages draw', fundingAccountId: account, payments: [payment(full!.id, 100_000), payment(part!.id, 25_000, 'Retainage held')], authorize: false });
    expect(created.status).toBe(201);
    const { id } = Created.parse(await created.json());
    const draft = sim.store.disbursement(8089, id)!;
    expect(draft.status).toBe('FUNDING_NOT_INITIATED');
    expect(sim.store.payoutsOf(draft).map((p) => [p.partialPayment, p.partialPaymentReason, p.checkNumber])).toEqual([
      [false, null, null],
      [true, 'Retainage held', null],
    ]);
    expect((await call('POST', `${base}/${id}/authorize`, {})).status).toBe(200);
    const [first, second] = sim.store.payoutsOf(draft).map((p) => p.checkNumber!);
    expect(second).toBe(first! + 1);
    expect((await call('POST', `${base}/${id}/authorize`, {})).status).toBe(409);
    await vi.waitFor(() => expect(sim.store.disbursement(8089, id)?.status).toBe('FUNDING_COMPLETED_AWAITING_PAYOUTS'), { timeout: 2_000, interval: 10 });
    for (const p of sim.store.payoutsOf(draft)) {
      expect(p.status).toBe('REQUESTED');
      expect(sim.store.contractPayment(p.contractPaymentId!)).toMatchObject({ payoutId: p.id, amount: p.amount, checkNumber: p.checkNumber });
      expect(sim.store.latestRequestDetail(p.id)).toBeDefined();
    }
  });

  it('a write without the page’s CSRF token is refused and creates nothing', async () => {
    const [invoice] = newInvoices(1);
    const before = sim.store.state.disbursements.size;
    for (const token of [null, 'forged']) {
      const refused = await call('POST', base, { name: 'No token', fundingAccountId: account, payments: [payment(invoice!.id, 100_000)], authorize: true }, token);
      expect(refused.status).toBe(422);
    }
    expect(sim.store.state.disbursements.size).toBe(before);
  });

  it('refuses what Procore refuses: more than due, nothing, no invoices, over 100, unknown account', async () => {
    const [invoice] = newInvoices(1, 50_000);
    const refuse = async (body: unknown) => {
      const response = await call('POST', base, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      return z.object({ errors: z.union([z.string(), z.record(z.string(), z.array(z.string()))]) }).parse(await response.json());
    };
    await refuse({ name: 'x', fundingAccountId: account, payments: [payment(invoice!.id, 50_001)], authorize: false });
    await refuse({ name: 'x', fundingAccountId: account, payments: [payment(invoice!.id, 0)], authorize: false });
    await refuse({ name: 'x', fundingAccountId: account, payments: [], authorize: false });
    await refuse({ name: 'x', fundingAccountId: 'not-an-account', payments: [payment(invoice!.id, 100)], authorize: false });
    await refuse({ name: '  ', fundingAccountId: account, payments: [payment(invoice!.id, 100)], authorize: false });
    const many = newInvoices(101).map((i) => payment(i.id, 100_000));
    const body = await refuse({ name: 'x', fundingAccountId: account, payments: many, authorize: false });
    expect(JSON.stringify(body.errors)).toMatch(/up to 100/);
  });
});
