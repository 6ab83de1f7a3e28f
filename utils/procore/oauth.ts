import { browser } from 'wxt/browser';
import * as z from '../schema/z';
import type { Auth } from './auth';
import { endpoints } from './endpoints';
import { ProcoreError } from './procore-error';
import { challengeOf, createVerifier, randomState } from './pkce';

const TOKENS_KEY = 'oauthTokens';
const SECRET_KEY = 'oauthClientSecret';

const TokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string()),
  expires_in: z._default(z.number().check(z.positive()), 5400),
});

const StoredTokensSchema = z.object({ accessToken: z.string(), refreshToken: z.nullable(z.string()), expiresAt: z.number() });
type StoredTokens = z.infer<typeof StoredTokensSchema>;

export interface OAuthConfig {
  loginOrigin: string;
  clientId: string;
  now?: () => number;
  fetch?: typeof fetch;
}

// Tokens live in storage.local, which only extension contexts can read; the background never
// sends them to a page or content script.
async function readTokens(): Promise<StoredTokens | null> {
  const stored = await browser.storage.local.get(TOKENS_KEY);
  const parsed = StoredTokensSchema.safeParse(stored[TOKENS_KEY]);
  return parsed.success ? parsed.data : null;
}

async function writeTokens(tokens: StoredTokens | null): Promise<void> {
  if (tokens) await browser.storage.local.set({ [TOKENS_KEY]: tokens });
  else await browser.storage.local.remove(TOKENS_KEY);
}

async function clientSecret(): Promise<string | null> {
  const stored = await browser.storage.local.get(SECRET_KEY);
  const secret = stored[SECRET_KEY];
  return typeof secret === 'string' && secret ? secret : null;
}

/** Stores the OAuth client secret (an empty one removes it); says whether one is stored now. */
export async function setClientSecret(secret: string): Promise<boolean> {
  const trimmed = secret.trim();
  if (trimmed) await browser.storage.local.set({ [SECRET_KEY]: trimmed });
  else await browser.storage.local.remove(SECRET_KEY);
  return Boolean(trimmed);
}

export async function hasClientSecret(): Promise<boolean> {
  return (await clientSecret()) !== null;
}

async function tokenRequest(config: OAuthConfig, params: Record<string, string>, signal?: AbortSignal): Promise<StoredTokens> {
  const secret = await clientSecret();
  const body = new URLSearchParams({ client_id: config.clientId, ...params, ...(secret ? { client_secret: secret } : {}) });
  const response = await (config.fetch ?? fetch)(new URL(endpoints.oauthToken(), config.loginOrigin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
    signal,
  });
  const json: unknown = await response.json().catch(() => null);
  const parsed = TokenResponseSchema.safeParse(json);
  if (!response.ok || !parsed.success) {
    throw new ProcoreError('signed_out', `Procore's sign-in server refused the token request (HTTP ${response.status}).`, response.status);
  }
  const now = (config.now ?? Date.now)();
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? params.refresh_token ?? null,
    // Refresh a minute early so a request never leaves with a token about to die.
    expiresAt: now + parsed.data.expires_in * 1000 - 60_000,
  };
}

/** Authorization-code grant with PKCE through the browser's own sign-in window. */
export async function signInWithOAuth(config: OAuthConfig): Promise<void> {
  if (!config.clientId) throw new Error('Enter the OAuth client id of your Procore app in the options first.');
  const verifier = createVerifier();
  const state = randomState();
  const redirectUri = browser.identity.getRedirectURL();
  const authorize = new URL(endpoints.oauthAuthorize(), config.loginOrigin);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    state,
  }).toString();
  const redirected = await browser.identity.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
  if (!redirected) throw new Error('The Procore sign-in window closed without signing in.');
  const params = new URL(redirected).searchParams;
  if (params.get('state') !== state) throw new Error('The sign-in answer did not match the request; try again.');
  const code = params.get('code');
  if (!code) throw new Error(`Procore did not sign you in: ${params.get('error_description') ?? params.get('error') ?? 'no code returned'}.`);
  await writeTokens(await tokenRequest(config, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }));
}

/** Bearer auth from stored tokens, refreshed with `grant_type=refresh_token` when due. */
export function oauthAuth(config: OAuthConfig): Auth {
  const now = config.now ?? Date.now;
  const refreshOnce = async (): Promise<boolean> => {
    const tokens = await readTokens();
    if (!tokens?.refreshToken) return false;
    try {
      await writeTokens(await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }));
      return true;
    } catch {
      await writeTokens(null);
      return false;
    }
  };
  // Refresh tokens are single-use (PROCORE-CONTRACT.md): one refresh in flight at a time, every
  // caller waits for it. It is not cancelled with one caller's signal, since others wait on it.
  let inFlight: Promise<boolean> | null = null;
  const refresh = (signal?: AbortSignal): Promise<boolean> => {
    inFlight ??= refreshOnce().finally(() => {
      inFlight = null;
    });
    if (!signal) return inFlight;
    return Promise.race([inFlight, new Promise<boolean>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
  };
  return {
    mode: 'oauth',
    async headers(signal) {
      let tokens = await readTokens();
      if (tokens && tokens.expiresAt <= now() && (await refresh(signal))) tokens = await readTokens();
      if (!tokens || tokens.expiresAt <= now()) return null;
      return { Authorization: `Bearer ${tokens.accessToken}` };
    },
    refresh,
  };
}
