import type { Settings } from '../domain/settings';

export interface ProcoreOrigins {
  /** Where session-cookie requests go (the Procore web app's origin). */
  app: string;
  /** Where bearer-token requests go. */
  api: string;
  /** The OAuth server. */
  login: string;
}

const KNOWN: Record<Exclude<Settings['environment'], 'custom'>, { api: string; login: string }> = {
  production: { api: 'https://api.procore.com', login: 'https://login.procore.com' },
  developer_sandbox: { api: 'https://sandbox.procore.com', login: 'https://login-sandbox.procore.com' },
  monthly_sandbox: { api: 'https://api-monthly.procore.com', login: 'https://login-sandbox-monthly.procore.com' },
};

/** The origins of PROCORE-CONTRACT.md's table; a custom origin (the local sandbox) serves all three. */
export function procoreOrigins(settings: Pick<Settings, 'environment' | 'apiOrigin'>): ProcoreOrigins {
  const app = new URL(settings.apiOrigin).origin;
  if (settings.environment === 'custom') return { app, api: app, login: app };
  return { app, ...KNOWN[settings.environment] };
}

/** The origin API calls go to for the chosen way in. */
export function requestOrigin(settings: Pick<Settings, 'environment' | 'apiOrigin' | 'authMode'>): string {
  const origins = procoreOrigins(settings);
  return settings.authMode === 'oauth' ? origins.api : origins.app;
}
