import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { AuditEntrySchema } from '../../../utils/domain/audit-entry';
import { defaultSettings, SettingsSchema } from '../../../utils/domain/settings';
import { WatchSchema } from '../../../utils/domain/watch';
import { mergeSettings } from '../../../utils/engine/settings/settings-store';
import { auditForPayout, appendAudit, listAudit } from '../../../utils/store/audit-log';
import { openEngineDb } from '../../../utils/store/engine-db';
import { listIntents } from '../../../utils/store/intent-store';
import { DB_VERSION, MIGRATIONS } from '../../../utils/store/migrations';
import { ReExportIntentSchema } from '../../../utils/store/re-export-intent';
import { listWatches, pruneSynced, putWatches } from '../../../utils/store/watch-store';
import { acquireLease, releaseLease } from '../../../utils/store/lease-lock';
import { sampleWatch } from '../engine/engine-fixture';

let n = 0;
const dbName = () => `migration-test-${++n}-${Math.random()}`;

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Fixture {
  version: number;
  stores: { watches: unknown[]; audit: unknown[]; intents?: unknown[]; locks?: unknown[]; meta: [string, unknown][] };
}

function fixture(version: number): Fixture {
  return JSON.parse(readFileSync(path.join(FIXTURES, `v${version}.json`), 'utf8')) as Fixture;
}

/** Object stores and their indexes: what a migrated database must share with a new one. */
function layout(db: IDBDatabase): Record<string, string[]> {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  return Object.fromEntries([...db.objectStoreNames].map((name) => [name, [...tx.objectStore(name).indexNames].sort()]));
}

describe('store migrations', () => {
  it('has one migration and one frozen fixture per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    const versions = readdirSync(FIXTURES).map((f) => /^v(\d+)\.json$/.exec(f)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1))('a database stored at v%i walks every migration to the current one and reads with today\'s schemas', async (version) => {
    const { stores, version: stated } = fixture(version);
    expect(stated).toBe(version);
    const name = dbName();
    const old = (await openEngineDb(name, version)) as unknown as Awaited<ReturnType<typeof openDB>>;
    for (const watch of stores.watches) await old.put('watches', watch);
    for (const entry of stores.audit) await old.add('audit', entry);
    for (const intent of stores.intents ?? []) await old.put('intents', intent);
    for (const lock of stores.locks ?? []) await old.put('locks', lock);
    for (const [key, value] of stores.meta) await old.put('meta', value, key);
    old.close();

    const db = await openEngineDb(name);
    const fresh = await openEngineDb(dbName());
    expect(db.version).toBe(DB_VERSION);
    expect(layout(db as unknown as IDBDatabase)).toEqual(layout(fresh as unknown as IDBDatabase));
    fresh.close();

    const watches = await listWatches(db);
    expect(watches.map((w) => w.payoutId)).toEqual(stores.watches.map((w) => (w as { payoutId: string }).payoutId));
    for (const watch of watches) {
      const parsed = WatchSchema.safeParse(watch);
      expect(parsed.error?.issues ?? []).toEqual([]);
      // Nothing the schema does not know, nothing it needs left out.
      expect(Object.keys(watch).sort()).toEqual(Object.keys(parsed.data!).sort());
    }
    for (const entry of await listAudit(db)) expect(AuditEntrySchema.safeParse(entry).error?.issues ?? []).toEqual([]);
    for (const intent of await listIntents(db)) expect(ReExportIntentSchema.safeParse(intent).error?.issues ?? []).toEqual([]);
    const settings = mergeSettings(await db.get('meta', 'settings'), { values: {}, rejected: [] }, defaultSettings()).settings;
    expect(SettingsSchema.safeParse(settings).error?.issues ?? []).toEqual([]);
    for (const [key, value] of stores.meta) if (key !== 'settings') expect(await db.get('meta', key)).toEqual(value);
    // The indexes the store reads by still find every record.
    for (const watch of watches) {
      expect(await listWatches(db, { states: [watch.state] })).toContainEqual(watch);
      expect(await listWatches(db, { disbursementId: watch.disbursementId })).toContainEqual(watch);
      if (watch.syncedAt !== null) {
        expect(await listWatches(db, { states: ['synced'], syncedSince: watch.syncedAt })).toContainEqual(watch);
        expect(await listWatches(db, { states: ['synced'], syncedSince: watch.syncedAt + 1 })).not.toContainEqual(watch);
      }
      expect(await auditForPayout(db, watch.payoutId)).toHaveLength(stores.audit.filter((a) => (a as { payoutId: string }).payoutId === watch.payoutId).length);
    }
    db.close();
  });

  it('v1 → v2 fills the fields v1 did not have with explicit nulls', async () => {
    const name = dbName();
    const old = (await openEngineDb(name, 1)) as unknown as Awaited<ReturnType<typeof openDB>>;
    await old.put('watches', fixture(1).stores.watches[0]);
    old.close();
    const db = await openEngineDb(name);
    expect((await listWatches(db))[0]).toMatchObject({ snoozedUntil: null, notExportableReason: null });
    db.close();
  });

  it('v3 → v4 gives an intent stored before pages pressed Export an id of its own, pressed when it was written', async () => {
    const name = dbName();
    const old = (await openEngineDb(name, 3)) as unknown as Awaited<ReturnType<typeof openDB>>;
    const [intent] = fixture(2).stores.intents as { payoutId: string; at: number }[];
    await old.put('intents', intent);
    old.close();
    const db = await openEngineDb(name);
    expect(await listIntents(db)).toEqual([{ ...intent, intentId: `stored-before-v4:${intent!.payoutId}`, pressedAt: intent!.at }]);
    db.close();
  });
});

describe('store', () => {
  it('prunes synced records after the retention period and keeps their audit lines', async () => {
    const db = await openEngineDb(dbName());
    const day = 86_400_000;
    const now = 100 * day;
    await putWatches(db, [
      sampleWatch({ payoutId: 'old', state: 'synced', syncedAt: now - 31 * day }),
      sampleWatch({ payoutId: 'new', state: 'synced', syncedAt: now - 29 * day }),
      sampleWatch({ payoutId: 'failed', state: 'failed', stateSince: now - 90 * day }),
    ]);
    await appendAudit(db, [{ at: now - 31 * day, payoutId: 'old', companyId: '8089', actor: 'engine', action: 'status_read', before: 'syncing', after: 'synced', why: 'x' }]);
    expect(await pruneSynced(db, 30, now)).toEqual(['old']);
    expect((await listWatches(db)).map((w) => w.payoutId).sort()).toEqual(['failed', 'new']);
    expect(await listAudit(db)).toHaveLength(1);
  });

  it('refuses to store a malformed watch and keeps what was stored', async () => {
    const db = await openEngineDb(dbName());
    await putWatches(db, [sampleWatch({ payoutId: 'a' })]);
    await expect(putWatches(db, [sampleWatch({ payoutId: 'b' }), { ...sampleWatch({ payoutId: 'c' }), amountCents: 1.5 }])).rejects.toThrow();
    expect((await listWatches(db)).map((w) => w.payoutId)).toEqual(['a']);
  });

  it('gives a lease to one owner at a time until it expires or is released', async () => {
    const db = await openEngineDb(dbName());
    expect(await acquireLease(db, 'k', 'one', 1000, 0)).toBe(true);
    expect(await acquireLease(db, 'k', 'two', 1000, 500)).toBe(false);
    expect(await acquireLease(db, 'k', 'two', 1000, 1001)).toBe(true);
    await releaseLease(db, 'k', 'one');
    expect(await acquireLease(db, 'k', 'one', 1000, 1002)).toBe(false);
    await releaseLease(db, 'k', 'two');
    expect(await acquireLease(db, 'k', 'one', 1000, 1003)).toBe(true);
  });
});
