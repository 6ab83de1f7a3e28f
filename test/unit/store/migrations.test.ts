import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { WatchSchema } from '../../../utils/domain/watch';
import { auditForPayout, appendAudit, listAudit } from '../../../utils/store/audit-log';
import { openEngineDb } from '../../../utils/store/engine-db';
import { DB_VERSION, MIGRATIONS } from '../../../utils/store/migrations';
import { listWatches, nextDeadline, pruneSynced, putWatches } from '../../../utils/store/watch-store';
import { acquireLease, releaseLease } from '../../../utils/store/lease-lock';
import { sampleWatch } from '../engine/engine-fixture';

let n = 0;
const dbName = () => `migration-test-${++n}-${Math.random()}`;

/** A v1 record as v1 stored it: no snoozing, no not-exportable reason. */
function v1Watch(payoutId: string, state: string, deadline: number | null) {
  const { snoozedUntil: _s, notExportableReason: _n, ...rest } = sampleWatch({ payoutId, state: state as never, deadline });
  return rest;
}

describe('store migrations', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBe(2);
  });

  it('v1 → v2: keeps every watch and audit line, fills the new fields, adds the deadline index, intents and locks', async () => {
    const name = dbName();
    const v1 = await openEngineDb(name, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['audit', 'meta', 'watches']);
    const raw = v1 as unknown as Awaited<ReturnType<typeof openDB>>;
    await raw.put('watches', v1Watch('po_1', 'syncing', 5000));
    await raw.put('watches', v1Watch('po_2', 'failed', null));
    await raw.add('audit', { at: 1, payoutId: 'po_1', companyId: '8089', actor: 'engine', action: 'watch_created', before: null, after: 'syncing', why: 'v1' });
    await raw.put('meta', { disbursementsSince: 10, statusSince: 10 }, 'cursor:8089');
    v1.close();

    const db = await openEngineDb(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'intents', 'locks', 'meta', 'watches']);
    const watches = await listWatches(db);
    expect(watches.map((w) => w.payoutId)).toEqual(['po_1', 'po_2']);
    for (const w of watches) expect(WatchSchema.safeParse(w).success).toBe(true);
    expect(watches[0]).toMatchObject({ snoozedUntil: null, notExportableReason: null });
    expect(await nextDeadline(db)).toBe(5000);
    expect(await db.getAllKeysFromIndex('watches', 'by-deadline', IDBKeyRange.upperBound(6000))).toEqual(['po_1']);
    expect(await auditForPayout(db, 'po_1')).toHaveLength(1);
    expect(await db.get('meta', 'cursor:8089')).toEqual({ disbursementsSince: 10, statusSince: 10 });
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
