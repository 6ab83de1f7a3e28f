import { Engine } from '../../../utils/engine/engine';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import type { Disbursement } from '../../../utils/domain/schemas/disbursement';
import type { DisbursementSpec } from '../../sim/disbursement-spec';
import { simControl } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { testEngine } from './engine-fixture';

/** An engine on a fresh store, configured for the sim, with a signed-in session fetch. */
export async function engineOnSim(origin: string, windowMs: number): Promise<{ engine: Engine; clientFor: ClientFactory; statuses: number[] }> {
  const engine = await testEngine(undefined, windowMs);
  await updateSettings(engine.db, { environment: 'custom', apiOrigin: origin });
  const fetchFn = await sessionFetch(origin);
  // The sim allows 50 per 10 s; the product's cautious 20 would only slow these tests down.
  const governor = new RateGovernor({ spikeMax: 45 });
  const clientFor: ClientFactory = async (e) => procoreClient(e, await e.settings(), governor, fetchFn);
  return { engine, clientFor, statuses: fetchFn.statuses };
}

export function createDisbursement(origin: string, spec: DisbursementSpec): Promise<Disbursement> {
  return simControl<Disbursement>(origin, 'POST', '/disbursements', spec);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds (bounded): for the sim's timers, which run on real time. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, stepMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(stepMs);
  }
}
