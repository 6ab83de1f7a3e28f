import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oauthAuth } from '../../../utils/procore/oauth';

describe('OAuth refresh (refresh tokens are single-use)', () => {
  it('sends one refresh for callers that need it at the same time, and every caller gets the new token', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ oauthTokens: { accessToken: 'old', refreshToken: 'r1', expiresAt: 0 } });
    const used: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const auth = oauthAuth({
      loginOrigin: 'https://login.procore.com',
      clientId: 'c',
      now: () => 1_000_000,
      fetch: async (_url, init) => {
        const token = new URLSearchParams(String(init?.body)).get('refresh_token')!;
        used.push(token);
        await gate;
        // A used refresh token is refused, as Procore does.
        if (used.filter((t) => t === token).length > 1) return new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 });
        return new Response(JSON.stringify({ access_token: 'new', refresh_token: 'r2', expires_in: 5400 }), { status: 200 });
      },
    });
    const callers = [auth.headers(), auth.headers(), auth.refresh(), auth.headers()];
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const results = await Promise.all(callers);
    expect(used).toEqual(['r1']);
    expect(results).toEqual([{ Authorization: 'Bearer new' }, { Authorization: 'Bearer new' }, true, { Authorization: 'Bearer new' }]);
  });
});
