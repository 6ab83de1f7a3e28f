import type { Watch } from '../../domain/watch';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import { appendAudit } from '../../store/audit-log';
import { clearIntent, getIntent, writeIntent } from '../../store/intent-store';
import { acquireLease, releaseLease } from '../../store/lease-lock';
import { getWatch } from '../../store/watch-store';
import { commitTransitions } from '../state/commit-transitions';
import type { Engine } from '../engine';
import { toWatchRequest } from '../../domain/request-to-watch';
import { runEffects } from '../state/effect-runner';
import { freshRead } from './fresh-read';
import { FIX_LEASE_MS, fixLeaseKey, settleIntent } from './intent-recovery';
import { moveNextCheckNumberPast } from './next-check-number';

export interface ReExportOptions {
  checkNumber?: number;
  bankId?: string;
  /** Also move the funding account's Next Check Number past `checkNumber`. */
  moveNextCheckNumber?: boolean;
  by?: 'user' | 'policy';
  signal?: AbortSignal;
}

export class FixRefusedError extends Error {
  override name = 'FixRefusedError';
}

/**
 * The guarded corrective export of one payment record: one at a time (a lease in the store), only
 * after a fresh read still shows it in Failed to Export, with the intent stored before the POST,
 * and never sent again when the outcome is unknown (the intent is settled by reading instead).
 */
export async function reExport(engine: Engine, client: ProcoreClient, payoutId: string, options: ReExportOptions = {}): Promise<Watch> {
  const by = options.by ?? 'user';
  const owner = `fix:${crypto.randomUUID()}`;
  const key = fixLeaseKey(payoutId);
  if (!(await acquireLease(engine.db, key, owner, FIX_LEASE_MS, engine.localTime()))) {
    throw new FixRefusedError('A fix for this payment record is already running; wait for its outcome.');
  }
  try {
    const watch = await getWatch(engine.db, payoutId);
    if (!watch) throw new FixRefusedError(`No payment record ${payoutId} is being watched.`);
    const leftover = await getIntent(engine.db, payoutId);
    if (leftover) {
      // An earlier fix's outcome is unknown: learn it from Procore before deciding anything.
      await settleIntent(engine, client, leftover, options.signal);
      throw new FixRefusedError('An earlier fix of this record was interrupted; its outcome has now been read from Procore. Check the record before trying again.');
    }
    const { request, diagnosis } = await freshRead(engine, client, watch, options.signal);
    const failedRequestId = request?.id ?? null;
    if (request && (request.status === 'failed' || request.status === 'stale')) {
      // Stored before anything can be sent: a worker dying after this point leaves a trace to settle.
      await writeIntent(engine.db, {
        payoutId,
        companyId: watch.companyId,
        failedRequestId,
        checkNumber: options.checkNumber ?? null,
        bankId: options.bankId ?? null,
        cause: diagnosis?.cause ?? watch.diagnosis?.cause ?? 'UNKNOWN',
        by,
        at: engine.now(),
      });
    }
    const requested = await commitTransitions(engine, [
      {
        watch,
        event: { type: 'reexport_requested', request, diagnosis, checkNumber: options.checkNumber, bankId: options.bankId, by },
        actor: by,
        why: by === 'policy' ? 'Automatic fix of a duplicate check number (policy on)' : 'Re-export requested',
      },
    ]);
    const send = requested.effects.find((e) => e.type === 'reexport');
    if (requested.faults.length) {
      await clearIntent(engine.db, payoutId);
      throw new FixRefusedError(`Not re-exported: ${requested.faults.map((f) => f.message).join(' ')}`);
    }
    if (!send) {
      await clearIntent(engine.db, payoutId);
      await runEffects(engine, requested.effects);
      const shown = request ? `Procore shows its export as ${request.status.replace('_', ' ')}` : 'Procore has no export of it yet';
      throw new FixRefusedError(`Not re-exported: ${shown}, so it is not in Failed to Export.`);
    }
    await runEffects(engine, requested.effects.filter((e) => e.type !== 'reexport'));
    await sendExport(engine, client, watch, { checkNumber: send.checkNumber, bankId: send.bankId }, options.signal);
    if (options.moveNextCheckNumber && options.checkNumber !== undefined) {
      await moveNextCheckNumberPast(engine, client, watch.companyId, watch.fundingAccountId, options.checkNumber, by, options.signal);
    }
    return (await getWatch(engine.db, payoutId)) ?? watch;
  } finally {
    await releaseLease(engine.db, key, owner);
  }
}

async function sendExport(
  engine: Engine,
  client: ProcoreClient,
  watch: Watch,
  values: { checkNumber?: number; bankId?: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { ...(values.checkNumber !== undefined ? { check_number: values.checkNumber } : {}), ...(values.bankId !== undefined ? { bank_id: values.bankId } : {}) };
  try {
    const detail = await client.exportPayment(watch.companyId, watch.payoutId, body, signal);
    const stored = (await getWatch(engine.db, watch.payoutId)) ?? watch;
    const { effects } = await commitTransitions(engine, [
      {
        watch: stored,
        event: { type: 'reexport_sent', request: toWatchRequest(detail) },
        actor: 'engine',
        why: 'Procore accepted the export',
      },
    ]);
    await clearIntent(engine.db, watch.payoutId);
    await runEffects(engine, effects);
  } catch (error) {
    const refused = error instanceof ProcoreError && (error.kind === 'conflict' || error.kind === 'invalid' || error.kind === 'forbidden' || error.kind === 'not_found');
    const intent = await getIntent(engine.db, watch.payoutId);
    if (refused) {
      // Procore answered and did nothing: the attempt is settled as refused.
      const stored = (await getWatch(engine.db, watch.payoutId)) ?? watch;
      const { effects } = await commitTransitions(engine, [
        { watch: stored, event: { type: 'reexport_refused', httpStatus: error.status ?? 0, message: error.message }, actor: 'engine', why: 'Procore refused the export' },
      ]);
      await clearIntent(engine.db, watch.payoutId);
      await runEffects(engine, effects);
    } else if (intent) {
      // No answer (network, outage, cancelled): the export may or may not have happened. Read, never resend.
      await settleIntent(engine, client, intent).catch(() => undefined);
    }
    await appendAudit(engine.db, [
      {
        at: engine.now(),
        payoutId: watch.payoutId,
        companyId: watch.companyId,
        actor: 'engine',
        action: 'reexport_error',
        before: null,
        after: null,
        why: error instanceof Error ? error.message : String(error),
      },
    ]);
    throw error;
  }
}
