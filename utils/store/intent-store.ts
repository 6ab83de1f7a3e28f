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
