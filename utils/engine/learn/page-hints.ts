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

/** Per company, payouts shown failed on a page whose result the next confirming read takes. */
const shownFailed = new Map<string, Set<string>>();

/**
 * A content script saw these records on the page. Any the engine does not know yet, or still has
 * syncing while the page lists it under Failed to Export, is confirmed by an API read (a
 * discovery poll of that company, which reads the export result of those shown failed), at most
 * every 15 s: a hint within the interval waits for the next read (shared by every hint meanwhile)
 * instead of being dropped, so an answer always means the records were looked for. The wait
 * stays under the worker's idle limit.
 */
export async function confirmPageHints(
  engine: Engine,
  companyId: string,
  hint: PageHint,
  discover: (companyId: string, shownFailed: ReadonlySet<string>) => Promise<unknown>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
  const watches = await listWatches(engine.db, { companyId });
  const numbers = new Set(watches.map((w) => w.disbursementNumber));
  const invoices = new Set(watches.map((w) => w.invoiceNumber));
  const syncing = new Set(watches.filter((w) => w.state === 'syncing').map((w) => w.payoutId));
  const failedHere = (hint.shownFailed ?? []).filter((id) => syncing.has(id));
  const unknown = hint.disbursementNumbers.some((n) => !numbers.has(n)) || (hint.invoiceNumbers ?? []).some((n) => !invoices.has(n));
  if (!unknown && failedHere.length === 0) return false;
  shownFailed.set(companyId, new Set([...(shownFailed.get(companyId) ?? []), ...failedHere]));
  let read = next.get(companyId);
  if (!read) {
    const due = (lastConfirm.get(companyId) ?? Number.NEGATIVE_INFINITY) + HINT_INTERVAL_MS - engine.localTime();
    read = wait(Math.max(0, due)).then(async () => {
      // Started: records seen from now on wait for the read after this one.
      next.delete(companyId);
      const failed = shownFailed.get(companyId) ?? new Set<string>();
      shownFailed.delete(companyId);
      lastConfirm.set(companyId, engine.localTime());
      await discover(companyId, failed);
    });
    next.set(companyId, read);
  }
  await read;
  return true;
}
