import type { Settings } from '../domain/settings';
import type { Watch } from '../domain/watch';

// PROCORE-CONTRACT.md "Origins and authentication": where people use Procore and sign in.
const APP_ORIGINS = {
  production: 'https://app.procore.com',
  developer_sandbox: 'https://sandbox.procore.com',
  monthly_sandbox: 'https://api-sandbox-monthly.procore.com',
} as const;
const API_ORIGINS = {
  production: 'https://api.procore.com',
  developer_sandbox: 'https://sandbox.procore.com',
  monthly_sandbox: 'https://api-monthly.procore.com',
} as const;
const SIGN_IN_URLS = {
  production: 'https://login.procore.com/',
  developer_sandbox: 'https://login-sandbox.procore.com/',
  monthly_sandbox: 'https://login-sandbox-monthly.procore.com/',
} as const;

type LinkSettings = Pick<Settings, 'environment' | 'apiOrigin' | 'authMode'>;

/** The origin API requests go to for an environment and way of signing in. */
export function apiOriginFor(environment: Settings['environment'], authMode: Settings['authMode'], customOrigin: string): string {
  if (environment === 'custom') return customOrigin;
  return authMode === 'oauth' ? API_ORIGINS[environment] : APP_ORIGINS[environment];
}

/** The origin of Procore's web app, where records are opened. */
export function appOrigin(settings: LinkSettings): string {
  return settings.environment === 'custom' ? new URL(settings.apiOrigin).origin : APP_ORIGINS[settings.environment];
}

/** Where a signed-out user signs in to Procore (the local sandbox serves `/login`). */
export function signInUrl(settings: LinkSettings): string {
  return settings.environment === 'custom' ? `${appOrigin(settings)}/login` : SIGN_IN_URLS[settings.environment];
}

/**
 * The Procore page for a watch: the ERP Integrations 'Failed to Export' view for records that
 * failed (the fix is made there), the disbursement otherwise.
 */
export function watchUrl(watch: Watch, settings: LinkSettings): string {
  const company = encodeURIComponent(watch.companyId);
  const base = `${appOrigin(settings)}/${company}/company`;
  if (watch.state === 'failed' || watch.state === 'escalate') return `${base}/erp_integrations/payments?view=failed_to_export`;
  return `${base}/payments/disbursements/${encodeURIComponent(watch.disbursementId)}`;
}
