import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, writeJson, writeText } from '../api/http-io';
import type { SimStore } from '../store';
import { OAuthError, type OAuthServer } from './oauth-server';
import { clearedSessionCookie, sessionCookie, type SessionStore } from './session-store';
import { safeReturnTo, signInPage } from './sign-in-page';

export const SANDBOX_PASSWORD = 'sandbox';

export interface AuthDeps {
  store: () => SimStore;
  sessions: SessionStore;
  oauth: OAuthServer;
}

const html = (res: ServerResponse, status: number, page: string) => writeText(res, status, page, { 'Content-Type': 'text/html; charset=utf-8' });
const redirect = (res: ServerResponse, location: string, headers: Record<string, string> = {}) => {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
};

/** Where a fresh sign-in lands: the Payments tool of the user's first company. */
function landing(store: SimStore, userId: number): string {
  const companyId = store.user(userId)?.companyIds[0];
  return companyId === undefined ? '/' : `/${companyId}/company/payments/disbursements`;
}

/** `/login`, `/logout`, `/oauth/authorize`, `/oauth/token`. Returns false for other paths. */
export async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL, deps: AuthDeps): Promise<boolean> {
  const method = req.method ?? 'GET';
  const store = deps.store();
  const hint = `Sign in as ${store.state.users[0]?.login ?? 'a scenario user'} with the password "${SANDBOX_PASSWORD}".`;
  if (url.pathname === '/login' && method === 'GET') {
    html(res, 200, signInPage({ returnTo: safeReturnTo(url.searchParams.get('return_to')) ?? '', hint }));
    return true;
  }
  if (url.pathname === '/login' && method === 'POST') {
    const body = await readBody(req);
    const returnTo = safeReturnTo(body.return_to);
    const user = typeof body.login === 'string' ? store.userByLogin(body.login.trim()) : undefined;
    if (!user || body.password !== SANDBOX_PASSWORD) {
      html(res, 401, signInPage({ returnTo: returnTo ?? '', error: 'The email or password is not right.', hint }));
      return true;
    }
    redirect(res, returnTo ?? landing(store, user.id), { 'Set-Cookie': sessionCookie(deps.sessions.create(user.id)) });
    return true;
  }
  if (url.pathname === '/logout' && method === 'POST') {
    deps.sessions.end(req);
    redirect(res, '/login', { 'Set-Cookie': clearedSessionCookie });
    return true;
  }
  if (url.pathname === '/oauth/authorize' && method === 'GET') {
    const problem = deps.oauth.checkAuthorize(url.searchParams);
    if (problem) {
      writeJson(res, problem.status, { error: problem.error, error_description: problem.description });
      return true;
    }
    const userId = deps.sessions.userIdOf(req);
    if (userId === undefined || !store.user(userId)) {
      html(res, 200, signInPage({ returnTo: `${url.pathname}${url.search}`, hint }));
      return true;
    }
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const target = new URL(redirectUri);
    target.searchParams.set('code', deps.oauth.issueCode(userId, redirectUri, url.searchParams.get('code_challenge') ?? '', Date.now()));
    const state = url.searchParams.get('state');
    if (state !== null) target.searchParams.set('state', state);
    redirect(res, target.toString());
    return true;
  }
  if (url.pathname === '/oauth/token' && method === 'POST') {
    try {
      writeJson(res, 200, deps.oauth.exchange(await readBody(req), Date.now()));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      writeJson(res, error.status, { error: error.error, error_description: error.description });
    }
    return true;
  }
  return false;
}
