import { describe, expect, it } from 'vitest';
import { contractTarget, internalPath } from './contract-target';
import { ErrorBodySchema } from './contract-schemas';

const target = contractTarget();

async function expectError(response: Response, status: number): Promise<unknown> {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  expect(ErrorBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  return body;
}

describe('error codes and bodies', () => {
  it('401 signed out: no cookie, an unknown cookie, an unknown bearer token', async () => {
    await expectError(await target.api('/rest/v1.0/me', { cookie: null }), 401);
    await expectError(await target.api('/rest/v1.0/me', { cookie: '_procore_session=not-a-session' }), 401);
    await expectError(await target.api('/rest/v1.0/me', { cookie: null, headers: { Authorization: 'Bearer nope' } }), 401);
  });

  it('403 for a user without a Payments role on the Payments endpoints, and for a company not theirs', async () => {
    const viewer = await target.control<{ cookie: { name: string; value: string } }>('POST', '/session', { login: 'viewer@builder.com' });
    const cookie = `${viewer.cookie.name}=${viewer.cookie.value}`;
    expect((await target.api('/rest/v1.0/me', { cookie })).status).toBe(200);
    await expectError(await target.api(internalPath(target, target.companyId, `/${target.internal.disbursements}`), { cookie }), 403);
    await expectError(await target.api('/rest/v1.0/projects?company_id=8091', { cookie, companyId: 8091 }), 403);
  });

  it('403 for a company whose account may not use the partner-gated ERP API; its public endpoints answer', async () => {
    await expectError(await target.api('/rest/v1.0/companies/8091/erp_request_details?filters[item_id]=1', { companyId: 8091 }), 403);
    await expectError(await target.api('/rest/v1.0/companies/8091/external_data?item_type=contract_payment&item_id=1', { companyId: 8091 }), 403);
    expect((await target.api('/rest/v1.0/projects?company_id=8091', { companyId: 8091 })).status).toBe(200);
  });

  it('404 for unknown ids: company, project, contract, disbursement', async () => {
    await expectError(await target.api('/rest/v1.0/companies/999/erp_request_details?filters[item_id]=1', { companyId: 999 }), 404);
    await expectError(await target.api('/rest/v1.0/projects/424242'), 404);
    await expectError(await target.api('/rest/v1.1/requisitions?project_id=424242'), 404);
    await expectError(await target.api(internalPath(target, target.companyId, `/${target.internal.disbursements}/00000000-0000-4000-a000-000000000000`)), 404);
  });

  it('409 in words when the payment record is exporting or already exported', async () => {
    const d = await target.control<{ contractPaymentIds: string[] }>('POST', '/disbursements', { payouts: [{ beneficiaryName: 'On Time Co', delayFraction: 0 }, { beneficiaryName: 'Slow Co', delayFraction: 3 }] });
    const headers = { 'X-CSRF-Token': target.csrf };
    const [synced, exporting] = d.contractPaymentIds as [string, string];
    const exportOf = (id: string) => internalPath(target, target.companyId, `/${target.internal.erpRows}/${id}/${target.internal.exportVerb}`);
    expect(await expectError(await target.api(exportOf(synced), { method: 'POST', body: {}, headers }), 409)).toEqual({ errors: 'This payment record has already been exported to the ERP.' });
    expect(await expectError(await target.api(exportOf(exporting), { method: 'POST', body: {}, headers }), 409)).toEqual({
      errors: 'An export of this payment record is already in progress. Wait for it to finish.',
    });
    const { records } = await target.control<{ records: { contractPaymentId: string }[] }>('GET', '/ledger');
    expect(records.filter((r) => r.contractPaymentId === synced)).toHaveLength(1);
  });

  it('422 for invalid input: check number, bank id, missing or mismatched Procore-Company-Id, a bad CSRF token', async () => {
    const d = await target.control<{ contractPaymentIds: string[] }>('POST', '/disbursements', { payouts: [{ beneficiaryName: 'Not In ERP', vendorSynced: false, delayFraction: 0 }] });
    const exportPath = internalPath(target, target.companyId, `/${target.internal.erpRows}/${d.contractPaymentIds[0]}/${target.internal.exportVerb}`);
    const headers = { 'X-CSRF-Token': target.csrf };
    for (const body of [{ check_number: 0 }, { check_number: -3 }, { check_number: 12.5 }, { check_number: '1e3' }, { bank_id: '' }, { bank_id: 7 }]) {
      const errors = await expectError(await target.api(exportPath, { method: 'POST', body, headers }), 422);
      expect(typeof (errors as { errors: unknown }).errors, JSON.stringify(body)).toBe('object');
    }
    expect(await expectError(await target.api(exportPath, { method: 'POST', body: {}, headers: { 'X-CSRF-Token': 'nope' } }), 422)).toEqual({ errors: 'Invalid authenticity token' });
    await expectError(await target.api('/rest/v1.0/companies/8089/erp_request_details?filters[item_id]=1', { companyId: null }), 422);
    await expectError(await target.api('/rest/v1.0/companies/8089/erp_request_details?filters[item_id]=1', { companyId: 8091 }), 422);
    const bad = await fetch(`${target.origin}${exportPath}`, { method: 'POST', headers: { Cookie: target.cookie, 'X-CSRF-Token': target.csrf, 'Content-Type': 'application/json' }, body: '{not json' });
    await expectError(bad, 422);
  });
});
