import type { EngineDb } from './engine-db';

/** Small named values (settings, cursors, status) read and written whole. */
export async function readMeta<T>(db: EngineDb, key: string): Promise<T | undefined> {
  return (await db.get('meta', key)) as T | undefined;
}

export async function writeMeta(db: EngineDb, key: string, value: unknown): Promise<void> {
  await db.put('meta', value, key);
}
