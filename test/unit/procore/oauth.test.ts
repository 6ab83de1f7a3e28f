import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oauthAuth, signInWithOAuth } from '../../../utils/procore/oauth';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import type { Sim } from '../../sim/server';
import { sessionCookieFor, simControl, startTestSim } from '../../sim/testing';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

/** The browser's sign-in window: the signed-in user's browser follows the authorize URL. */
async function fakeIdentity(origin: string): Promise<string[]> {
  const cookie = await sessionCookieFor(origin);
  const asked: string[] = [];
  Object.assign(fakeBrowser.identity, {
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: async ({ url }: { url: string }) => {
      asked.push(url);
      const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' });
      return response.headers.get('Location') ?? undefined;
    },
  });
  return asked;
}

describe('OAuth (authorization code + PKCE through browser.identity)', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('signs in, calls the API with a bearer token, and refreshes it when it expires', async () => {
    sim = await startTestSim();
    const asked = await fakeIdentity(sim.origin);
    const config = { loginOrigin: sim.origin, clientId: 'sandbox-client' };
    await signInWithOAuth(config);
    const authorize = new URL(asked[0]!);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);

    const auth = oauthAuth(config);
    const first = await auth.headers();
    expect(first?.Authorization).toMatch(/^Bearer .+/);
    const sentCookies: (string | null)[] = [];
    const client = new ProcoreClient(
      new ProcoreHttp({
        origin: sim.origin,
        auth,
        governor: new RateGovernor(),
        fetch: async (input, init) => {
          sentCookies.push(new Headers(init?.headers).get('Cookie'));
          expect(init?.credentials).toBe('omit');
          return fetch(input, init);
        },
      }),
    );
    expect((await client.me()).login).toBe('ap@builder.com');

    await simControl(sim.origin, 'POST', '/oauth/expire');
    expect((await client.me()).login).toBe('ap@builder.com');
    expect((await auth.headers())?.Authorization).not.toBe(first?.Authorization);
    expect(sentCookies.every((c) => c === null)).toBe(true);
  });

  it('refuses a sign-in answer whose state does not match, and asks for a client id first', async () => {
    sim = await startTestSim();
    Object.assign(fakeBrowser.identity, { getRedirectURL: () => REDIRECT, launchWebAuthFlow: async () => `${REDIRECT}?code=stolen&state=other` });
    await expect(signInWithOAuth({ loginOrigin: sim.origin, clientId: 'sandbox-client' })).rejects.toThrow(/did not match/);
    await expect(signInWithOAuth({ loginOrigin: sim.origin, clientId: '' })).rejects.toThrow(/client id/);
    expect(await oauthAuth({ loginOrigin: sim.origin, clientId: 'sandbox-client' }).headers()).toBeNull();
  });
});
