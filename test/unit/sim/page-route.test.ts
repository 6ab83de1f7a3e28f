import { describe, expect, it } from 'vitest';
import { erpExportFormPath, pagePath, parseErpExportForm, parsePageRoute } from '../../sim/pages/page-route';

describe('the sandbox pages\' URL shapes', () => {
  it('reads every page of the contract, in both URL shapes', () => {
    expect(parsePageRoute('/8089/company/payments/disbursements')).toEqual({ kind: 'disbursements', companyId: '8089', base: '/8089/company' });
    expect(parsePageRoute('/8089/company/payments')).toMatchObject({ kind: 'invoices' });
    expect(parsePageRoute('/8089/company/payments/invoices/')).toMatchObject({ kind: 'invoices' });
    expect(parsePageRoute('/8089/company/payments/disbursements/0b7c-1')).toMatchObject({ kind: 'disbursement', disbursementId: '0b7c-1' });
    expect(parsePageRoute('/8089/company/payments/settings/funding_accounts')).toMatchObject({ kind: 'funding_accounts' });
    expect(parsePageRoute('/8089/company/erp_integrations/contract_payments', '?view=failed_to_export')).toMatchObject({ kind: 'erp_payments', view: 'failed_to_export' });
    expect(parsePageRoute('/8089/company/erp_integrations', '?view=bogus')).toMatchObject({ kind: 'erp_payments', view: 'ready_to_export' });
    expect(parsePageRoute('/8089/company/home')).toMatchObject({ kind: 'home' });
    expect(parsePageRoute('/8089/company')).toMatchObject({ kind: 'home' });
    expect(parsePageRoute('/webclients/host/companies/8089/tools/payments/disbursements')).toEqual({
      kind: 'disbursements',
      companyId: '8089',
      base: '/webclients/host/companies/8089/tools',
    });
    expect(parsePageRoute('/webclients/host/companies/8089/erp_integrations/contract_payments')).toMatchObject({ kind: 'erp_payments', base: '/webclients/host/companies/8089' });
  });

  it('matches nothing else', () => {
    for (const path of ['/', '/login', '/8089/company/payments/disbursements/a/b', '/abc/company/payments', '/8089/project/payments', '/8089/company/erp_integrations/job_costs']) {
      expect(parsePageRoute(path)).toBeNull();
    }
  });

  it('builds links in the shape the user arrived with', () => {
    const route = parsePageRoute('/webclients/host/companies/8089/payments/disbursements')!;
    expect(pagePath({ ...route, kind: 'disbursement', disbursementId: 'x y' })).toBe('/webclients/host/companies/8089/payments/disbursements/x%20y');
    expect(pagePath({ kind: 'erp_payments', companyId: '1', base: '/1/company', view: 'synced' })).toBe('/1/company/erp_integrations/contract_payments?view=synced');
  });

  it('reads the ERP tab’s Export form action in both shapes', () => {
    expect(parseErpExportForm(erpExportFormPath('/8089/company', '9007199254740993'))).toEqual({ companyId: '8089', base: '/8089/company', contractPaymentId: '9007199254740993' });
    expect(parseErpExportForm('/webclients/host/companies/8089/tools/erp_integrations/contract_payments/5/export')).toMatchObject({ companyId: '8089', contractPaymentId: '5' });
    expect(parseErpExportForm('/8089/company/erp_integrations/contract_payments/abc/export')).toBeNull();
  });
});
