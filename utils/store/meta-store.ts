import type { EngineDb } from './engine-db';

/** Small named values (settings, cursors, status) read and written whole. */
export async function readMeta<T>(db: EngineDb, key: string): Promise<T | undefined> {
  return (await db.get('meta', key)) as T | undefined;
}

export async function writeMeta(db: EngineDb, key: string, value: unknown): Promise<void> {
  await db.put('meta', value, key);
}

export async function deleteMeta(db: EngineDb, keys: readonly string[]): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

export async function metaKeys(db: EngineDb, prefix: string): Promise<string[]> {
  return (await db.getAllKeys('meta', IDBKeyRange.bound(prefix, `${prefix}\uffff`))).map(String);
}
