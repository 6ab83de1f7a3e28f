import type { Settings } from '../../domain/settings';
import type { ProcoreClient } from '../../procore/procore-client';
import { getWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

const DAY_MS = 24 * 60 * 60 * 1000;
// A payment record's disbursement was funded, and last updated, before its export was requested:
// a day before the oldest failed export covers its disbursement.
const FUNDED_BEFORE_EXPORT_MS = DAY_MS;

/**
 * Where a first look (after install, and on Check now) starts reading disbursements: early
 * enough for every record still in Failed to Export that the store does not know, whatever its
 * age, and for everything funded in the last `backlogDays`. The failed records come from today's
 * source, the export statuses the API lists as failed; this is the one place a better source
 * (the one the Compatibility panel says works) replaces it.
 */
export async function backlogSince(engine: Engine, client: ProcoreClient, companyId: string, settings: Settings, cycleStart: number, signal?: AbortSignal): Promise<number> {
  const recent = cycleStart - settings.backlogDays * DAY_MS;
  const failed = await client.failedExports(companyId, signal);
  const known = await getWatches(engine.db, failed.map((d) => String(d.item_id)));
  const unknownSince = failed.filter((d) => !known.has(String(d.item_id))).map((d) => Date.parse(d.created_at) - FUNDED_BEFORE_EXPORT_MS);
  return Math.min(recent, ...unknownSince.filter(Number.isFinite));
}
