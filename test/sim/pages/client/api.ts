/**
 * How the sandbox's pages read and write data: same-origin requests carrying the session cookie,
 * writes with the page's CSRF token (`<meta name="csrf-token">`), as Procore's web app does.
 * Rate limits and load shedding are honoured with a short, bounded wait; a signed-out session
 * goes to the sign-in page. Integers beyond 2^53 are read from the raw JSON as strings.
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

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

/** Rails' authenticity token of this page. */
export function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

/** JSON.parse that keeps integers beyond 2^53 exact, as strings (the reviver's source text). */
export function parseJson(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source) ? context.source : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  options: { companyId?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.companyId) headers['Procore-Company-Id'] = options.companyId;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
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
      body = text ? parseJson(text) : null;
    } catch {
      throw new ApiError(`The server sent a response that is not JSON (${method} ${path}, ${response.status}).`, response.status, text);
    }
    if (!response.ok) throw new ApiError(errorText(body, response.status), response.status, body);
    return { data: body as T, headers: response.headers, status: response.status };
  }
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
