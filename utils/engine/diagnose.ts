import type { Diagnosis } from '../domain/cause';
import type { Watch, WatchRequest } from '../domain/watch';
import type { ProcoreClient } from '../procore/procore-client';
import type { Engine } from './engine';

/**
 * The cause of a failed export, from the ERP's messages and the facts the engine can read.
 * Null lets the state machine explain it generically.
 */
export async function diagnose(
  _engine: Engine,
  _client: ProcoreClient,
  _watch: Watch,
  _request: WatchRequest,
  _signal?: AbortSignal,
): Promise<Diagnosis | null> {
  // Wired to the domain classifier (utils/domain/classify.ts) as soon as it lands.
  return null;
}
