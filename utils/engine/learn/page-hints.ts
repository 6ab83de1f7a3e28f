import { listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

const HINT_INTERVAL_MS = 15_000;
const lastConfirm = new Map<string, number>();

/**
 * A content script saw these disbursement numbers on the page. Any the engine does not know
 * yet is confirmed by an API read (a discovery poll of that company), at most every 15 s.
 */
export async function confirmPageHints(
  engine: Engine,
  companyId: string,
  disbursementNumbers: readonly string[],
  discover: (companyId: string) => Promise<unknown>,
): Promise<boolean> {
  const known = new Set((await listWatches(engine.db, { companyId })).map((w) => w.disbursementNumber));
  const unknown = disbursementNumbers.filter((n) => !known.has(n));
  const last = lastConfirm.get(companyId) ?? 0;
  if (!unknown.length || engine.localTime() - last < HINT_INTERVAL_MS) return false;
  lastConfirm.set(companyId, engine.localTime());
  await discover(companyId);
  return true;
}
