import { listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

const HINT_INTERVAL_MS = 15_000;
const lastConfirm = new Map<string, number>();
/** Per company, the discovery that numbers seen now will be looked for in (not started yet). */
const next = new Map<string, Promise<void>>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A content script saw these disbursement numbers on the page. Any the engine does not know
 * yet is confirmed by an API read (a discovery poll of that company), at most every 15 s: a
 * hint within the interval waits for the next read (shared by every hint meanwhile) instead of
 * being dropped, so an answer always means the numbers were looked for. The wait stays under
 * the worker's idle limit.
 */
export async function confirmPageHints(
  engine: Engine,
  companyId: string,
  disbursementNumbers: readonly string[],
  discover: (companyId: string) => Promise<unknown>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
  const known = new Set((await listWatches(engine.db, { companyId })).map((w) => w.disbursementNumber));
  if (disbursementNumbers.every((n) => known.has(n))) return false;
  let read = next.get(companyId);
  if (!read) {
    const due = (lastConfirm.get(companyId) ?? Number.NEGATIVE_INFINITY) + HINT_INTERVAL_MS - engine.localTime();
    read = wait(Math.max(0, due)).then(async () => {
      // Started: numbers seen from now on wait for the read after this one.
      next.delete(companyId);
      lastConfirm.set(companyId, engine.localTime());
      await discover(companyId);
    });
    next.set(companyId, read);
  }
  await read;
  return true;
}
