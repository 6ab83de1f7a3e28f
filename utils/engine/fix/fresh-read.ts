import type { Diagnosis } from '../../domain/cause';
import type { Watch, WatchRequest } from '../../domain/watch';
import type { ProcoreClient } from '../../procore/procore-client';
import { diagnose } from './diagnose';
import type { Engine } from '../engine';
import { latestByPayout, toWatchRequest } from '../../domain/request-to-watch';

/** Procore's latest request detail for one record, read now, with its diagnosis when it failed. */
export async function freshRead(
  engine: Engine,
  client: ProcoreClient,
  watch: Watch,
  signal?: AbortSignal,
): Promise<{ request: WatchRequest | null; diagnosis: Diagnosis | null }> {
  const details = await client.requestDetailsFor(watch.companyId, [watch.payoutId], signal);
  const latest = latestByPayout(details).get(watch.payoutId);
  const request = latest ? toWatchRequest(latest) : null;
  const failed = request?.status === 'failed' || request?.status === 'stale';
  return { request, diagnosis: failed ? await diagnose(engine, client, watch, request, signal) : null };
}
