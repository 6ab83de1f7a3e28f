import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Sim } from '../sim/server';
import { csrfTokenFor, internalEndpointsOf, ledger, sessionCookieFor, simControl, startTestSim } from '../sim/testing';
import { DisbursementSchema, ErrorBodySchema } from './contract-schemas';
import { expectContractShape } from './contract-target';

// The internal endpoints the sandbox's pages call: at paths and in wrappers that differ with
// --variant N, records in the contract's public field names, writes only with the page's CSRF
// token. Tests find the endpoints through /__sim/variant (the extension has to learn them).

type Endpoints = Awaited<ReturnType<typeof internalEndpointsOf>>;
interface Running {
  sim: Sim;
  cookie: string;
  csrf: string;
  endpoints: Endpoints;
}

const sims: Sim[] = [];
afterAll(() => Promise.all(sims.map((s) => s.close())));

async function running(variant: number): Promise<Running> {
  const sim = await startTestSim({ variant, windowMs: 4_000, rateLimit: { hourly: 100_000, tenSecond: 10_000 } });
  sims.push(sim);
  const cookie = await sessionCookieFor(sim.origin);
  return { sim, cookie, csrf: await csrfTokenFor(sim.origin, cookie), endpoints: await internalEndpointsOf(sim.origin) };
}

const base = (r: Running, companyId = 8089) => `${r.sim.origin}${r.endpoints.prefix.replace('{company}', String(companyId))}`;
const call = (r: Running, url: string, init: { method?: string; body?: unknown; csrf?: string | null } = {}) =>
  fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      Cookie: r.cookie,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.csrf === null || init.method === undefined ? {} : { 'X-CSRF-Token': init.csrf ?? r.csrf }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** Whatever the wrapper: the list is the body or its one array; the record the body or its one object. */
function unwrapList(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const arrays = Object.values(body as Record<string, unknown>).filter(Array.isArray);
  expect(arrays).toHaveLength(1);
  return arrays[0] as unknown[];
}
function unwrapItem(body: unknown): Record<string, unknown> {
  const record = body as Record<string, unknown>;
  if ('id' in record) return record;
  const objects = Object.values(record).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  expect(objects).toHaveLength(1);
  return objects[0] as Record<string, unknown>;
}

const VARIANTS = [0, 1, 2, 7, 14_400_000, 123_456_789];

describe('internal endpoints vary with --variant', () => {
  it('every N gives its own paths or wrappers, and each sandbox serves only its own', async () => {
    const all = await Promise.all(VARIANTS.map(running));
    const signatures = all.map(({ endpoints: e }) => JSON.stringify({ ...e, n: undefined }));
    expect(new Set(signatures).size).toBe(VARIANTS.length);
    const listPaths = all.map((r) => `${r.endpoints.prefix}/${r.endpoints.disbursements}`);
    expect(new Set(listPaths).size).toBeGreaterThan(3);
    for (const [i, r] of all.entries()) {
      expect((await call(r, `${base(r)}/${r.endpoints.disbursements}`)).status, `variant ${VARIANTS[i]}`).toBe(200);
      const other = all[(i + 1) % all.length]!;
      if (`${other.endpoints.prefix}/${other.endpoints.disbursements}` !== listPaths[i]) {
        expect((await call(r, `${r.sim.origin}${other.endpoints.prefix.replace('{company}', '8089')}/${other.endpoints.disbursements}`)).status).toBe(404);
      }
    }
  });

  it('the same N twice is the same sandbox', async () => {
    const [a, b] = await Promise.all([running(42), running(42)]);
    expect(a.endpoints).toEqual(b.endpoints);
  });
});

describe.each([3, 11, 2024])('variant %i', (variant) => {
  let r: Running;
  const ready = async () => (r ??= await running(variant));

  it('disbursements: a list without payouts, one with its payouts, in the public field names; no company header needed', async () => {
    await ready();
    const created = await simControl<{ id: string }>(r.sim.origin, 'POST', '/disbursements', { payouts: [{ beneficiaryName: 'Wrapped Co' }] });
    const list = unwrapList(await (await call(r, `${base(r)}/${r.endpoints.disbursements}`)).json());
    const listed = expectContractShape(z.array(DisbursementSchema), list);
    expect(listed.every((d) => d.payouts === undefined)).toBe(true);
    const one = expectContractShape(DisbursementSchema, unwrapItem(await (await call(r, `${base(r)}/${r.endpoints.disbursements}/${created.id}`)).json()));
    expect(one.payouts?.[0]?.metadata.receivingPaymentsCompanyName).toBe('Wrapped Co');
    expect(typeof one.disbursementIdentifier).toBe('number');
  });

  it('a write without the page’s CSRF token is refused with 422 and changes nothing', async () => {
    await ready();
    const accounts = unwrapList(await (await call(r, `${base(r)}/${r.endpoints.fundingAccounts}`)).json()) as { id: string; nextCheckNumber: number }[];
    const url = `${base(r)}/${r.endpoints.fundingAccounts}/${accounts[0]!.id}`;
    for (const csrf of [null, 'forged-token']) {
      const refused = await call(r, url, { method: r.endpoints.fundingAccountWrite, body: { nextCheckNumber: 55_555 }, csrf });
      expect(refused.status).toBe(422);
      expect(ErrorBodySchema.safeParse(await refused.json()).success).toBe(true);
    }
    const saved = await call(r, url, { method: r.endpoints.fundingAccountWrite, body: { nextCheckNumber: 55_555 } });
    expect(saved.status).toBe(200);
    expect(unwrapItem(await saved.json())).toMatchObject({ id: accounts[0]!.id, nextCheckNumber: 55_555 });
    const bearerStyle = await fetch(url, { method: r.endpoints.fundingAccountWrite, headers: { 'Content-Type': 'application/json', Cookie: r.cookie, 'X-CSRF-Token': '' }, body: '{"nextCheckNumber": 1}' });
    expect(bearerStyle.status).toBe(422);
  });

  it('Export of a Failed to Export row: once; a second press is refused in words; one ERP ledger record', async () => {
    await ready();
    const d = await simControl<{ payouts: { id: string }[]; contractPaymentIds: string[] }>(r.sim.origin, 'POST', '/disbursements', {
      payouts: [{ beneficiaryName: `Late Vendor ${variant}`, vendorSynced: false, delayFraction: 0 }],
    });
    const id = d.contractPaymentIds[0]!;
    const rows = unwrapList(await (await call(r, `${base(r)}/${r.endpoints.erpRows}?view=failed_to_export`)).text().then((t) => JSON.parse(t.replace(/"id":(\d+)/g, '"id":"$1"'))));
    expect(rows.map((row) => (row as { id: string }).id)).toContain(id);
    const vendorId = r.sim.store.invoice(r.sim.store.state.payouts.get(d.payouts[0]!.id)!.invoiceId)!.vendorId;
    await simControl(r.sim.origin, 'PATCH', `/vendors/${vendorId}`, { erpSynced: true });
    const exportUrl = `${base(r)}/${r.endpoints.erpRows}/${id}/${r.endpoints.exportVerb}`;
    expect((await call(r, exportUrl, { method: 'POST', body: { check_number: '77001', bank_id: 'OPER' }, csrf: null })).status).toBe(422);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => call(r, exportUrl, { method: 'POST', body: { check_number: '77001', bank_id: 'OPER' } })));
    expect(statuses.map((s) => s.status).sort()).toEqual([202, 409, 409, 409, 409]);
    const refusal = await statuses.find((s) => s.status === 409)!.json();
    expect(JSON.stringify(refusal)).toMatch(/already (in progress|exported)/);
    await expect.poll(async () => (await ledger(r.sim.origin)).records.filter((rec) => rec.contractPaymentId === id).length, { timeout: 10_000 }).toBe(1);
    const after = await call(r, exportUrl, { method: 'POST', body: {} });
    expect(after.status).toBe(409);
    expect(JSON.stringify(await after.json())).toMatch(/already been exported/);
    expect((await ledger(r.sim.origin)).violations).toEqual([]);
  });

  it('the Payments endpoints need a Payments role; the company is the one in the path', async () => {
    await ready();
    const viewer = await sessionCookieFor(r.sim.origin, 'viewer@builder.com');
    expect((await fetch(`${base(r)}/${r.endpoints.disbursements}`, { headers: { Cookie: viewer } })).status).toBe(403);
    expect((await call(r, `${base(r, 999)}/${r.endpoints.disbursements}`)).status).toBe(404);
  });
});

describe('no API writes', () => {
  it('the REST paths of v1 that re-exported or edited a funding account are gone', async () => {
    const r = await running(5);
    const rest = `${r.sim.origin}/rest/v1.0/companies/8089`;
    const headers = { Cookie: r.cookie, 'Procore-Company-Id': '8089', 'Content-Type': 'application/json', 'X-CSRF-Token': r.csrf };
    for (const [method, path] of [
      ['POST', '/erp_integrations/contract_payments/1/export'],
      ['PATCH', '/payments/funding_accounts/x'],
      ['GET', '/erp_integrations/settings'],
      ['GET', '/erp_integrations/bank_accounts'],
    ] as const) {
      if (r.endpoints.prefix.startsWith('/rest/v1.0/companies/{company}/payments') && path.startsWith('/payments/')) continue;
      expect((await fetch(`${rest}${path}`, { method, headers, body: method === 'GET' ? undefined : '{}' })).status, path).toBe(404);
    }
  });
});
