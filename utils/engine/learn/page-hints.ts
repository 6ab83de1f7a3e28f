import type { Watch } from '../../domain/watch';
import { listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

const HINT_INTERVAL_MS = 15_000;
const lastConfirm = new Map<string, number>();
/** Per company, the discovery that numbers seen now will be looked for in (not started yet). */
const next = new Map<string, Promise<void>>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a page showed: see usePageHints. */
export interface PageHint {
  disbursementNumbers: readonly string[];
  invoiceNumbers?: readonly string[];
  shownFailed?: readonly string[];
}

/** Per company, payouts shown on a page whose export result the next confirming read takes. */
const readNow = new Map<string, Set<string>>();

/**
 * A content script saw these records on the page. The engine confirms them by an API read (a
 * discovery poll of that company) when it does not know one yet, or when the page shows one
 * whose export result is worth reading now: listed under Failed to Export while the engine still
 * has it syncing, or shown (its disbursement on the page) past its window with no result yet.
 * That read happens at most every 15 s: a hint within the interval waits for the next read
 * (shared by every hint meanwhile) instead of being dropped, so an answer always means the
 * records were looked for. The wait stays under the worker's idle limit.
 */
export async function confirmPageHints(
  engine: Engine,
  companyId: string,
  hint: PageHint,
  discover: (companyId: string, readNow: ReadonlySet<string>) => Promise<unknown>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
  const watches = await listWatches(engine.db, { companyId });
  const numbers = new Set(watches.map((w) => w.disbursementNumber));
  const invoices = new Set(watches.map((w) => w.invoiceNumber));
  const shown = new Set(hint.disbursementNumbers);
  const failedHere = new Set(hint.shownFailed ?? []);
  const now = engine.now();
  const pastWindow = (w: Watch) => w.state === 'overdue' || (w.state === 'syncing' && w.deadline !== null && w.deadline <= now);
  const due = watches
    .filter((w) => (w.state === 'syncing' && failedHere.has(w.payoutId)) || (shown.has(w.disbursementNumber) && pastWindow(w)))
    .map((w) => w.payoutId);
  const unknown = hint.disbursementNumbers.some((n) => !numbers.has(n)) || (hint.invoiceNumbers ?? []).some((n) => !invoices.has(n));
  if (!unknown && due.length === 0) return false;
  readNow.set(companyId, new Set([...(readNow.get(companyId) ?? []), ...due]));
  let read = next.get(companyId);
  if (!read) {
    const delay = (lastConfirm.get(companyId) ?? Number.NEGATIVE_INFINITY) + HINT_INTERVAL_MS - engine.localTime();
    read = wait(Math.max(0, delay)).then(async () => {
      // Started: records seen from now on wait for the read after this one.
      next.delete(companyId);
      const payouts = readNow.get(companyId) ?? new Set<string>();
      readNow.delete(companyId);
      lastConfirm.set(companyId, engine.localTime());
      await discover(companyId, payouts);
    });
    next.set(companyId, read);
  }
  await read;
  return true;
}
