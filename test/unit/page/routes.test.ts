import { describe, expect, it } from 'vitest';
import { pageHint, pageLinks } from '../../../utils/page/routes';

describe('pageHint', () => {
  it.each([
    ['https://app.procore.com/8089/company/payments/disbursements', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://us02.procore.com/8089/company/payments/disbursements/', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://app.procore.com/8089/company/payments/disbursements/0b7c-uuid', { companyId: '8089', tool: 'payments', disbursementId: '0b7c-uuid' }],
    ['https://app.procore.com/8089/company/payments/disbursements/1/change_history', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://app.procore.com/8089/company/payments', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://app.procore.com/8089/company/payments/settings/funding_accounts', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://app.procore.com/8089/company/erp_integrations/payments?view=failed_to_export', { companyId: '8089', tool: 'erp_integrations', disbursementId: null }],
    ['https://app.procore.com/webclients/host/companies/8089/payments/disbursements', { companyId: '8089', tool: 'payments', disbursementId: null }],
    ['https://us02.procore.com/webclients/host/companies/8089/tools/payments/disbursements/a%20b', { companyId: '8089', tool: 'payments', disbursementId: 'a b' }],
    ['http://127.0.0.1:4173/8089/company/erp_integrations?view=synced', { companyId: '8089', tool: 'erp_integrations', disbursementId: null }],
  ])('%s', (href, hint) => {
    expect(pageHint(href)).toEqual(hint);
  });

  it.each(['https://app.procore.com/8089/project/home', 'https://app.procore.com/company/payments', 'https://app.procore.com/8089/company/', 'not a url'])(
    'is null outside a company tool: %s',
    (href) => {
      expect(pageHint(href)).toBeNull();
    },
  );
});

describe('pageLinks', () => {
  it('keeps the shape of the page the user is on', () => {
    expect(pageLinks.fixOnErpIntegrations('https://us02.procore.com/8089/company/payments/disbursements', '8089', 'po 1')).toBe(
      'https://us02.procore.com/8089/company/erp_integrations#esw-fix=po%201',
    );
    expect(pageLinks.disbursement('https://app.procore.com/webclients/host/companies/8089/payments/disbursements', '8089', 'a b')).toBe(
      'https://app.procore.com/webclients/host/companies/8089/payments/disbursements/a%20b',
    );
  });
});
