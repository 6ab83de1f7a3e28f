import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MeSchema } from './contract-schemas';
import { contractTarget } from './contract-target';

const target = contractTarget();
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/procore';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(challenge: string, cookie: string | null = target.cookie): Promise<Response> {
  const q = new URLSearchParams({ response_type: 'code', client_id: 'sandbox-client', redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz' });
  return fetch(`${target.origin}/oauth/authorize?${q}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
}

async function token(body: Record<string, string>): Promise<Response> {
  return fetch(`${target.origin}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
}

const bearer = (accessToken: string) => ({ cookie: null, headers: { Authorization: `Bearer ${accessToken}` } });

describe('session sign-in', () => {
  it('GET /login is a form; POST /login sets an HttpOnly SameSite=Lax _procore_session and redirects to Payments', async () => {
    const form = await fetch(`${target.origin}/login`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="login"');
    expect(html).toContain('name="password"');
    const wrong = await fetch(`${target.origin}/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'login=ap%40builder.com&password=nope', redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const ok = await fetch(`${target.origin}/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'login=ap%40builder.com&password=sandbox', redirect: 'manual' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(`/${target.companyId}/company/payments/disbursements`);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^_procore_session=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const session = cookie.split(';')[0]!;
    expect((await target.api('/rest/v1.0/me', { cookie: session })).status).toBe(200);
    const out = await fetch(`${target.origin}/logout`, { method: 'POST', headers: { Cookie: session }, redirect: 'manual' });
    expect(out.status).toBe(302);
    expect((await target.api('/rest/v1.0/me', { cookie: session })).status).toBe(401);
  });

  it('return_to only goes back within the sandbox', async () => {
    const post = (returnTo: string) =>
      fetch(`${target.origin}/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login: 'ap@builder.com', password: 'sandbox', return_to: returnTo }).toString(), redirect: 'manual' });
    expect((await post('/8089/company/erp_integrations/contract_payments?view=failed_to_export')).headers.get('location')).toBe('/8089/company/erp_integrations/contract_payments?view=failed_to_export');
    expect((await post('//evil.example/')).headers.get('location')).toBe('/8089/company/payments/disbursements');
    expect((await post('https://evil.example/')).headers.get('location')).toBe('/8089/company/payments/disbursements');
  });
});

describe('OAuth with PKCE', () => {
  it('authorize → code → token → API; refresh rotates; an expired token is 401', async () => {
    const { verifier, challenge } = pkce();
    const auth = await authorize(challenge);
    expect(auth.status).toBe(302);
    const redirected = new URL(auth.headers.get('location') ?? '');
    expect(`${redirected.origin}${redirected.pathname}`).toBe(REDIRECT);
    expect(redirected.searchParams.get('state')).toBe('xyz');
    const code = redirected.searchParams.get('code') ?? '';

    const wrongVerifier = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'sandbox-client', code_verifier: pkce().verifier });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });

    const { verifier: v2, challenge: c2 } = pkce();
    const code2 = new URL((await authorize(c2)).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const granted = await token({ grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT, client_id: 'sandbox-client', code_verifier: v2 });
    expect(granted.status).toBe(200);
    const tokens = (await granted.json()) as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 5400 });
    const me = await target.api('/rest/v1.0/me', bearer(tokens.access_token));
    expect(me.status).toBe(200);
    expect(MeSchema.parse(await me.json()).login).toBe('ap@builder.com');
    expect((await token({ grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT, client_id: 'sandbox-client', code_verifier: v2 })).status).toBe(400);
    expect(verifier).not.toBe(v2);

    await target.control('POST', '/oauth/expire');
    const expired = await target.api('/rest/v1.0/me', bearer(tokens.access_token));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ errors: 'The access token expired' });

    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'sandbox-client' });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string };
    expect((await target.api('/rest/v1.0/me', bearer(next.access_token))).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(400);
  });

  it('authorize refuses an unknown client, a redirect that is not chromiumapp.org, and a missing PKCE challenge', async () => {
    const base = { response_type: 'code', client_id: 'sandbox-client', redirect_uri: REDIRECT, code_challenge: pkce().challenge, code_challenge_method: 'S256' };
    for (const change of [{ client_id: 'other' }, { redirect_uri: 'https://evil.example/cb' }, { code_challenge: '' }, { code_challenge_method: 'plain' }]) {
      const q = new URLSearchParams({ ...base, ...change });
      const response = await fetch(`${target.origin}/oauth/authorize?${q}`, { headers: { Cookie: target.cookie }, redirect: 'manual' });
      expect(response.status, JSON.stringify(change)).toBe(400);
    }
  });

  it('without a session, authorize shows the sign-in form that comes back to it', async () => {
    const response = await authorize(pkce().challenge, null);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="return_to" value="/oauth/authorize?');
  });
});
