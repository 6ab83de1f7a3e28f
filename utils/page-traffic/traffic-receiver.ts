import * as z from '../schema/z';
import type { Backend } from '../overlay/backend';
import { pageHint } from '../page/routes';
import { TRAFFIC_SOURCE } from './observation';
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
  body: z.unknown(),
});

// A disbursement by its public field names (utils/domain/schemas/disbursement.ts), only the ones a
// page hint needs. Not that module itself: it would bring the English error wording and every
// other schema into the content script, and nothing here shows an error to anyone.
const DisbursementShape = z.object({
  id: z.union([z.string().check(z.minLength(1)), z.int().check(z.nonnegative())]),
  // An integer in Procore's published schema; a string tolerated.
  disbursementIdentifier: z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(100)), z.int().check(z.nonnegative())]), z.transform(String)),
  status: z.string().check(z.regex(/^(FUNDING|PAYOUT)_[A-Z_]+$/)),
  // When Procore last changed it: tolerated absent or unreadable (then not used).
  updatedAt: z.optional(z.unknown()),
});

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
    const parsed = DisbursementShape.safeParse(candidate);
    if (!parsed.success) return [];
    const changedAt = typeof parsed.data.updatedAt === 'string' ? Date.parse(parsed.data.updatedAt) : NaN;
    return [{ number: parsed.data.disbursementIdentifier, funded: isFundingComplete(parsed.data.status), ...(Number.isFinite(changedAt) ? { changedAt } : {}) }];
  });
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
    const companyId = pageHint(win.location.href)?.companyId;
    if (companyId) learnEndpoint(observation.data, companyId, endpoints, backend);
    const shown = disbursementsIn(observation.data.body).filter((d) => !sent.has(d.number));
    const fresh = [...new Set(shown.map((d) => d.number))].slice(0, 5000);
    if (!companyId || fresh.length === 0) return;
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
