import type { ProcoreClient } from '../../procore/procore-client';
import { clearIntent, listIntents } from '../../store/intent-store';
import type { ReExportIntent } from '../../store/re-export-intent';
import { getWatch } from '../../store/watch-store';
import { acquireLease, releaseLease } from '../../store/lease-lock';
import { commitTransitions } from '../state/commit-transitions';
import type { Engine } from '../engine';
import { runEffects } from '../state/effect-runner';
import { freshRead } from './fresh-read';

export const FIX_LEASE_MS = 2 * 60 * 1000;
export const fixLeaseKey = (payoutId: string) => `reexport:${payoutId}`;

/**
 * Settles an export whose outcome was never recorded (the worker died around the POST) by
 * READING Procore: a request newer than the failure the fix answered means the export was
 * sent, and its outcome is followed from there; the same failed request means it never left.
 * Nothing is ever sent again here.
 */
export async function settleIntent(engine: Engine, client: ProcoreClient, intent: ReExportIntent, signal?: AbortSignal): Promise<void> {
  const watch = await getWatch(engine.db, intent.payoutId);
  if (!watch) {
    await clearIntent(engine.db, intent.payoutId);
    return;
  }
  const { request } = await freshRead(engine, client, watch, signal);
  const sent = request !== null && request.id !== intent.failedRequestId;
  const { effects } = await commitTransitions(engine, [
    sent
      ? { watch, event: { type: 'reexport_sent', request }, actor: 'engine', why: 'An interrupted fix was found sent: Procore shows a newer export' }
      : {
          watch,
          event: { type: 'reexport_refused', httpStatus: 0, message: 'The fix was interrupted before Procore received it; nothing was exported. Try again.' },
          actor: 'engine',
          why: 'An interrupted fix was found never sent: Procore still shows the same failure',
        },
  ]);
  await clearIntent(engine.db, intent.payoutId);
  await runEffects(engine, effects);
}

/** Every intent left without an outcome, unless a fix holding its lease is still running. */
export async function settleIntents(engine: Engine, client: ProcoreClient, signal?: AbortSignal): Promise<number> {
  let settled = 0;
  for (const intent of await listIntents(engine.db)) {
    const owner = `settle:${crypto.randomUUID()}`;
    if (!(await acquireLease(engine.db, fixLeaseKey(intent.payoutId), owner, FIX_LEASE_MS, engine.localTime()))) continue;
    try {
      await settleIntent(engine, client, intent, signal);
      settled++;
    } finally {
      await releaseLease(engine.db, fixLeaseKey(intent.payoutId), owner);
    }
  }
  return settled;
}
