import { WatchSchema, type Watch, type WatchState } from '../domain/watch';
import type { EngineDb } from './engine-db';

export interface WatchQuery {
  states?: WatchState[];
  companyId?: string;
  disbursementId?: string;
  payoutIds?: string[];
  /** Synced records only from this server time on (records in other states are not limited). */
  syncedSince?: number;
}

/** Reads a stored watch; a record that no longer fits the schema is reported, not returned. */
function parseStored(value: unknown): Watch | null {
  const parsed = WatchSchema.safeParse(value);
  if (!parsed.success) {
    console.warn('erp-sync-watch: a stored watch does not fit the schema and is skipped', parsed.error.issues);
    return null;
  }
  return parsed.data;
}

export async function getWatch(db: EngineDb, payoutId: string): Promise<Watch | null> {
  const value = await db.get('watches', payoutId);
  return value === undefined ? null : parseStored(value);
}

export async function getWatches(db: EngineDb, payoutIds: readonly string[]): Promise<Map<string, Watch>> {
  const tx = db.transaction('watches');
  const found = await Promise.all(payoutIds.map((id) => tx.store.get(id)));
  await tx.done;
  const map = new Map<string, Watch>();
  for (const value of found) {
    const watch = value === undefined ? null : parseStored(value);
    if (watch) map.set(watch.payoutId, watch);
  }
  return map;
}

/** Validates before writing, so nothing malformed ever reaches the store. */
export async function putWatches(db: EngineDb, watches: readonly Watch[]): Promise<void> {
  const valid = watches.map((w) => WatchSchema.parse(w));
  const tx = db.transaction('watches', 'readwrite');
  await Promise.all([...valid.map((w) => tx.store.put(w)), tx.done]);
}

export async function listWatches(db: EngineDb, query: WatchQuery = {}): Promise<Watch[]> {
  let values: unknown[];
  if (query.payoutIds) values = [...(await getWatches(db, query.payoutIds)).values()];
  else if (query.disbursementId) values = await db.getAllFromIndex('watches', 'by-disbursement', query.disbursementId);
  else if (query.companyId) values = await db.getAllFromIndex('watches', 'by-company', query.companyId);
  else if (query.states?.length) {
    const since = query.syncedSince;
    const perState = await Promise.all(
      query.states.map((s) => (s === 'synced' && since !== undefined ? db.getAllFromIndex('watches', 'by-synced-at', IDBKeyRange.lowerBound(since)) : db.getAllFromIndex('watches', 'by-state', s))),
    );
    values = perState.flat();
  } else values = await db.getAll('watches');
  const states = query.states ? new Set(query.states) : null;
  return values
    .map(parseStored)
    .filter((w): w is Watch => w !== null)
    .filter((w) => !states || states.has(w.state))
    .filter((w) => !query.companyId || w.companyId === query.companyId)
    .filter((w) => !query.disbursementId || w.disbursementId === query.disbursementId)
    .filter((w) => query.syncedSince === undefined || w.state !== 'synced' || (w.syncedAt !== null && w.syncedAt >= query.syncedSince));
}

/** The earliest deadline among records still inside their window. */
export async function nextDeadline(db: EngineDb): Promise<number | null> {
  const syncing = await listWatches(db, { states: ['syncing'] });
  const deadlines = syncing.map((w) => w.deadline).filter((d): d is number => d !== null);
  return deadlines.length ? Math.min(...deadlines) : null;
}

export async function countByState(db: EngineDb, state: WatchState): Promise<number> {
  return db.countFromIndex('watches', 'by-state', state);
}

/** Removes synced records older than the retention period; the audit log keeps their story. */
export async function pruneSynced(db: EngineDb, retentionDays: number, now: number): Promise<string[]> {
  const cutoff = now - retentionDays * 24 * 60 * 60 * 1000;
  const tx = db.transaction('watches', 'readwrite');
  const removed: string[] = [];
  let cursor = await tx.store.index('by-state').openCursor('synced');
  while (cursor) {
    const syncedAt = (cursor.value.syncedAt ?? cursor.value.stateSince) as number;
    if (syncedAt < cutoff) {
      removed.push(cursor.value.payoutId);
      await cursor.delete();
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}
