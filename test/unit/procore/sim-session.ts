import { sessionCookieFor } from '../../sim/testing';

/**
 * Node's fetch keeps no cookies: this one sends the sim session cookie the browser would send
 * with `credentials: 'include'`, and counts what it sends by answer status.
 */
export async function sessionFetch(origin: string, login?: string): Promise<typeof fetch & { statuses: number[] }> {
  const cookie = await sessionCookieFor(origin, login);
  const statuses: number[] = [];
  const wrapped = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    statuses.push(response.status);
    return response;
  };
  return Object.assign(wrapped as typeof fetch, { statuses });
}
