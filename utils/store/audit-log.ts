import { AuditEntrySchema, type AuditEntry } from '../domain/audit-entry';
import type { EngineDb } from './engine-db';

/** Append-only: entries are added and read, never changed or deleted (pruning keeps them). */
export async function appendAudit(db: EngineDb, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const tx = db.transaction('audit', 'readwrite');
  await Promise.all([
    ...entries.map((e) => {
      const { id: _id, ...entry } = AuditEntrySchema.parse(e);
      return tx.store.add(entry);
    }),
    tx.done,
  ]);
}

export async function listAudit(db: EngineDb, range: { from?: number; to?: number } = {}): Promise<AuditEntry[]> {
  const from = range.from ?? 0;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  return db.getAllFromIndex('audit', 'by-at', IDBKeyRange.bound(from, to));
}

export async function auditForPayout(db: EngineDb, payoutId: string): Promise<AuditEntry[]> {
  return db.getAllFromIndex('audit', 'by-payout', payoutId);
}
