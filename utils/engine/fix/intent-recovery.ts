import type { ProcoreClient } from '../../procore/procore-client';
import { clearIntent, getIntent, listIntents } from '../../store/intent-store';
import type { ReExportIntent } from '../../store/re-export-intent';
import { getWatch } from '../../store/watch-store';
import { withLease } from '../../store/lease-lock';
import { commitTransitions, type PendingTransition } from '../state/commit-transitions';
import type { Engine } from '../engine';
import { runEffects } from '../state/effect-runner';
import { freshRead } from './fresh-read';

export const FIX_LEASE_MS = 2 * 60 * 1000;
export const fixLeaseKey = (payoutId: string) => `reexport:${payoutId}`;
/** How many sync windows a pressed Export may go without a result before the fix is offered again. */
export const CHECKING_GRACE_WINDOWS = 2;

export type IntentOutcome = 'sent' | 'none_seen' | 'known' | 'checking';

/**
 * Settles a fix whose Export was (or may have been) pressed, by READING Procore: a request
 * detail newer than the intent means the export happened, and its result is followed from there;
 * the record already moved on (synced by its origin id, a new failure read by the poll) means
 * the outcome is known; the same failure after the grace period (two sync windows) means nothing
 * was exported and the fix may be offered again. Until one of these, the record stays "checking".
 */
export async function settleIntent(engine: Engine, client: ProcoreClient, intent: ReExportIntent, signal?: AbortSignal): Promise<IntentOutcome> {
  const watch = await getWatch(engine.db, intent.payoutId);
  if (!watch || watch.state !== 're_exporting') {
    await clearIntent(engine.db, intent.payoutId);
    return 'known';
  }
  const { request } = await freshRead(engine, client, watch, signal);
  const newer = request !== null && request.id !== intent.failedRequestId && request.updatedAt >= intent.at;
  const graceOver = engine.now() - intent.at >= CHECKING_GRACE_WINDOWS * (await engine.syncWindowMs());
  if (!newer && !graceOver) return 'checking';
  const settle: PendingTransition = newer
    ? { watch, event: { type: 'reexport_sent', request }, actor: 'engine', why: 'Procore shows an export result newer than the fix' }
    : {
        watch,
        event: { type: 'reexport_refused', httpStatus: 0, message: noResultWords(intent) },
        actor: 'engine',
        why: 'No export result newer than the fix within the grace period: the record is still in Failed to Export',
      };
  const { effects } = await commitTransitions(engine, [settle]);
  await clearIntent(engine.db, intent.payoutId);
  await runEffects(engine, effects);
  return newer ? 'sent' : 'none_seen';
}

function noResultWords(intent: ReExportIntent): string {
  const what = intent.pressedAt === null ? 'The page never reported pressing Export' : 'Export was pressed';
  return `${what}, and Procore shows no export result since; it still lists the record in Failed to Export, so nothing was exported. The fix can be prepared again.`;
}

/** Every fix still "checking", unless one is being begun or pressed right now (it holds the lease). */
export async function settleIntents(engine: Engine, client: ProcoreClient, signal?: AbortSignal): Promise<Record<IntentOutcome, number>> {
  const counts: Record<IntentOutcome, number> = { sent: 0, none_seen: 0, known: 0, checking: 0 };
  for (const intent of await listIntents(engine.db)) {
    const held = await withLease(engine.db, fixLeaseKey(intent.payoutId), FIX_LEASE_MS, () => engine.localTime(), async () => {
      // Read again under the lease: a press may have settled or replaced it meanwhile.
      const current = await getIntent(engine.db, intent.payoutId);
      return current ? settleIntent(engine, client, current, signal) : 'known';
    });
    if (held) counts[held.value]++;
  }
  return counts;
}
