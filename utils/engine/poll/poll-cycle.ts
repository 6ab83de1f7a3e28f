import type { Diagnosis } from '../../domain/cause';
import { isFundingComplete, type Disbursement } from '../../domain/schemas/disbursement';
import { newWatch } from '../../domain/new-watch';
import type { WatchState } from '../../domain/watch';
import type { WatchEvent } from '../../domain/watch-event';
import type { WatchEffect } from '../../domain/watch-effect';
import type { Settings } from '../../domain/settings';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import type { SchemaProblem } from '../../procore/record-validation';
import { readMeta, writeMeta } from '../../store/meta-store';
import { getWatches, listWatches } from '../../store/watch-store';
import { commitTransitions, type PendingTransition, type TransitionFault } from '../state/commit-transitions';
import { companiesStale, CURSOR_PREFIX, refreshCompanies, storedCompanies, type WatchedCompany } from './company-directory';
import { diagnose } from '../fix/diagnose';
import type { Engine } from '../engine';
import { overdueTransitions } from './overdue';
import { backlogSince } from './backlog';
import { latestByPayout, toWatchRequest } from '../../domain/request-to-watch';

export interface CycleOptions {
  /** Also look for newly funded disbursements (every 2 minutes, and on demand). */
  discovery: boolean;
  /** Read the companies and their ERP settings now, however recently they were read. */
  forceCompanies?: boolean;
  /** Read the backlog too, as the first look after install does ("Check now"). */
  backlog?: boolean;
  /**
   * Records just turned overdue from the store (a deadline): read what Procore now says of the
   * waiting ones, so one the ERP refused before its window ended reads as failed, not missing.
   */
  refineWaiting?: boolean;
  companyId?: string;
  signal?: AbortSignal;
}

export interface CycleResult {
  companies: number;
  disbursementsSeen: number;
  statusesRead: number;
  watchesChanged: number;
  effects: WatchEffect[];
  problems: SchemaProblem[];
  errors: { companyId: string; message: string }[];
}

interface Cursor {
  /** Server ms: disbursements updated since then are new to us. */
  disbursementsSince: number | null;
  /** Server ms: request details updated since then are new to us. */
  statusSince: number | null;
}

// Records are read again from a while before the cursor: a change stamped with a time just
// before the last cycle (clock skew, a slow transaction) is still seen. It costs no request.
const OVERLAP_MS = 2 * 60 * 1000;
const FAR_FUTURE_MS = 24 * 60 * 60 * 1000;
// States whose outcome can still change without anyone acting in the extension.
const OPEN: WatchState[] = ['awaiting_funding', 'syncing', 'overdue', 'failed', 're_exporting', 'escalate'];
const ACTIVE: WatchState[] = ['syncing', 're_exporting'];
// A company with nothing syncing is discovered, and its waiting records (failed, overdue,
// awaiting funding) read, at most every half window by the alarms (5 minutes: every third
// 2-minute discovery alarm). A funding seen that late still starts its window at Procore's exact
// funding time, so its deadline does not move and is still ahead. New disbursements on a Procore
// tab the user has open are found sooner anyway: page hints discover that company within 15 s.
// "Poll now" and page hints read at once.
const IDLE_READ_SHARE_OF_WINDOW = 0.5;

const cursorKey = (companyId: string) => `${CURSOR_PREFIX}${companyId}`;

function fundingEvent(disbursement: Disbursement, company: WatchedCompany, windowMs: number, seenAt: number): WatchEvent {
  const exact = disbursement.fundingCompletedAt ? Date.parse(disbursement.fundingCompletedAt) : null;
  return {
    type: 'funding_observed',
    fundingCompletedAt: exact ?? seenAt,
    estimated: exact === null,
    windowMs,
    paymentSyncEnabled: company.erp.payment_sync_enabled,
  };
}

/** Payment sync turned off in a company: its records not yet in the ERP will never be exported. */
async function syncTurnedOff(engine: Engine, companies: readonly WatchedCompany[]): Promise<PendingTransition[]> {
  const pending: PendingTransition[] = [];
  for (const company of companies.filter((c) => !c.erp.payment_sync_enabled)) {
    const open = await listWatches(engine.db, { companyId: company.id, states: ['awaiting_funding', 'syncing', 'overdue'] });
    pending.push(...open.map((watch): PendingTransition => ({ watch, event: { type: 'sync_disabled' }, actor: 'engine', why: 'Payment sync is turned off in ERP Integrations' })));
  }
  return pending;
}

/** Disbursements changed since the cursor become new or updated watches. */
async function discover(
  engine: Engine,
  client: ProcoreClient,
  company: WatchedCompany,
  windowMs: number,
  cursor: Cursor,
  cycleStart: number,
  /** The first look, or asked for: the settings say how far back (utils/engine/poll/backlog.ts). */
  backlog: Settings | null,
  signal?: AbortSignal,
): Promise<{ pending: PendingTransition[]; seen: number; fresh: string[] }> {
  const since = backlog ? await backlogSince(engine, client, company.id, backlog, cycleStart, signal) : cursor.disbursementsSince! - OVERLAP_MS;
  const disbursements = await client.disbursements(company.id, { updatedSince: since, until: cycleStart + FAR_FUTURE_MS }, signal);
  const payoutIds = disbursements.flatMap((d) => d.payouts.map((p) => p.id));
  const stored = await getWatches(engine.db, payoutIds);
  const pending: PendingTransition[] = [];
  const fresh: string[] = [];
  for (const disbursement of disbursements) {
    const funded = isFundingComplete(disbursement.status);
    for (const payout of disbursement.payouts) {
      const known = stored.get(payout.id);
      const event = funded ? fundingEvent(disbursement, company, windowMs, known?.fundingCompletedAt ?? cycleStart) : null;
      if (!known) {
        const watch = newWatch({ companyId: company.id, disbursement, payout, erpSettings: company.erp }, cycleStart);
        pending.push({ watch, event, actor: 'engine', why: `Disbursement ${disbursement.disbursementIdentifier} read from Procore`, isNew: true });
        fresh.push(payout.id);
        continue;
      }
      // Someone may have corrected the check number or Bank ID in Procore.
      const refreshed = known.checkNumber !== payout.checkNumber || known.bankId !== payout.bankId;
      const watch = refreshed ? { ...known, checkNumber: payout.checkNumber, bankId: payout.bankId, updatedAt: cycleStart } : known;
      if (event || refreshed) {
        pending.push({ watch, event, actor: 'engine', why: `Disbursement ${disbursement.disbursementIdentifier} is ${disbursement.status}`, refreshed });
      }
    }
  }
  return { pending, seen: disbursements.length, fresh };
}

/** Export status: records new to us by id (100 per request), the rest by what changed since the cursor. */
async function readStatuses(
  engine: Engine,
  client: ProcoreClient,
  company: WatchedCompany,
  cursor: Cursor,
  freshIds: string[],
  cycleStart: number,
  signal: AbortSignal | undefined,
  waitingDue: boolean,
): Promise<{ pending: PendingTransition[]; faults: TransitionFault[] } | null> {
  // Only records whose outcome is minutes away are worth a request every 30 s; failures wait
  // for someone, so their changes are read every half window (or with the active ones' read).
  const open = await listWatches(engine.db, { companyId: company.id, states: waitingDue ? OPEN : ACTIVE });
  if (!waitingDue && open.length === 0 && freshIds.length === 0) return null;
  const byId = cursor.statusSince === null ? [...new Set([...open.map((w) => w.payoutId), ...freshIds])] : freshIds;
  const details = [
    ...(byId.length ? await client.requestDetailsFor(company.id, byId, signal) : []),
    ...(cursor.statusSince !== null && open.length
      ? await client.requestDetailsChanged(company.id, cursor.statusSince - OVERLAP_MS, cycleStart + FAR_FUTURE_MS, signal)
      : []),
  ];
  const latest = latestByPayout(details);
  const watches = await getWatches(engine.db, [...latest.keys()]);
  const pending: PendingTransition[] = [];
  const faults: TransitionFault[] = [];
  for (const [payoutId, detail] of latest) {
    const watch = watches.get(payoutId);
    if (!watch) continue;
    const request = toWatchRequest(detail);
    // Read again only because of the cursor's overlap: nothing new to diagnose or store.
    const known = watch.request;
    if (known && known.id === request.id && known.status === request.status && known.updatedAt === request.updatedAt) continue;
    let diagnosis: Diagnosis | null = null;
    try {
      diagnosis = request.status === 'failed' || request.status === 'stale' ? await diagnose(engine, client, watch, request, signal) : null;
    } catch (error) {
      if (error instanceof ProcoreError) throw error;
      // A bug in the classifier: this record keeps its stored state, the others go on; the
      // company's status cursor stays, so the record is read (and reported) again next poll.
      faults.push({ payoutId, companyId: company.id, message: `Payment record ${payoutId}: its failure could not be classified (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}); the record is kept as it was.` });
      continue;
    }
    pending.push({ watch, event: { type: 'status_read', request, diagnosis }, actor: 'engine', why: `Export status ${detail.status} read from Procore` });
  }
  return { pending, faults };
}

/**
 * One poll: per watched company, what changed since its cursors, every result through
 * `transition`, all of it stored before any effect runs. Its cost grows with companies and
 * changed records, not with records watched. Returns the effects for the caller to run.
 */
export async function runPollCycle(engine: Engine, client: ProcoreClient, options: CycleOptions): Promise<CycleResult> {
  const settings = await engine.settings();
  const windowMs = await engine.syncWindowMs();
  const cycleStart = engine.now();
  const result: CycleResult = { companies: 0, disbursementsSeen: 0, statusesRead: 0, watchesChanged: 0, effects: [], problems: [], errors: [] };
  let companies = await storedCompanies(engine);
  const pending: PendingTransition[] = [];
  if (companies.length === 0 || (options.discovery && (options.forceCompanies || (await companiesStale(engine))))) {
    companies = await refreshCompanies(engine, client, settings, options.signal);
    pending.push(...(await syncTurnedOff(engine, companies)));
  }
  if (options.companyId) companies = companies.filter((c) => c.id === options.companyId);
  const cursors = new Map<string, Cursor>();
  for (const company of companies) {
    const cursor = (await readMeta<Cursor>(engine.db, cursorKey(company.id))) ?? { disbursementsSince: null, statusSince: null };
    try {
      let fresh: string[] = [];
      const next: Cursor = { ...cursor };
      const asked = Boolean(options.forceCompanies || options.companyId);
      const idle = (since: number | null) => since === null || cycleStart - since >= windowMs * IDLE_READ_SHARE_OF_WINDOW;
      const inFlight = options.discovery && !asked && (await listWatches(engine.db, { companyId: company.id, states: ACTIVE })).length > 0;
      if (cursor.disbursementsSince === null || (options.discovery && (asked || inFlight || idle(cursor.disbursementsSince)))) {
        const backlog = cursor.disbursementsSince === null || options.backlog ? settings : null;
        const found = await discover(engine, client, company, windowMs, cursor, cycleStart, backlog, options.signal);
        pending.push(...found.pending);
        fresh = found.fresh;
        result.disbursementsSeen += found.seen;
        next.disbursementsSince = cycleStart;
      }
      // New watches must be stored before their status is read, so the read can find them.
      const discovered = await commitTransitions(engine, pending.splice(0));
      result.errors.push(...discovered.faults);
      result.effects.push(...discovered.effects);
      result.watchesChanged += discovered.watches.length;
      const waitingDue = Boolean(options.refineWaiting) || (options.discovery && (asked || idle(cursor.statusSince)));
      const statuses = await readStatuses(engine, client, company, cursor, fresh, cycleStart, options.signal, waitingDue);
      if (statuses) {
        result.statusesRead += statuses.pending.length;
        pending.push(...statuses.pending);
        result.errors.push(...statuses.faults);
        if (statuses.faults.length === 0) next.statusSince = cycleStart;
      }
      cursors.set(company.id, next);
      result.companies++;
    } catch (error) {
      // Signed out, rate-limited, busy or hung: the next company would meet the same answer.
      const cycleWide: readonly string[] = ['signed_out', 'rate_limited', 'unavailable', 'timeout', 'aborted'];
      if (error instanceof ProcoreError && cycleWide.includes(error.kind)) throw error;
      result.errors.push({ companyId: company.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  // After the reads above: a record read as synced in this cycle is not overdue.
  pending.push(...(await overdueTransitions(engine)));
  const committed = await commitTransitions(engine, pending);
  result.errors.push(...committed.faults);
  result.effects.push(...committed.effects);
  result.watchesChanged += committed.watches.length;
  // Cursors move only after what they cover is stored.
  for (const [companyId, cursor] of cursors) await writeMeta(engine.db, cursorKey(companyId), cursor);
  result.problems = client.takeProblems();
  return result;
}
