import type { EngineStatus } from '../../messaging';
import type { EngineDb } from '../../store/engine-db';
import { readMeta, writeMeta } from '../../store/meta-store';

const STATUS_KEY = 'status';

export function initialStatus(): EngineStatus {
  return { signedIn: null, lastPollAt: null, lastError: null, watchedCompanies: [], clockOffsetMs: 0 };
}

export async function readStatus(db: EngineDb): Promise<EngineStatus> {
  return { ...initialStatus(), ...(await readMeta<EngineStatus>(db, STATUS_KEY)) };
}

export async function writeStatus(db: EngineDb, patch: Partial<EngineStatus>): Promise<EngineStatus> {
  const next = { ...(await readStatus(db)), ...patch };
  await writeMeta(db, STATUS_KEY, next);
  return next;
}
