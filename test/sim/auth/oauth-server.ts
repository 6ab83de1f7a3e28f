import { createHash, randomBytes } from 'node:crypto';

export const OAUTH_CLIENT_ID = 'sandbox-client';
export const ACCESS_TOKEN_LIFETIME_S = 5400;
const CODE_LIFETIME_MS = 10 * 60_000;

interface PendingCode {
  userId: number;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

interface AccessToken {
  userId: number;
  expiresAt: number;
}

/** An OAuth error in RFC 6749's shape (`{error, error_description}`), not Procore's REST body. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Only a Chromium extension's identity redirect (https://<id>.chromiumapp.org/...) is registered. */
export function isAllowedRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' && /^[a-z0-9-]+\.chromiumapp\.org$/.test(url.hostname);
  } catch {
    return false;
  }
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const token = () => randomBytes(24).toString('base64url');

/** Authorization codes with PKCE (S256), access tokens that expire, refresh tokens that rotate. */
export class OAuthServer {
  private readonly codes = new Map<string, PendingCode>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, number>();

  constructor(private readonly lifetimeSeconds = ACCESS_TOKEN_LIFETIME_S) {}

  /** Validates an authorize request; returns the error to redirect with, or null. */
  checkAuthorize(q: URLSearchParams): OAuthError | null {
    if (q.get('client_id') !== OAUTH_CLIENT_ID) return new OAuthError(400, 'invalid_client', 'Unknown client_id');
    if (!isAllowedRedirect(q.get('redirect_uri') ?? '')) return new OAuthError(400, 'invalid_request', 'redirect_uri is not registered');
    if (q.get('response_type') !== 'code') return new OAuthError(400, 'unsupported_response_type', 'response_type must be code');
    if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256') return new OAuthError(400, 'invalid_request', 'PKCE code_challenge with code_challenge_method=S256 is required');
    return null;
  }

  issueCode(userId: number, redirectUri: string, challenge: string, now: number): string {
    const code = token();
    this.codes.set(code, { userId, redirectUri, challenge, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  exchange(body: Record<string, unknown>, now: number) {
    const grant = body.grant_type;
    if (body.client_id !== undefined && body.client_id !== OAUTH_CLIENT_ID) throw new OAuthError(401, 'invalid_client', 'Unknown client_id');
    if (grant === 'authorization_code') {
      const code = this.codes.get(String(body.code ?? ''));
      if (!code || code.expiresAt < now) throw new OAuthError(400, 'invalid_grant', 'The authorization code is invalid or expired');
      this.codes.delete(String(body.code));
      if (body.redirect_uri !== code.redirectUri) throw new OAuthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      if (typeof body.code_verifier !== 'string' || s256(body.code_verifier) !== code.challenge) {
        throw new OAuthError(400, 'invalid_grant', 'PKCE verification failed');
      }
      return this.grant(code.userId, now);
    }
    if (grant === 'refresh_token') {
      const userId = this.refresh.get(String(body.refresh_token ?? ''));
      if (userId === undefined) throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid or was already used');
      this.refresh.delete(String(body.refresh_token));
      return this.grant(userId, now);
    }
    throw new OAuthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }

  /** The user of a bearer token, 'expired', or undefined when unknown. */
  userIdOf(accessToken: string, now: number): number | 'expired' | undefined {
    const t = this.access.get(accessToken);
    if (!t) return undefined;
    return t.expiresAt <= now ? 'expired' : t.userId;
  }

  /** Tests: every access token expires now. */
  expireAll(now: number): void {
    for (const t of this.access.values()) t.expiresAt = now;
  }

  private grant(userId: number, now: number) {
    const accessToken = token();
    const refreshToken = token();
    this.access.set(accessToken, { userId, expiresAt: now + this.lifetimeSeconds * 1000 });
    this.refresh.set(refreshToken, userId);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.lifetimeSeconds,
      refresh_token: refreshToken,
      created_at: Math.floor(now / 1000),
    };
  }
}
