import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DisbursementSchema, isFundingComplete } from '../../utils/domain/schemas/disbursement';
import { ErpBankAccountSchema } from '../../utils/domain/schemas/erp-bank-account';
import { ErpSettingsSchema } from '../../utils/domain/schemas/erp-settings';
import { FundingAccountSchema } from '../../utils/domain/schemas/funding-account';
import { RequestDetailSchema } from '../../utils/domain/schemas/request-detail';
import { RequisitionSchema } from '../../utils/domain/schemas/requisition';
import { CompanySchema, MeSchema } from '../../utils/domain/schemas/who';
import { expectContractShape, contractTarget } from './contract-target';

const target = contractTarget();
const company = (path: string) => `/rest/v1.0/companies/${target.companyId}${path}`;

async function json(path: string): Promise<unknown> {
  const response = await target.api(path);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return response.json();
}

/** A funded disbursement made for the test, with payouts whose exports fail or succeed by rule. */
async function fundedDisbursement(payouts: Record<string, unknown>[]) {
  return DisbursementSchema.parse(await target.control('POST', '/disbursements', { payouts }));
}

describe('who and where', () => {
  it('GET /rest/v1.0/me answers the signed-in user without a company header', async () => {
    const response = await target.api('/rest/v1.0/me', { companyId: null });
    expect(response.status).toBe(200);
    expect(expectContractShape(MeSchema, await response.json())).toEqual({ id: '1', login: 'ap@builder.com', name: 'Ana Park' });
  });

  it('GET /rest/v1.0/companies lists the companies of the user', async () => {
    const response = await target.api('/rest/v1.0/companies', { companyId: null });
    const companies = expectContractShape(z.array(CompanySchema), await response.json());
    expect(companies.map((c) => c.id)).toContain(String(target.companyId));
  });
});

describe('company endpoints', () => {
  it('ERP settings', async () => {
    const settings = expectContractShape(ErpSettingsSchema, await json(company('/erp_integrations/settings')));
    expect(settings).toEqual({ connector: 'quickbooks_online', payment_sync_enabled: true, supports_partial_payments: false, erp_name: 'QuickBooks Online' });
  });

  it('disbursements, newest change first, every payout in cents', async () => {
    await fundedDisbursement([{ beneficiaryName: 'Contract Drywall', dueAmount: 123_456 }]);
    const list = expectContractShape(z.array(DisbursementSchema), await json(company('/payments/disbursements?per_page=500')));
    expect(list.length).toBeGreaterThan(1);
    const updated = list.map((d) => Date.parse(d.updatedAt));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    for (const d of list) expect(d.amount).toBe(d.payouts.reduce((sum, p) => sum + p.amount, 0));
    const funded = list.find((d) => d.payouts.some((p) => p.metadata.beneficiaryName === 'Contract Drywall'));
    expect(funded?.status).toBe('FUNDING_COMPLETED_AWAITING_PAYOUTS');
    expect(funded?.fundingCompletedAt).toBeTruthy();
    expect(funded?.payouts[0]?.amount).toBe(123_456);
  });

  it('disbursements filtered by status[] and by an updated_at range', async () => {
    const byStatus = expectContractShape(
      z.array(DisbursementSchema),
      await json(company('/payments/disbursements?filters[status][]=FUNDING_NOT_INITIATED&filters[status][]=FUNDING_REQUESTED')),
    );
    expect(byStatus.length).toBeGreaterThan(0);
    for (const d of byStatus) expect(['FUNDING_NOT_INITIATED', 'FUNDING_REQUESTED']).toContain(d.status);

    const all = z.array(DisbursementSchema).parse(await json(company('/payments/disbursements')));
    const newest = all[0]!;
    const range = `${newest.updatedAt}...${new Date(Date.parse(newest.updatedAt) + 1000).toISOString()}`;
    const recent = z.array(DisbursementSchema).parse(await json(company(`/payments/disbursements?filters[updated_at]=${encodeURIComponent(range)}`)));
    expect(recent.map((d) => d.id)).toContain(newest.id);
    for (const d of recent) expect(Date.parse(d.updatedAt)).toBeGreaterThanOrEqual(Date.parse(newest.updatedAt));
    const unknown = await target.api(company('/payments/disbursements?filters[status][]=PAID'));
    expect(unknown.status).toBe(422);
  });

  it('funding accounts, and PATCH of the next check number', async () => {
    const accounts = expectContractShape(z.array(FundingAccountSchema), await json(company('/payments/funding_accounts')));
    const account = accounts[0]!;
    const patched = await target.api(company(`/payments/funding_accounts/${account.id}`), { method: 'PATCH', body: { nextCheckNumber: 20_000 } });
    expect(patched.status).toBe(200);
    expect(expectContractShape(FundingAccountSchema, await patched.json()).nextCheckNumber).toBe(20_000);
    for (const bad of [0, -5, 1.5, '20001']) {
      const refused = await target.api(company(`/payments/funding_accounts/${account.id}`), { method: 'PATCH', body: { nextCheckNumber: bad } });
      expect(refused.status, `nextCheckNumber ${JSON.stringify(bad)}`).toBe(422);
    }
    const after = z.array(FundingAccountSchema).parse(await json(company('/payments/funding_accounts')));
    expect(after.find((a) => a.id === account.id)?.nextCheckNumber).toBe(20_000);
  });

  it('ERP bank accounts with the ERP last check number', async () => {
    const banks = expectContractShape(z.array(ErpBankAccountSchema), await json(company('/erp_integrations/bank_accounts')));
    expect(banks[0]).toMatchObject({ bank_id: 'OPER', active: true });
    expect(banks[0]?.last_check_number).toBeGreaterThan(0);
  });

  it('request details: filters by item_id[], status and item_type; at most 100 ids', async () => {
    const d = await fundedDisbursement([{ vendorSynced: false }, { delayFraction: 5 }]);
    const [quickId, slowId] = d.payouts.map((p) => p.id);
    const mine = expectContractShape(
      z.array(RequestDetailSchema),
      await json(company(`/erp_request_details?filters[item_type]=contract_payment&filters[item_id][]=${quickId}&filters[item_id][]=${slowId}`)),
    );
    expect(mine.map((r) => [r.item_id, r.status]).sort()).toEqual([
      [quickId, 'in_progress'],
      [slowId, 'in_progress'],
    ].sort());
    const onlyFailed = z.array(RequestDetailSchema).parse(await json(company(`/erp_request_details?filters[item_id][]=${slowId}&filters[status]=failed`)));
    expect(onlyFailed).toEqual([]);
    const otherType = z.array(RequestDetailSchema).parse(await json(company('/erp_request_details?filters[item_type]=commitment')));
    expect(otherType).toEqual([]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `filters[item_id][]=po_${i}`).join('&');
    expect((await target.api(company(`/erp_request_details?${tooMany}`))).status).toBe(422);
  });

  it('the corrective export: 202 with an in_progress detail and the new check number on the payout', async () => {
    const d = await fundedDisbursement([{ vendorSynced: false, delayFraction: 0 }]);
    const payoutId = d.payouts[0]!.id;
    const [latest] = z.array(RequestDetailSchema).parse(await json(company(`/erp_request_details?filters[item_id][]=${payoutId}`)));
    expect(latest?.status).toBe('failed');
    const response = await target.api(company(`/erp_integrations/contract_payments/${payoutId}/export`), { method: 'POST', body: { check_number: 31_337, bank_id: 'OPER' } });
    expect(response.status).toBe(202);
    const detail = expectContractShape(RequestDetailSchema, await response.json());
    expect(detail).toMatchObject({ item_id: payoutId, status: 'in_progress', item_type: 'contract_payment' });
    const list = z.array(DisbursementSchema).parse(await json(company('/payments/disbursements?per_page=2000')));
    expect(list.flatMap((x) => x.payouts).find((p) => p.id === payoutId)?.checkNumber).toBe(31_337);
    const again = await target.api(company(`/erp_integrations/contract_payments/${payoutId}/export`), { method: 'POST', body: {} });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ errors: 'Payment record is not in Failed to Export' });
  });

  it('requisitions of a project (v1.1) with erp_status', async () => {
    const list = z.array(DisbursementSchema).parse(await json(company('/payments/disbursements')));
    const projectId = list.flatMap((d) => d.payouts)[0]!.metadata.projectId;
    const requisitions = expectContractShape(z.array(RequisitionSchema), await json(`/rest/v1.1/requisitions?project_id=${projectId}`));
    expect(requisitions.length).toBeGreaterThan(0);
    expect(new Set(requisitions.map((r) => r.erp_status))).toContain('synced');
    const approved = z.array(RequisitionSchema).parse(await json(`/rest/v1.1/requisitions?project_id=${projectId}&filters[status]=approved`));
    for (const r of approved) expect(r.status).toBe('approved');
    expect((await target.api('/rest/v1.1/requisitions')).status).toBe(422);
    expect((await target.api('/rest/v1.1/requisitions?project_id=999999')).status).toBe(404);
  });

  it('a funding-complete disbursement is one the extension treats as started', async () => {
    const d = await fundedDisbursement([{}]);
    expect(isFundingComplete(d.status)).toBe(true);
  });
});
