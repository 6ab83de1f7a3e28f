/**
 * How the sandbox's pages read and write data: same-origin `/rest/v1.0/...` requests carrying
 * the session cookie, as Procore's web app does. Rate limits and load shedding are honoured
 * with a short, bounded wait; a signed-out session goes to the sign-in page.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const MAX_ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;
const MAX_PAGES = 50;

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { companyId?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.companyId) headers['Procore-Company-Id'] = options.companyId;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if ((response.status === 429 || response.status === 503) && attempt < MAX_ATTEMPTS) {
      await sleep(retryDelayMs(response.headers));
      continue;
    }
    if (response.status === 401) {
      const back = `${location.pathname}${location.search}`;
      location.assign(`/login?return_to=${encodeURIComponent(back)}`);
      throw new ApiError('You are signed out. Sign in to continue.', 401, null);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiError(`The server sent a response that is not JSON (${method} ${path}, ${response.status}).`, response.status, text);
    }
    if (!response.ok) throw new ApiError(errorText(body, response.status), response.status, body);
    return { data: body as T, headers: response.headers, status: response.status };
  }
}

/** Every page of a list endpoint, in order, following `Link: rel="next"`. */
export async function apiGetAll<T>(path: string, companyId?: string): Promise<T[]> {
  const separator = path.includes('?') ? '&' : '?';
  let next: string | null = `${path}${separator}per_page=2000&page=1`;
  const all: T[] = [];
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const { data, headers }: ApiResponse<T[]> = await apiRequest<T[]>('GET', next, { companyId });
    if (!Array.isArray(data)) throw new ApiError(`Expected a list from ${path}.`, 200, data);
    all.push(...data);
    next = nextLink(headers.get('Link'));
  }
  return all;
}

function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) {
      const url = new URL(match[1] as string, location.origin);
      return url.origin === location.origin ? `${url.pathname}${url.search}` : null;
    }
  }
  return null;
}

function retryDelayMs(headers: Headers): number {
  const retryAfter = Number(headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, MAX_WAIT_MS);
  const reset = Number(headers.get('X-Rate-Limit-Reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.min(Math.max(reset * 1000 - Date.now(), 250), MAX_WAIT_MS);
  return 1000;
}

/** Procore's error bodies: `{"errors": "text"}` or `{"errors": {"field": ["text"]}}`. */
export function errorText(body: unknown, status: number): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (typeof errors === 'string') return errors;
  if (errors && typeof errors === 'object') {
    const lines = Object.entries(errors as Record<string, unknown>).flatMap(([field, texts]) =>
      (Array.isArray(texts) ? texts : [texts]).map((text) => `${field} ${String(text)}`),
    );
    if (lines.length) return lines.join('; ');
  }
  return `The request failed (HTTP ${status}).`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
