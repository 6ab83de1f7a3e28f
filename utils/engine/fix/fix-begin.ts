import type { FixBeginReply } from '../../messaging';
import type { ProcoreClient } from '../../procore/procore-client';
import { clearIntent, getIntent, writeIntent } from '../../store/intent-store';
import { withLease } from '../../store/lease-lock';
import { getWatch } from '../../store/watch-store';
import { commitTransitions } from '../state/commit-transitions';
import type { Engine } from '../engine';
import { runEffects } from '../state/effect-runner';
import { freshRead } from './fresh-read';
import { FIX_LEASE_MS, fixLeaseKey, settleIntent } from './intent-recovery';

export interface FixValues {
  checkNumber?: number;
  bankId?: string;
}

const refuse = (reason: string): FixBeginReply => ({ ok: false, reason });

/**
 * The guard before the page presses Procore's Export: one fix per record at a time (a lease,
 * renewed while this runs), only after a fresh read still shows it in Failed to Export, and with
 * the intent stored before the answer, so a press always has a trace to settle by reading.
 */
export async function beginFix(engine: Engine, client: ProcoreClient, payoutId: string, values: FixValues): Promise<FixBeginReply> {
  const held = await withLease(engine.db, fixLeaseKey(payoutId), FIX_LEASE_MS, () => engine.localTime(), () => guardedBegin(engine, client, payoutId, values));
  return held?.value ?? refuse('A fix for this payment record is already being prepared (in this or another tab): wait for its outcome.');
}

async function guardedBegin(engine: Engine, client: ProcoreClient, payoutId: string, values: FixValues): Promise<FixBeginReply> {
  const leftover = await getIntent(engine.db, payoutId);
  // An earlier fix: its outcome is read from Procore first (the record may have moved on since).
  if (leftover && (await settleIntent(engine, client, leftover)) === 'checking') {
    return refuse('Export was already pressed for this record and Procore has not shown the result yet: ERP Sync Watch is checking. Wait for the result before exporting again.');
  }
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) return refuse(`ERP Sync Watch is not watching payment record ${payoutId}.`);
  const { request, diagnosis } = await freshRead(engine, client, watch);
  const intentId = crypto.randomUUID();
  // Stored before the page may press anything: a page or worker dying after this leaves a trace.
  await writeIntent(engine.db, {
    intentId,
    payoutId,
    companyId: watch.companyId,
    failedRequestId: request?.id ?? null,
    checkNumber: values.checkNumber ?? null,
    bankId: values.bankId ?? null,
    cause: diagnosis?.cause ?? watch.diagnosis?.cause ?? 'UNKNOWN',
    by: 'user',
    at: engine.now(),
    pressedAt: null,
  });
  const { effects, faults } = await commitTransitions(engine, [
    { watch, event: { type: 'reexport_requested', request, diagnosis, ...values, by: 'user' }, actor: 'user', why: 'Fix confirmed on the ERP Integrations page' },
  ]);
  // The state machine starts a fix only from a fresh failed read: no `reexport` effect, no press.
  const accepted = !faults.length && effects.some((e) => e.type === 'reexport');
  if (!accepted) await clearIntent(engine.db, payoutId);
  await runEffects(engine, effects);
  if (faults.length) return refuse(`Not exported: ${faults.map((f) => f.message).join(' ')}`);
  if (!accepted) {
    const shown = request ? `Procore shows its export as ${request.status.replace('_', ' ')}` : 'Procore has no export of it yet';
    return refuse(`Nothing to export: ${shown}, so it is not in Failed to Export.`);
  }
  return { ok: true, intentId };
}
