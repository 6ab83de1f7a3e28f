import * as z from '../schema/z';
import type { Backend } from '../overlay/backend';
import { pageHint } from '../page/routes';
import { MAX_BODY_BYTES, TRAFFIC_SOURCE } from './observation';
import { findRecords } from '../domain/learn/record-shapes';
import { learnedQuery, pathTemplate } from '../domain/learn/path-template';
import { isFundingComplete } from '../domain/funding-complete';
import { SYNC_WINDOW_MS } from '../domain/sync-window';

const ObservationSchema = z.object({
  source: z.literal(TRAFFIC_SOURCE),
  method: z.string().check(z.maxLength(16)),
  path: z.string().check(z.maxLength(2048)),
  query: z.string().check(z.maxLength(4096)),
  status: z.int(),
  text: z.string().check(z.maxLength(MAX_BODY_BYTES)),
});

// A disbursement's statuses as the domain schema takes them (utils/domain/schemas/disbursement.ts).
// Not that module itself: it would bring the English error wording and every other schema into
// the content script, and nothing here shows an error to anyone.
const DISBURSEMENT_STATUS = /^(FUNDING|PAYOUT)_[A-Z_]+$/;

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** One disbursement a page was sent; `changedAt`: when Procore last changed it (epoch ms), when the page's data says. */
export interface SentDisbursement {
  number: string;
  funded: boolean;
  changedAt?: number;
}

/**
 * A funded disbursement last changed this long before the page loaded finished funding at least
 * that long ago: past its first window, so nothing to confirm for it at once. Two windows, so a
 * computer clock up to a window off Procore's does not count one still in it.
 */
const LONG_AGO_MS = 2 * SYNC_WINDOW_MS;

/** The disbursements in a JSON body (a record, a list of them, or a list under one key): number, funded or not, last change. */
export function disbursementsIn(body: unknown): SentDisbursement[] {
  const candidates = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? [body, ...Object.values(body).flatMap((value) => (Array.isArray(value) ? value : []))]
      : [];
  return candidates.flatMap((candidate) => {
    const sent = sentDisbursement(candidate);
    return sent ? [sent] : [];
  });
}

/**
 * One disbursement by its public field names, only the ones a page hint needs: the id and status
 * as the domain schema takes them, the number as a string. Checked field by field, not with a
 * schema: a page's list holds up to 5,000, and a schema's per-record checks took 22 ms for 1,000
 * in a content script just started (measured on the sandbox's list).
 */
function sentDisbursement(candidate: unknown): SentDisbursement | null {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return null;
  const { id, disbursementIdentifier, status, updatedAt } = candidate as Record<string, unknown>;
  if (!(typeof id === 'string' ? id.length > 0 : isCount(id))) return null;
  // An integer in Procore's published schema; a string tolerated.
  const number = typeof disbursementIdentifier === 'string' ? disbursementIdentifier : isCount(disbursementIdentifier) ? String(disbursementIdentifier) : '';
  if (number.length === 0 || number.length > 100 || typeof status !== 'string' || !DISBURSEMENT_STATUS.test(status)) return null;
  // When Procore last changed it: tolerated absent or unreadable (then not used).
  const changedAt = typeof updatedAt === 'string' ? Date.parse(updatedAt) : NaN;
  return { number, funded: isFundingComplete(status), ...(Number.isFinite(changedAt) ? { changedAt } : {}) };
}

/**
 * Isolated world: takes the main-world observer's messages (utils/page-traffic/observe-requests)
 * as untrusted hints, since the page can post the same. Only disbursements the page was sent
 * are kept, and each number goes to the background once per page load through the page-hint
 * path it confirms by API. Returns a stop function.
 */
export function receivePageTraffic(win: Window, backend: Backend): () => void {
  const sent = new Set<string>();
  const endpoints = new Set<string>();
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const observation = ObservationSchema.safeParse(event.data);
    if (!observation.success || observation.data.method !== 'GET' || observation.data.status !== 200) return;
    // Outside a company nothing is learned or hinted: the answer is not even parsed.
    const companyId = pageHint(win.location.href)?.companyId;
    if (!companyId) return;
    const body = parseJson(observation.data.text);
    if (body === undefined) return;
    learnEndpoint({ ...observation.data, body }, companyId, endpoints, backend);
    const shown = disbursementsIn(body).filter((d) => !sent.has(d.number));
    const fresh = [...new Set(shown.map((d) => d.number))].slice(0, 5000);
    if (fresh.length === 0) return;
    for (const n of fresh) sent.add(n);
    // Funded ones the background has looked for are answered at once when the page's rows hint them again.
    const fundedShown = new Set(shown.filter((d) => d.funded).map((d) => d.number));
    const funded = fresh.filter((n) => fundedShown.has(n));
    const changedBefore = Date.now() - LONG_AGO_MS;
    const longAgo = new Set(shown.filter((d) => d.funded && d.changedAt !== undefined && d.changedAt < changedBefore).map((d) => d.number));
    const longFunded = funded.filter((n) => longAgo.has(n));
    backend.send('page.hints', { companyId, disbursementNumbers: fresh, ...(funded.length ? { funded } : {}), ...(longFunded.length ? { longFunded } : {}) }).catch(() => {
      // A hint is an optimisation (the poll finds the same disbursements): forget, send again later.
      for (const n of fresh) sent.delete(n);
    });
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

/**
 * An endpoint whose answer holds known records (disbursements, payouts, funding accounts, ERP
 * payment rows) goes to the background once per page load as method + path template + query +
 * where the records sit; nothing else of the request (never a header, cookie or body) is sent.
 */
function learnEndpoint(observation: { method: string; path: string; query: string; body: unknown }, companyId: string, seen: Set<string>, backend: Backend): void {
  const found = findRecords(observation.body);
  if (!found) return;
  const template = pathTemplate(observation.path, companyId);
  const query = learnedQuery(observation.query);
  const key = `${found.kind} ${template}?${query}`;
  if (seen.has(key)) return;
  seen.add(key);
  backend.send('learn.observed', { companyId, method: 'GET', path: observation.path, query, kind: found.kind, template, at: found.at }).catch(() => seen.delete(key));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
