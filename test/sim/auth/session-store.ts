import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = '_procore_session';

interface Session {
  userId: number;
  /** Rails' authenticity token: the pages carry it in `<meta name="csrf-token">`. */
  csrfToken: string;
  /** A message for the next page this session loads (Rails' flash). */
  flash: { tone: 'success' | 'error'; text: string } | null;
}

/** Signed-in browser sessions: the `_procore_session` cookie's value names a user. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(userId: number): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { userId, csrfToken: randomBytes(32).toString('base64url'), flash: null });
    return token;
  }

  userIdOf(req: IncomingMessage): number | undefined {
    return this.sessionOf(req)?.userId;
  }

  /** The session's CSRF token (undefined when signed out). */
  csrfTokenOf(req: IncomingMessage): string | undefined {
    return this.sessionOf(req)?.csrfToken;
  }

  /** A write from a page must carry the session's token; a bearer or signed-out request has none. */
  csrfValid(req: IncomingMessage, presented: unknown): boolean {
    const expected = this.csrfTokenOf(req);
    return expected !== undefined && typeof presented === 'string' && presented === expected;
  }

  setFlash(req: IncomingMessage, flash: Session['flash']): void {
    const session = this.sessionOf(req);
    if (session) session.flash = flash;
  }

  takeFlash(req: IncomingMessage): Session['flash'] {
    const session = this.sessionOf(req);
    const flash = session?.flash ?? null;
    if (session) session.flash = null;
    return flash;
  }

  private sessionOf(req: IncomingMessage): Session | undefined {
    const token = readCookie(req, SESSION_COOKIE);
    return token === undefined ? undefined : this.sessions.get(token);
  }

  end(req: IncomingMessage): void {
    const token = readCookie(req, SESSION_COOKIE);
    if (token !== undefined) this.sessions.delete(token);
  }
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
