import type { EngineDb } from './engine-db';

/**
 * Takes the lease on `key` for `owner` unless another owner holds an unexpired one. Read and
 * write happen in one transaction, so two callers cannot both win.
 */
export async function acquireLease(db: EngineDb, key: string, owner: string, leaseMs: number, now: number): Promise<boolean> {
  const tx = db.transaction('locks', 'readwrite');
  const held = await tx.store.get(key);
  if (held && held.owner !== owner && held.expiresAt > now) {
    await tx.done;
    return false;
  }
  await tx.store.put({ key, owner, expiresAt: now + leaseMs });
  await tx.done;
  return true;
}

export async function releaseLease(db: EngineDb, key: string, owner: string): Promise<void> {
  const tx = db.transaction('locks', 'readwrite');
  const held = await tx.store.get(key);
  if (held?.owner === owner) await tx.store.delete(key);
  await tx.done;
}
