import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DisbursementSchema } from '../../../utils/domain/schemas/disbursement';
import type { Sim } from '../../../test/sim/server';
import { sessionCookieFor, startTestSim } from '../../../test/sim/testing';

// The sandbox's page-only Payments actions (README "API: what is served"), over HTTP as the pages call them.
let sim: Sim;
let cookie: string;
const WINDOW = 400;
const base = '/rest/v1.0/companies/8089/payments/disbursements';

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.origin}${path}`, {
    method,
    headers: { Cookie: cookie, 'Procore-Company-Id': '8089', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Fresh invoices with an amount due, so each test pays its own. */
function newInvoices(count: number, grossAmount = 100_000) {
  const store = sim.store;
  const project = store.projects(8089)[0]!;
  const vendor = [...store.state.vendors.values()].find((v) => v.companyId === 8089)!;
  return Array.from({ length: count }, () => store.addInvoice({ companyId: 8089, projectId: project.id, vendorId: vendor.id, grossAmount, erpStatus: 'synced', submittedAt: Date.now() }));
}

beforeAll(async () => {
  sim = await startTestSim({ windowMs: WINDOW, rateLimit: { hourly: 10_000, tenSecond: 10_000 } });
  cookie = await sessionCookieFor(sim.origin);
});
afterAll(() => sim.close());

describe('page-only Payments actions', () => {
  it('create a Draft with a partial amount, authorize it, and funding completes by itself', async () => {
    const [full, part] = newInvoices(2);
    const created = await call('POST', base, { name: 'Pages draw', funding_account_id: 'fa_1', invoices: [{ invoice_id: full!.id }, { invoice_id: part!.id, amount: 25_000, partial_payment_reason: 'Retainage held' }] });
    expect(created.status).toBe(201);
    const draft = DisbursementSchema.parse(await created.json());
    expect(draft.status).toBe('FUNDING_NOT_INITIATED');
    expect(draft.amount).toBe(125_000);
    expect(draft.payouts.map((p) => [p.partialPayment, p.partialPaymentReason, p.checkNumber])).toEqual([
      [false, null, null],
      [true, 'Retainage held', null],
    ]);
    const authorized = DisbursementSchema.parse(await (await call('POST', `${base}/${draft.id}/authorize`)).json());
    expect(authorized.status).toBe('FUNDING_REQUESTED');
    const [first, second] = authorized.payouts.map((p) => p.checkNumber!);
    expect(second).toBe(first! + 1);
    expect((await call('POST', `${base}/${draft.id}/authorize`)).status).toBe(409);
    await vi.waitFor(() => expect(sim.store.disbursement(8089, draft.id)?.status).toBe('FUNDING_COMPLETED_AWAITING_PAYOUTS'), { timeout: 2_000, interval: 10 });
    const one = DisbursementSchema.parse(await (await call('GET', `${base}/${draft.id}`)).json());
    expect(one.payouts.every((p) => p.status === 'REQUESTED')).toBe(true);
    expect(one.payouts.every((p) => sim.store.latestRequestDetail(p.id) !== undefined)).toBe(true);
  });

  it('complete_funding marks a requested disbursement Funding Complete now', async () => {
    const [invoice] = newInvoices(1);
    const draft = DisbursementSchema.parse(await (await call('POST', base, { name: 'Now', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id }] })).json());
    expect((await call('POST', `${base}/${draft.id}/complete_funding`)).status).toBe(200);
    expect(sim.store.disbursement(8089, draft.id)?.status).toBe('FUNDING_COMPLETED_AWAITING_PAYOUTS');
    expect((await call('POST', `${base}/${draft.id}/complete_funding`)).status).toBe(409);
  });

  it('refuses what Procore refuses: more than due, nothing due, no invoices, over 100, unknown account', async () => {
    const [invoice] = newInvoices(1, 50_000);
    const refuse = async (body: unknown) => {
      const response = await call('POST', base, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      return z.object({ errors: z.record(z.string(), z.array(z.string())) }).parse(await response.json());
    };
    await refuse({ name: 'x', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id, amount: 50_001 }] });
    await refuse({ name: 'x', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id, amount: 0 }] });
    await refuse({ name: 'x', funding_account_id: 'fa_1', invoices: [] });
    await refuse({ name: 'x', funding_account_id: 'fa_404', invoices: [{ invoice_id: invoice!.id }] });
    await refuse({ name: '  ', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id }] });
    const many = newInvoices(101).map((i) => ({ invoice_id: i.id }));
    const body = await refuse({ name: 'x', funding_account_id: 'fa_1', invoices: many });
    expect(body.errors.invoices?.[0]).toMatch(/up to 100/);
    const paid = await call('POST', base, { name: 'pay all', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id }] });
    const d = DisbursementSchema.parse(await paid.json());
    await call('POST', `${base}/${d.id}/authorize`);
    await refuse({ name: 'again', funding_account_id: 'fa_1', invoices: [{ invoice_id: invoice!.id }] });
  });
});
