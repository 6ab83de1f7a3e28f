import type { Disbursement } from '../../domain/schemas/disbursement';
import type { Watch, WatchState } from '../../domain/watch';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';
import { CURSOR_PREFIX } from './company-directory';

/**
 * Per disbursement id, the version of its list record (`updatedAt`, else a fingerprint of the
 * record) when its detail was last read whole and stored. Under the cursor prefix: forgotten with
 * the cursors (another Procore, another account).
 */
export type ReadWhole = Map<string, string>;

const key = (companyId: string) => `${CURSOR_PREFIX}${companyId}:read-whole`;

// Outcomes nothing in a disbursement's detail can change: such payouts need no detail read.
const SETTLED: readonly WatchState[] = ['synced', 'dismissed'];

/** What the list says of a disbursement, compared across cycles: a new value means it changed. */
export function listVersion(disbursement: Disbursement): string {
  return disbursement.updatedAt ?? `#${JSON.stringify(disbursement)}`;
}

/**
 * Whether a disbursement listed without its payouts needs its detail read: never read whole, or
 * its list record changed since, or the store holds none of its payouts (they were lost or never
 * stored). Once every payout it has is watched and settled, no change of it matters.
 */
export function needsDetail(disbursement: Disbursement, readWhole: ReadWhole, stored: readonly Watch[]): boolean {
  if (stored.length > 0 && stored.every((w) => SETTLED.includes(w.state))) return false;
  return stored.length === 0 || readWhole.get(disbursement.id) !== listVersion(disbursement);
}

export async function loadReadWhole(engine: Engine, companyId: string): Promise<ReadWhole> {
  return new Map(Object.entries((await readMeta<Record<string, string>>(engine.db, key(companyId))) ?? {}));
}

/**
 * Stores the versions, keeping only the disbursements listed as changed in this cycle: the next
 * cycle's cursor is no earlier, so an older one is not listed as changed again (a backlog read
 * asked for may read such a one again: one detail).
 */
export async function saveReadWhole(engine: Engine, companyId: string, readWhole: ReadWhole, listed: ReadonlySet<string>): Promise<void> {
  const kept = [...readWhole].filter(([id]) => listed.has(id));
  await writeMeta(engine.db, key(companyId), Object.fromEntries(kept));
}
