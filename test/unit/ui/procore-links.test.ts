import { describe, expect, it } from 'vitest';
import { originForEnvironment, signInUrl, watchUrl } from '../../../utils/view/procore-links';
import { makeWatch } from '../fixtures/make-watch';

const production = { environment: 'production' as const, apiOrigin: 'https://app.procore.com' };
const local = { environment: 'custom' as const, apiOrigin: 'http://127.0.0.1:4010' };

describe('links to Procore', () => {
  it('opens failed records on ERP Integrations with their fix ready, and others on their disbursement', () => {
    const escalated = makeWatch({ state: 'escalate' });
    expect(watchUrl(escalated, production)).toBe(`https://app.procore.com/8089/company/erp_integrations#esw-fix=${encodeURIComponent(escalated.payoutId)}`);
    expect(watchUrl(makeWatch({ state: 'syncing', disbursementId: '0b7c/x' }), local)).toBe('http://127.0.0.1:4010/8089/company/payments/disbursements/0b7c%2Fx');
  });

  it('signs in where each environment signs in', () => {
    expect(signInUrl(production)).toBe('https://login.procore.com/');
    expect(signInUrl({ environment: 'monthly_sandbox', apiOrigin: 'https://api-sandbox-monthly.procore.com' })).toBe('https://login-sandbox-monthly.procore.com/');
    expect(signInUrl(local)).toBe('http://127.0.0.1:4010/login');
  });

  it('sets the web app origin for a known environment and keeps a custom one', () => {
    expect(originForEnvironment('developer_sandbox', 'http://x')).toBe('https://sandbox.procore.com');
    expect(originForEnvironment('custom', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
  });
});
