import type { Engine } from '../engine';
import { confirmHeldObservations } from '../learn/held-observations';
import { readStatus } from './engine-status';
import type { CycleOptions } from './poll-cycle';
import { poll, type ClientFactory } from './poll-runner';

/**
 * A poll asked for now: by the user (every company, the backlog included) or by a Procore page
 * (`fromPage`: discovery only, paced: reading every contract of a company at each page load would
 * queue the page's hint behind the rate governor for tens of seconds). Throws what went wrong.
 */
export async function pollNow(engine: Engine, clientFor: ClientFactory, companyId?: string, fromPage?: Pick<CycleOptions, 'readNow'>): Promise<void> {
  const paced = fromPage ? { paced: true, ...fromPage } : {};
  const asker = fromPage ? 'background' : 'user';
  const result = await poll(engine, clientFor, { discovery: true, companyId, forceCompanies: !companyId, backlog: !companyId, ...paced }, asker);
  if (!result) {
    const status = await readStatus(engine.db);
    throw new Error(status.lastError?.message ?? 'The poll did not complete.');
  }
}

/**
 * Tracking starts now, not at the next alarm: a poll not awaited, which records its own outcome in
 * the status. What an open Procore tab showed before this connection was saved is learned first.
 */
export function trackNow(engine: Engine, clientFor: ClientFactory): void {
  void confirmHeldObservations(engine, clientFor)
    .catch(() => false)
    .then(() => pollNow(engine, clientFor))
    .catch(() => undefined);
}
