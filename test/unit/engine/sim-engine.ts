import { Engine } from '../../../utils/engine/engine';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { confirmObservation, type Observation } from '../../../utils/engine/learn/learned-endpoints';
import { findRecords, type LearnedKind } from '../../../utils/domain/learn/record-shapes';
import { learnedQuery, pathTemplate } from '../../../utils/domain/learn/path-template';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { payoutsOf, type Disbursement } from '../../../utils/domain/schemas/disbursement';
import type { DisbursementSpec } from '../../sim/disbursement-spec';
import { internalEndpointsOf, simControl } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { testClock, testEngine, type TestClock } from './engine-fixture';

export interface SimEngine {
  engine: Engine;
  clientFor: ClientFactory;
  /** Every answer's status, in order: what the engine asked of the sim. */
  statuses: number[];
  /** Every path the engine asked, in order (with its query). */
  asked: string[];
  clock: TestClock;
}

/**
 * A session fetch on the test clock: when the test moves the engine's clock on, Procore's clock
 * (its `Date` header) moves with it, as both would when that much time passes.
 */
function onClock(fetchFn: typeof fetch, clock: TestClock, asked: string[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    asked.push(`${url.pathname}${url.search}`);
    const response = await fetchFn(input, init);
    const date = response.headers.get('Date');
    const ahead = clock.now() - Date.now();
    if (!date || ahead === 0) return response;
    const headers = new Headers(response.headers);
    headers.set('Date', new Date(Date.parse(date) + ahead).toUTCString());
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * An engine on a fresh store, configured for the sim, with a signed-in session fetch. Unless
 * told not to, it has learned the disbursement list and detail (and funding accounts) the way
 * the product does, from the sandbox's own Payments pages (`learnFromPaymentsPages`).
 */
export async function engineOnSim(origin: string, windowMs: number, options: { learn?: boolean; clock?: TestClock } = {}): Promise<SimEngine> {
  const clock = options.clock ?? testClock();
  const engine = await testEngine(clock.now, windowMs);
  await updateSettings(engine.db, { environment: 'custom', apiOrigin: origin });
  const fetchFn = await sessionFetch(origin);
  const asked: string[] = [];
  const clocked = onClock(fetchFn, clock, asked);
  // The sim allows 50 per 10 s; the product's cautious 20 would only slow these tests down.
  const governor = new RateGovernor({ spikeMax: 45, now: clock.now });
  const clientFor: ClientFactory = async (e) => procoreClient(e, await e.settings(), governor, clocked);
  if (options.learn !== false) await learnFromPaymentsPages(engine, clientFor, origin);
  return { engine, clientFor, statuses: fetchFn.statuses, asked, clock };
}

/**
 * What a Procore page's requests teach the engine (PROCORE-CONTRACT.md "Learning from Procore's
 * pages"): the sandbox's Payments pages fetch the disbursement list, one disbursement with its
 * payouts and the funding accounts at internal paths that vary with `--variant`; the running
 * sandbox says where (`internalEndpointsOf`, as tests of the sandbox ask). Each request the page
 * makes becomes the observation the content script would send (the product's own record-shape
 * and template functions), and goes through `confirmObservation`, which replays it before keeping it.
 */
export async function learnFromPaymentsPages(engine: Engine, clientFor: ClientFactory, origin: string, companyId = '8089'): Promise<void> {
  const variant = await internalEndpointsOf(origin);
  const base = variant.prefix.replace('{company}', companyId);
  const fetchFn = await sessionFetch(origin);
  const client = await clientFor(engine);
  const observe = async (kind: LearnedKind, path: string, query: string): Promise<Record<string, unknown>[]> => {
    const response = await fetchFn(`${origin}${path}${query ? `?${query}` : ''}`);
    const found = response.status === 200 ? findRecords(await response.json()) : null;
    const observation: Observation | null = found && { companyId, method: 'GET', path, query: learnedQuery(query), kind: found.kind, template: pathTemplate(path, companyId), at: found.at };
    const confirmed = observation && (await confirmObservation(engine, client, observation));
    if (!found || found.kind !== kind || !confirmed) throw new Error(`The engine did not learn ${kind} from the page's GET ${path} (HTTP ${response.status})`);
    return found.records;
  };
  // The page's own query (its first page, when the variant pages).
  const disbursements = await observe('disbursement_list', `${base}/${variant.disbursements}`, variant.listQuery);
  // Opening one disbursement (the scenario's first) shows its payouts.
  const first = String(disbursements[0]?.id);
  await observe('disbursement_detail', `${base}/${variant.disbursements}/${encodeURIComponent(first)}`, '');
  await observe('funding_accounts', `${base}/${variant.fundingAccounts}`, variant.listQuery);
}

export function createDisbursement(origin: string, spec: DisbursementSpec): Promise<Disbursement> {
  return simControl<Disbursement>(origin, 'POST', '/disbursements', spec);
}

/** The payout ids of a disbursement the sim made for a test, in order. */
export const payoutIds = (d: Disbursement): string[] => payoutsOf(d).map((p) => p.id);

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
