import { describe, expect, it } from 'vitest';
import { pageLinks, parseRoute } from '../../../utils/page/routes';

describe('parseRoute', () => {
  it.each([
    ['https://app.procore.com/8089/company/payments/disbursements', { kind: 'disbursements', companyId: '8089' }],
    ['https://us02.procore.com/8089/company/payments/disbursements/', { kind: 'disbursements', companyId: '8089' }],
    ['https://app.procore.com/8089/company/payments/disbursements/0b7c-uuid', { kind: 'disbursement', companyId: '8089', disbursementId: '0b7c-uuid' }],
    ['https://app.procore.com/8089/company/payments', { kind: 'invoices', companyId: '8089' }],
    ['https://app.procore.com/8089/company/payments/invoices?page=2', { kind: 'invoices', companyId: '8089' }],
    ['https://app.procore.com/8089/company/payments/settings/funding_accounts', { kind: 'funding_accounts', companyId: '8089' }],
    [
      'https://app.procore.com/8089/company/erp_integrations/payments?view=failed_to_export',
      { kind: 'erp_payments', companyId: '8089', view: 'failed_to_export' },
    ],
    ['https://app.procore.com/webclients/host/companies/8089/payments/disbursements', { kind: 'disbursements', companyId: '8089' }],
    ['https://us02.procore.com/webclients/host/companies/8089/tools/payments/disbursements/42', { kind: 'disbursement', companyId: '8089', disbursementId: '42' }],
    ['http://127.0.0.1:4173/8089/company/erp_integrations?view=synced', { kind: 'erp_payments', companyId: '8089', view: 'synced' }],
  ])('%s', (href, route) => {
    expect(parseRoute(href)).toEqual(route);
  });

  it.each([
    'https://app.procore.com/8089/company/erp_integrations/job_costs',
    'https://app.procore.com/8089/company/payments/disbursements/1/change_history',
    'https://app.procore.com/8089/project/home',
    'https://app.procore.com/company/payments',
    'not a url',
  ])('is null for pages without overlays: %s', (href) => {
    expect(parseRoute(href)).toBeNull();
  });
});

describe('pageLinks', () => {
  it('keeps the shape of the page the user is on', () => {
    expect(pageLinks.failedToExport('https://us02.procore.com/8089/company/payments/disbursements', '8089')).toBe(
      'https://us02.procore.com/8089/company/erp_integrations/payments?view=failed_to_export',
    );
    expect(pageLinks.disbursement('https://app.procore.com/webclients/host/companies/8089/payments/disbursements', '8089', 'a b')).toBe(
      'https://app.procore.com/webclients/host/companies/8089/payments/disbursements/a%20b',
    );
  });
});
