import { describe, expect, it } from 'vitest';
import { ProcoreErrorBodySchema } from '../../utils/domain/schemas/export-request';
import { contractTarget } from './contract-target';

const target = contractTarget();
const company = (path: string) => `/rest/v1.0/companies/${target.companyId}${path}`;

async function expectError(response: Response, status: number): Promise<unknown> {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  expect(ProcoreErrorBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  return body;
}

describe('error codes and bodies', () => {
  it('401 signed out: no cookie, an unknown cookie, an unknown bearer token', async () => {
    await expectError(await target.api('/rest/v1.0/me', { cookie: null }), 401);
    await expectError(await target.api('/rest/v1.0/me', { cookie: '_procore_session=not-a-session' }), 401);
    await expectError(await target.api('/rest/v1.0/me', { cookie: null, headers: { Authorization: 'Bearer nope' } }), 401);
  });

  it('403 for a user who is not a Payments Admin or Disburser, and for a company not theirs', async () => {
    const viewer = await target.control<{ cookie: { name: string; value: string } }>('POST', '/session', { login: 'viewer@builder.com' });
    const cookie = `${viewer.cookie.name}=${viewer.cookie.value}`;
    expect((await target.api('/rest/v1.0/me', { cookie })).status).toBe(200);
    await expectError(await target.api(company('/payments/disbursements'), { cookie }), 403);
    await expectError(await target.api(company('/erp_request_details'), { cookie }), 403);
  });

  it('404 for unknown ids: company, funding account, payout, project', async () => {
    await expectError(await target.api('/rest/v1.0/companies/999/payments/disbursements', { companyId: 999 }), 404);
    await expectError(await target.api(company('/payments/funding_accounts/fa_999'), { method: 'PATCH', body: { nextCheckNumber: 5 } }), 404);
    await expectError(await target.api(company('/erp_integrations/contract_payments/po_999999/export'), { method: 'POST', body: {} }), 404);
    await expectError(await target.api('/rest/v1.1/requisitions?project_id=424242'), 404);
  });

  it('409 when the payment record is not in Failed to Export (in progress or synced)', async () => {
    const d = (await target.control('POST', '/disbursements', { payouts: [{ delayFraction: 0 }, { delayFraction: 3 }] })) as { payouts: { id: string }[] };
    for (const payout of d.payouts) {
      const body = await expectError(await target.api(company(`/erp_integrations/contract_payments/${payout.id}/export`), { method: 'POST', body: { check_number: 777 } }), 409);
      expect(body).toEqual({ errors: 'Payment record is not in Failed to Export' });
    }
    const { records } = await target.control<{ records: { payoutId: string }[] }>('GET', '/ledger');
    expect(records.filter((r) => r.payoutId === d.payouts[0]!.id)).toHaveLength(1);
  });

  it('422 for invalid input: check number, bank id, missing or mismatched Procore-Company-Id', async () => {
    const d = (await target.control('POST', '/disbursements', { payouts: [{ vendorSynced: false, delayFraction: 0 }] })) as { payouts: { id: string }[] };
    const exportPath = company(`/erp_integrations/contract_payments/${d.payouts[0]!.id}/export`);
    for (const body of [{ check_number: 0 }, { check_number: -3 }, { check_number: 12.5 }, { check_number: '100' }, { bank_id: '' }, { bank_id: 7 }]) {
      const errors = await expectError(await target.api(exportPath, { method: 'POST', body }), 422);
      expect(typeof (errors as { errors: unknown }).errors).toBe('object');
    }
    await expectError(await target.api(company('/payments/disbursements'), { companyId: null }), 422);
    await expectError(await target.api(company('/payments/disbursements'), { companyId: 8090 }), 422);
    const bad = await fetch(`${target.origin}${exportPath}`, { method: 'POST', headers: { Cookie: target.cookie, 'Procore-Company-Id': String(target.companyId), 'Content-Type': 'application/json' }, body: '{not json' });
    await expectError(bad, 422);
  });
});
