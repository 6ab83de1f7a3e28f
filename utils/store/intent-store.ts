import { ReExportIntentSchema, type ReExportIntent } from './re-export-intent';
import type { EngineDb } from './engine-db';

export async function writeIntent(db: EngineDb, intent: ReExportIntent): Promise<void> {
  await db.put('intents', ReExportIntentSchema.parse(intent));
}

export async function getIntent(db: EngineDb, payoutId: string): Promise<ReExportIntent | null> {
  return (await db.get('intents', payoutId)) ?? null;
}

export async function listIntents(db: EngineDb): Promise<ReExportIntent[]> {
  return db.getAll('intents');
}

export async function clearIntent(db: EngineDb, payoutId: string): Promise<void> {
  await db.delete('intents', payoutId);
}

/** Marks the intent `intentId` pressed, in one transaction; null when it is no longer the record's intent. */
export async function markIntentPressed(db: EngineDb, payoutId: string, intentId: string, at: number): Promise<ReExportIntent | null> {
  const tx = db.transaction('intents', 'readwrite');
  const intent = await tx.store.get(payoutId);
  if (intent?.intentId !== intentId) {
    await tx.done;
    return null;
  }
  const pressed = { ...intent, pressedAt: at };
  await Promise.all([tx.store.put(pressed), tx.done]);
  return pressed;
}

/** Removes the intent `intentId`, in one transaction; null when it is no longer the record's intent. */
export async function takeIntent(db: EngineDb, payoutId: string, intentId: string): Promise<ReExportIntent | null> {
  const tx = db.transaction('intents', 'readwrite');
  const intent = await tx.store.get(payoutId);
  if (intent?.intentId !== intentId) {
    await tx.done;
    return null;
  }
  await Promise.all([tx.store.delete(payoutId), tx.done]);
  return intent;
}
