import { ProcoreErrorBodySchema } from '../domain/schemas/export-request';
import type { Auth } from './auth';
import { parseJsonExact } from './exact-json';
import { backoffDelay, parseRetryAfter } from './backoff';
import { describeKind, kindOfStatus, ProcoreError } from './procore-error';
import { abortableSleep, readRateHeaders, type RateGovernor } from './rate-governor';

export type Query = Record<string, string | number | readonly (string | number)[] | undefined>;

/**
 * Reads only. Procore publishes no API for the writes the extension helps with (PROCORE-CONTRACT.md
 * "Writes: UI only"): those are Procore's own page controls, pressed by a person.
 */
export interface RequestOptions {
  method?: 'GET';
  companyId?: string;
  query?: Query;
  signal?: AbortSignal;
}

export interface ProcoreResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface ProcoreHttpOptions {
  origin: string;
  auth: Auth;
  governor: RateGovernor;
  fetch?: typeof fetch;
  /** Each response's `Date` header, with the local times its request left and it arrived: the server clock offset. */
  onServerDate?: (dateHeader: string, sentAt: number, receivedAt: number) => void;
  clockOffsetMs?: () => number;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  maxRetries?: number;
  /** Cancels every request of this client (the connection it was built for is gone). */
  signal?: AbortSignal;
  /** A request Procore has not answered (body included) after this long is given up. */
  timeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 20_000;

export function buildUrl(origin: string, pathOrUrl: string, query: Query = {}): string {
  const url = new URL(pathOrUrl, origin);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function errorWords(body: unknown): string | null {
  const parsed = ProcoreErrorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const { errors } = parsed.data;
  if (typeof errors === 'string') return errors;
  return Object.entries(errors)
    .map(([field, texts]) => `${field}: ${texts.join(', ')}`)
    .join('; ');
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return parseJsonExact(text);
  } catch {
    return text;
  }
}

/** One Procore origin: auth, pacing, retries, clock and error words. Every call is cancellable. */
export class ProcoreHttp {
  readonly #fetchFn: typeof fetch;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #maxRetries: number;
  readonly #options: ProcoreHttpOptions;

  constructor(options: ProcoreHttpOptions) {
    this.#options = options;
    this.#fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#maxRetries = options.maxRetries ?? 4;
  }

  get origin(): string {
    return this.#options.origin;
  }

  get governor(): RateGovernor {
    return this.#options.governor;
  }

  async request(pathOrUrl: string, options: RequestOptions = {}): Promise<ProcoreResponse> {
    const { method = 'GET', companyId, query } = options;
    // A guard behind the type: no caller, cast or learned template may send a write to Procore.
    if (method !== 'GET') throw new ProcoreError('invalid', `ERP Sync Watch only reads from Procore's API; a ${String(method)} request was refused before it was sent.`);
    const signal = options.signal && this.#options.signal ? AbortSignal.any([options.signal, this.#options.signal]) : (options.signal ?? this.#options.signal);
    const url = buildUrl(this.#options.origin, pathOrUrl, query);
    // A paging link naming another host must not take our credentials there.
    if (new URL(url).origin !== new URL(this.#options.origin).origin) {
      throw new ProcoreError('schema', `Procore's answer pointed to another site (${new URL(url).origin}); the extension only talks to ${this.#options.origin}.`);
    }
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      await this.#options.governor.acquire(signal);
      const authHeaders = await this.#options.auth.headers(signal);
      if (!authHeaders) throw new ProcoreError('signed_out', describeKind('signed_out'), 401);
      const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders };
      if (companyId) headers['Procore-Company-Id'] = companyId;
      let response: Response;
      let data: unknown;
      const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? REQUEST_TIMEOUT_MS);
      const sent = this.#now();
      try {
        response = await this.#fetchFn(url, {
          method,
          headers,
          credentials: this.#options.auth.mode === 'session' ? 'include' : 'omit',
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        data = await readBody(response);
      } catch (error) {
        if (signal?.aborted) throw new ProcoreError('aborted', describeKind('aborted'));
        // A hung answer is not retried here: the poll ends with words, the next one asks again.
        if (timeout.aborted) throw new ProcoreError('timeout', describeKind('timeout'));
        if (attempt < this.#maxRetries) {
          await this.#sleep(backoffDelay(attempt, this.#random), signal);
          continue;
        }
        throw new ProcoreError('network', `${describeKind('network')} ${String(error)}`);
      }
      const local = this.#now();
      const date = response.headers.get('Date');
      if (date) this.#options.onServerDate?.(date, sent, local);
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), local);
      const rate = readRateHeaders(response.headers, local, this.#options.clockOffsetMs?.() ?? 0);
      this.#options.governor.observe(response.status, rate, retryAfter);
      if (response.ok) return { status: response.status, headers: response.headers, body: data };

      const kind = kindOfStatus(response.status);
      if (response.status === 401 && !refreshed && (await this.#options.auth.refresh(signal))) {
        refreshed = true;
        continue;
      }
      // 429 and 503 mean Procore did nothing: asking again (after the governor's wait) is safe.
      const notDone = response.status === 429 || response.status === 503;
      const retry = attempt < this.#maxRetries && (notDone || response.status >= 500);
      if (retry) {
        if (!notDone) await this.#sleep(backoffDelay(attempt, this.#random), signal);
        continue;
      }
      const words = errorWords(data);
      const retryAt = notDone ? this.#options.governor.blockedAt() : null;
      throw new ProcoreError(kind, words ? `${describeKind(kind)} Procore says: ${words}` : describeKind(kind), response.status, retryAt);
    }
  }
}
