import { pageLinks } from '../page/routes';
import { procoreOrigins } from '../procore/origins';
import type { Settings } from '../domain/settings';
import type { Watch } from '../domain/watch';

// PROCORE-CONTRACT.md "Origins and authentication": the web app's origin per environment
// (settings keep it in `apiOrigin`; OAuth calls derive the API origin from the environment).
const APP_ORIGINS: Record<Exclude<Settings['environment'], 'custom'>, string> = {
  production: 'https://app.procore.com',
  production_us02: 'https://us02.procore.com',
  developer_sandbox: 'https://sandbox.procore.com',
  monthly_sandbox: 'https://api-sandbox-monthly.procore.com',
};

type LinkSettings = Pick<Settings, 'environment' | 'apiOrigin'>;

/** The `apiOrigin` setting for an environment; a custom origin stays as typed. */
export function originForEnvironment(environment: Settings['environment'], customOrigin: string): string {
  return environment === 'custom' ? customOrigin : APP_ORIGINS[environment];
}

/** Where a signed-out user signs in to Procore (the local sandbox serves `/login`). */
export function signInUrl(settings: LinkSettings): string {
  const origins = procoreOrigins(settings);
  return settings.environment === 'custom' ? `${origins.app}/login` : `${origins.login}/`;
}

/**
 * The Procore page for a watch: ERP Integrations with its fix ready for records that failed (the
 * fix is made there), the disbursement otherwise.
 */
export function watchUrl(watch: Watch, settings: LinkSettings): string {
  const app = `${procoreOrigins(settings).app}/`;
  if (watch.state === 'failed' || watch.state === 'escalate') return pageLinks.fixOnErpIntegrations(app, watch.companyId, watch.payoutId);
  return pageLinks.disbursement(app, watch.companyId, watch.disbursementId);
}
