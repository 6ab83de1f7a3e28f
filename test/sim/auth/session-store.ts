import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = '_procore_session';

/** Signed-in browser sessions: the `_procore_session` cookie's value names a user. */
export class SessionStore {
  private readonly sessions = new Map<string, number>();

  create(userId: number): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, userId);
    return token;
  }

  userIdOf(req: IncomingMessage): number | undefined {
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
