import { openDB, type IDBPDatabase } from 'idb';
import type { EngineDbSchema } from './engine-db-schema';
import { DB_VERSION, MIGRATIONS } from './migrations';

export type EngineDb = IDBPDatabase<EngineDbSchema>;

export const ENGINE_DB_NAME = 'erp-sync-watch';

/** Opens the engine's database at `version` (the latest unless a migration test asks for less). */
export function openEngineDb(name = ENGINE_DB_NAME, version = DB_VERSION): Promise<EngineDb> {
  return openDB<EngineDbSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v - 1]!(db, tx);
    },
  });
}
