import type { BrowserContext } from 'playwright-core';
import type { LedgerRecord, LedgerViolation } from './erp-ledger';
import { startSim, type Sim, type SimOptions } from './server';
import type { SimVariant } from './variant';

/**
 * Helpers for tests that run against the sandbox. A test sim listens on a free port, starts
 * from the small `basic` scenario, and has a 60-second window unless told otherwise.
 */
export function startTestSim(options: SimOptions = {}): Promise<Sim> {
  return startSim({ port: 0, scenario: 'basic', windowMs: 60_000, ...options });
}

/**
 * Signs a Playwright browser context in: `POST /__sim/session` through `context.request`, which
 * shares the context's cookie jar, so pages and the extension's service worker (fetch with
 * `credentials: 'include'`) send `_procore_session` from then on.
 */
export async function signInContext(context: BrowserContext, origin: string, login?: string): Promise<{ id: number; login: string; name: string }> {
  const response = await context.request.post(`${origin}/__sim/session`, { data: login === undefined ? {} : { login } });
  if (!response.ok()) throw new Error(`Sandbox sign-in failed: HTTP ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: number; login: string; name: string } };
  return body.user;
}

/** The ERP's records and any double-export violations. */
export async function ledger(origin: string): Promise<{ records: LedgerRecord[]; violations: LedgerViolation[] }> {
  const response = await fetch(`${origin}/__sim/ledger`);
  if (!response.ok) throw new Error(`Sandbox ledger: HTTP ${response.status}`);
  return (await response.json()) as { records: LedgerRecord[]; violations: LedgerViolation[] };
}

/** A `/__sim/...` control call; throws with the sandbox's answer when it refuses. */
export async function simControl<T = unknown>(origin: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/__sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Sandbox ${method} /__sim${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A session cookie header for Node-side requests (contract tests, scripts). */
export async function sessionCookieFor(origin: string, login?: string): Promise<string> {
  const response = await fetch(`${origin}/__sim/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(login === undefined ? {} : { login }),
  });
  if (!response.ok) throw new Error(`Sandbox session: HTTP ${response.status}`);
  const body = (await response.json()) as { cookie: { name: string; value: string } };
  return `${body.cookie.name}=${body.cookie.value}`;
}

/**
 * The running sandbox's internal endpoints (`--variant`), as `/__sim/variant` tells them: for
 * tests of the sandbox itself. The extension must learn them from the pages instead.
 */
export function internalEndpointsOf(origin: string): Promise<SimVariant> {
  return simControl<SimVariant>(origin, 'GET', '/variant');
}

/** The CSRF token a page of the sandbox carries for this session (`<meta name="csrf-token">`). */
export async function csrfTokenFor(origin: string, cookie: string, companyId = 8089): Promise<string> {
  const response = await fetch(`${origin}/${companyId}/company/home`, { headers: { Cookie: cookie }, redirect: 'manual' });
  const token = /<meta name="csrf-token" content="([^"]*)">/.exec(await response.text())?.[1];
  if (!token) throw new Error(`No csrf-token meta on the page (HTTP ${response.status})`);
  return token;
}
