import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { EngineDbSchema } from './engine-db-schema';
import type { ReExportIntent } from './re-export-intent';

type UpgradeDb = IDBPDatabase<EngineDbSchema>;
type UpgradeTx = IDBPTransaction<EngineDbSchema, StoreNames<EngineDbSchema>[], 'versionchange'>;

/**
 * One function per schema version: `MIGRATIONS[v - 1]` takes a database at version v - 1 to v.
 * Never edit a shipped migration; add the next one and its frozen fixture (test/unit/store/fixtures).
 */
export const MIGRATIONS: ((db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void)[] = [
  // v1: watches by state and company, the audit log, and a key-value store for the rest.
  (db) => {
    const watches = db.createObjectStore('watches', { keyPath: 'payoutId' });
    watches.createIndex('by-state', 'state');
    watches.createIndex('by-company', 'companyId');
    const audit = db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
    audit.createIndex('by-at', 'at');
    db.createObjectStore('meta');
  },
  // v2: deadline and disbursement indexes, re-export intents and leases; v1 watches lacked
  // snoozing and the not-exportable reason, so they get explicit nulls.
  async (db, tx) => {
    const watches = tx.objectStore('watches');
    // Dropped again in v3 (nothing read it), so today's schema type no longer names it.
    (watches as unknown as IDBObjectStore).createIndex('by-deadline', 'deadline');
    watches.createIndex('by-disbursement', 'disbursementId');
    tx.objectStore('audit').createIndex('by-payout', 'payoutId');
    db.createObjectStore('intents', { keyPath: 'payoutId' });
    db.createObjectStore('locks', { keyPath: 'key' });
    let cursor = await watches.openCursor();
    while (cursor) {
      const value = cursor.value as Partial<EngineDbSchema['watches']['value']>;
      await cursor.update({
        ...cursor.value,
        snoozedUntil: value.snoozedUntil ?? null,
        notExportableReason: value.notExportableReason ?? null,
      });
      cursor = await cursor.continue();
    }
  },
  // v3: the deadline index goes: the next deadline is found among the syncing watches (by state).
  (_db, tx) => {
    tx.objectStore('watches').deleteIndex('by-deadline');
  },
  // v4: a fix is pressed on Procore's own page, which quotes its intent's id back and reports the
  // press. An intent stored before was the extension's own export request, sent right after it
  // was written: it gets an id of its own and counts as pressed then. Procore still settles it.
  async (_db, tx) => {
    let cursor = await tx.objectStore('intents').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<ReExportIntent> & Pick<ReExportIntent, 'payoutId' | 'at'>;
      await cursor.update({
        ...cursor.value,
        intentId: value.intentId ?? `stored-before-v4:${value.payoutId}`,
        pressedAt: value.pressedAt === undefined ? value.at : value.pressedAt,
      });
      cursor = await cursor.continue();
    }
  },
  // v5: synced records by when they synced, so the popup's "Recently synced" reads the last day
  // instead of every synced record the retention keeps.
  (_db, tx) => {
    tx.objectStore('watches').createIndex('by-synced-at', 'syncedAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;
