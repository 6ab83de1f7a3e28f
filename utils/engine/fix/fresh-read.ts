import type { Diagnosis } from '../../domain/cause';
import type { Watch, WatchRequest } from '../../domain/watch';
import type { ProcoreClient } from '../../procore/procore-client';
import { diagnose } from './diagnose';
import type { Engine } from '../engine';
import { latestRequest, toWatchRequest } from '../../domain/request-to-watch';

/** Procore's latest request detail for one record, read now, with its diagnosis when it failed. */
export async function freshRead(
  engine: Engine,
  client: ProcoreClient,
  watch: Watch,
  signal?: AbortSignal,
): Promise<{ request: WatchRequest | null; diagnosis: Diagnosis | null }> {
  // Not linked to its contract payment yet: Procore has not made its ERP side, nothing to read.
  if (!watch.contractPaymentId) return { request: watch.request, diagnosis: watch.diagnosis };
  const latest = latestRequest(await client.requestDetailsOf(watch.companyId, watch.contractPaymentId, signal));
  const request = latest ? toWatchRequest(latest) : null;
  const failed = request?.status === 'failed' || request?.status === 'stale';
  return { request, diagnosis: failed ? await diagnose(engine, client, watch, request, signal) : null };
}
