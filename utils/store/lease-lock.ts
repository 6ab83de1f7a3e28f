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

/**
 * Runs `work` holding the lease on `key`, renewed every third of its length so a long fix never
 * outlives it; released at the end. Null when another owner holds it: nothing was run.
 */
export async function withLease<T>(db: EngineDb, key: string, leaseMs: number, now: () => number, work: () => Promise<T>): Promise<{ value: T } | null> {
  const owner = crypto.randomUUID();
  if (!(await acquireLease(db, key, owner, leaseMs, now()))) return null;
  let renewing: Promise<unknown> = Promise.resolve();
  const renew = setInterval(() => {
    renewing = acquireLease(db, key, owner, leaseMs, now()).catch(() => undefined);
  }, leaseMs / 3);
  try {
    return { value: await work() };
  } finally {
    clearInterval(renew);
    // A renewal still in flight would otherwise land after the release and hold the record.
    await renewing;
    await releaseLease(db, key, owner);
  }
}
