import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../test/sim/server';
import { csrfTokenFor, ledger, sessionCookieFor, simControl, startTestSim } from '../../../test/sim/testing';

// The server-rendered ERP Integrations tab's Export form (Rails' post/redirect/get with a flash
// and the authenticity token), and Procore's zones played by host.
let sim: Sim;
let cookie: string;

beforeAll(async () => {
  sim = await startTestSim({ scenario: 'demo', windowMs: 2_000, erpTab: 'html', rateLimit: { hourly: 10_000, tenSecond: 10_000 } });
  cookie = await sessionCookieFor(sim.origin);
});
afterAll(() => sim.close());

const page = async (path: string, origin = sim.origin) => {
  const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
};
const failedView = '/8089/company/erp_integrations/contract_payments?view=failed_to_export';
const postForm = (action: string, fields: Record<string, string>) =>
  fetch(`${sim.origin}${action}`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

describe('the server-rendered ERP Integrations tab', () => {
  it('lists Failed to Export rows with Check Number and Bank ID inputs and an Export form carrying the token', async () => {
    const { html } = await page(failedView);
    const token = await csrfTokenFor(sim.origin, cookie);
    expect(html).toContain(`<meta name="csrf-token" content="${token}">`);
    expect(html).toContain('<title>ERP Integrations - QuickBooks Online - Procore</title>');
    expect(html).toMatch(/<input type="text" inputmode="numeric" name="check_number" form="export-\d+"/);
    expect(html).toMatch(/<input type="hidden" name="authenticity_token" value="[^"]+">/);
    expect(html).toContain('Duplicate Document Number');
    expect(html).not.toContain('<img src=x');
  });

  it('Export: without the token the change is rejected (422); with it, once; a second press is refused in words', async () => {
    const d = await simControl<{ contractPaymentIds: string[]; payouts: { id: string }[] }>(sim.origin, 'POST', '/disbursements', { payouts: [{ beneficiaryName: 'Form Vendor', vendorSynced: false, delayFraction: 0 }] });
    const id = d.contractPaymentIds[0]!;
    const action = `/8089/company/erp_integrations/contract_payments/${id}/export`;
    expect((await page(failedView)).html).toContain(`action="${action}"`);
    const vendorId = sim.store.invoice(sim.store.state.payouts.get(d.payouts[0]!.id)!.invoiceId)!.vendorId;
    await simControl(sim.origin, 'PATCH', `/vendors/${vendorId}`, { erpSynced: true });

    const forged = await postForm(action, { authenticity_token: 'forged', check_number: '88001', bank_id: 'OPER' });
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain('The change you wanted was rejected.');

    const token = await csrfTokenFor(sim.origin, cookie);
    const first = await postForm(action, { authenticity_token: token, check_number: '88001', bank_id: 'OPER', view: 'failed_to_export' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(failedView);
    expect((await page(failedView)).html).toMatch(/role="status">INV-\d+ is being exported to QuickBooks Online/);
    const second = await postForm(action, { authenticity_token: token, check_number: '88002', bank_id: 'OPER', view: 'failed_to_export' });
    expect(second.status).toBe(303);
    // Refused whether the first export is still running or already answered (timing is the ERP's).
    expect((await page(failedView)).html).toMatch(/role="alert">INV-\d+ was not exported: (An export of this payment record is already in progress|This payment record has already been exported)/);
    expect(sim.store.contractPayment(id)?.checkNumber).toBe(88_001);
    await expect.poll(async () => (await ledger(sim.origin)).records.filter((r) => r.contractPaymentId === id).length, { timeout: 5_000 }).toBe(1);
    await postForm(action, { authenticity_token: token, check_number: '88003', bank_id: 'OPER' });
    expect((await page(failedView)).html).toContain('has already been exported to the ERP.');
    expect((await ledger(sim.origin)).violations).toEqual([]);
  });

  it('a wrong value is refused with the field named', async () => {
    const d = await simControl<{ contractPaymentIds: string[] }>(sim.origin, 'POST', '/disbursements', { payouts: [{ beneficiaryName: 'Typo Vendor', vendorSynced: false, delayFraction: 0 }] });
    const token = await csrfTokenFor(sim.origin, cookie);
    await postForm(`/8089/company/erp_integrations/contract_payments/${d.contractPaymentIds[0]}/export`, { authenticity_token: token, check_number: '12a', bank_id: 'OPER' });
    expect((await page(failedView)).html).toContain('Check Number must be a positive whole number.');
  });
});

describe('zones by host', () => {
  it('a US02 company is served on localhost; on 127.0.0.1 its pages redirect there and its session calls are 404', async () => {
    const us02 = sim.zones.us02;
    expect(new URL(us02).hostname).toBe('localhost');
    const redirected = await page('/8090/company/payments/disbursements');
    expect(redirected.status).toBe(302);
    expect(redirected.location).toBe(`${us02}/8090/company/payments/disbursements`);
    expect((await page('/8090/company/payments/disbursements', us02)).status).toBe(200);
    const api = (origin: string) => fetch(`${origin}/rest/v1.0/projects?company_id=8090`, { headers: { Cookie: cookie, 'Procore-Company-Id': '8090' } });
    expect((await api(sim.origin)).status).toBe(404);
    expect((await api(us02)).status).toBe(200);
    expect((await fetch(`${us02}/rest/v1.0/me`, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
