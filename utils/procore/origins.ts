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
  production_us02: { api: 'https://api.procore.com', login: 'https://login.procore.com' },
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
export function requestOrigin(settings: Pick<Settings, 'environment' | 'apiOrigin' | 'authMode'>, reportedTabOrigin?: string | null): string {
  const origins = procoreOrigins(settings);
  return settings.authMode === 'oauth' ? origins.api : sessionOrigin(settings, reportedTabOrigin);
}

// The web app origins of each environment (PROCORE-CONTRACT.md: US01 and US02 share the API).
const APP_ORIGINS_OF: Record<Exclude<Settings['environment'], 'custom'>, readonly string[]> = {
  production: ['https://app.procore.com', 'https://us02.procore.com'],
  production_us02: ['https://app.procore.com', 'https://us02.procore.com'],
  developer_sandbox: ['https://sandbox.procore.com'],
  monthly_sandbox: ['https://api-sandbox-monthly.procore.com'],
};

/**
 * Where session calls go: the origin of the Procore tab the user works in (reported by the
 * content scripts) when it belongs to the configured environment, else the configured app origin.
 * A custom origin (the local sandbox) accepts its loopback twin (127.0.0.1 and localhost).
 */
export function sessionOrigin(settings: Pick<Settings, 'environment' | 'apiOrigin'>, reported: string | null | undefined): string {
  const app = procoreOrigins(settings).app;
  if (!reported || !URL.canParse(reported)) return app;
  const origin = new URL(reported).origin;
  if (settings.environment !== 'custom') return APP_ORIGINS_OF[settings.environment].includes(origin) ? origin : app;
  const loopback = (host: string) => host === '127.0.0.1' || host === 'localhost';
  const a = new URL(app);
  const r = new URL(origin);
  const same = origin === app || (loopback(a.hostname) && loopback(r.hostname) && a.port === r.port && a.protocol === r.protocol);
  return same ? origin : app;
}
