import type { Diagnosis } from '../../domain/cause';
import { payoutsOf, type Disbursement } from '../../domain/schemas/disbursement';
import { isFundingComplete } from '../../domain/funding-complete';
import { isSynced, type ContractPayment } from '../../domain/schemas/contract-payment';
import { linkPayout, nextTrust, type ExternalIdTrust } from '../../domain/payout-link';
import type { Watch } from '../../domain/watch';
import { newWatch } from '../../domain/new-watch';
import type { WatchState } from '../../domain/watch';
import type { Settings } from '../../domain/settings';
import type { WatchEvent } from '../../domain/watch-event';
import type { WatchEffect } from '../../domain/watch-effect';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import type { SchemaProblem } from '../../procore/record-validation';
import { parseDisbursements, reportBadPayouts } from './learned-disbursements';
import { readMeta, writeMeta } from '../../store/meta-store';
import { getWatches, listWatches } from '../../store/watch-store';
import { commitTransitions, type PendingTransition, type TransitionFault } from '../state/commit-transitions';
import { companiesStale, CURSOR_PREFIX, refreshCompanies, storedCompanies, type WatchedCompany } from './company-directory';
import { diagnose } from '../fix/diagnose';
import type { Engine } from '../engine';
import { overdueTransitions } from './overdue';
import { backlogSince } from './backlog';
import { capabilityUnavailable, capabilityWorked } from '../learn/capability-log';
import { learnedEndpoints, replayLearned } from '../learn/learned-endpoints';
import { latestRequest, toWatchRequest } from '../../domain/request-to-watch';
import { listVersion, loadReadWhole, needsDetail, saveReadWhole, type ReadWhole } from './disbursements-read-whole';
import { contractDue, loadContractReads, readOrder, saveContractReads, type ContractReads, type PaceContext } from './contract-pace';

export interface CycleOptions {
  /** Also look for newly funded disbursements (every 2 minutes, and on demand). */
  discovery: boolean;
  /** Read the companies and their ERP settings now, however recently they were read. */
  forceCompanies?: boolean;
  /** Read the backlog too, as the first look after install does ("Check now"). */
  backlog?: boolean;
  companyId?: string;
  /** Asked for by a page: discovery now, contracts at their pace (new records, and those in `readNow`, are read now anyway). */
  paced?: boolean;
  /** Payouts a page shows whose export result it contradicts or is past due: read now (page-hints.ts). */
  readNow?: ReadonlySet<string>;
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
  /**
   * Procore stopped the cycle (rate limit, signed out, busy, hung, cancelled): what was read
   * before is stored and its effects are the caller's to run; then the cycle counts as failed.
   */
  interrupted?: ProcoreError;
}

interface Cursor {
  /** Server ms: disbursements updated since then are new to us. */
  disbursementsSince: number | null;
}

// Records are read again from a while before the cursor: a change stamped with a time just
// before the last cycle (clock skew, a slow transaction) is still seen. It costs no request.
const OVERLAP_MS = 2 * 60 * 1000;
// States whose outcome can still change without anyone acting in the extension.
const OPEN: WatchState[] = ['awaiting_funding', 'syncing', 'overdue', 'failed', 're_exporting', 'escalate'];
const ACTIVE: WatchState[] = ['syncing', 're_exporting'];
// Signed out, rate-limited, busy, hung or cancelled: the next company would meet the same answer.
const CYCLE_WIDE: readonly string[] = ['signed_out', 'rate_limited', 'unavailable', 'timeout', 'aborted'];
const isCycleWide = (error: unknown): error is ProcoreError => error instanceof ProcoreError && CYCLE_WIDE.includes(error.kind);
// A company with nothing syncing is discovered at most every half window by the alarms
// (5 minutes: every third 2-minute discovery alarm); its contracts' reads have their own pace
// (contract-pace.ts). A funding seen that late still starts its window at Procore's exact
// funding time, so its deadline does not move and is still ahead. New disbursements on a Procore
// tab the user has open are found sooner anyway: page hints discover that company within 15 s.
// "Poll now" and page hints read at once.
const IDLE_READ_SHARE_OF_WINDOW = 0.5;

const cursorKey = (companyId: string) => `${CURSOR_PREFIX}${companyId}`;

function fundingEvent(disbursement: Disbursement, company: WatchedCompany, windowMs: number, known: number | null, seenAt: number): WatchEvent {
  // No public field gives the funding-complete time (PROCORE-CONTRACT.md): the time first seen
  // stays; else `updatedAt` of a disbursement first seen already funding-complete; else now.
  const updated = disbursement.updatedAt ? Date.parse(disbursement.updatedAt) : NaN;
  return {
    type: 'funding_observed',
    fundingCompletedAt: known ?? (Number.isFinite(updated) && updated <= seenAt ? updated : seenAt),
    estimated: true,
    windowMs,
    paymentSyncEnabled: company.erp.payment_sync_enabled,
  };
}

/** Payment export off in a company (the user says so: no read exists): its records not yet in the ERP will never be exported. */
async function syncTurnedOff(engine: Engine, companies: readonly WatchedCompany[]): Promise<PendingTransition[]> {
  const pending: PendingTransition[] = [];
  for (const company of companies.filter((c) => !c.erp.payment_sync_enabled)) {
    const open = await listWatches(engine.db, { companyId: company.id, states: ['awaiting_funding', 'syncing', 'overdue'] });
    pending.push(...open.map((watch): PendingTransition => ({ watch, event: { type: 'sync_disabled' }, actor: 'engine', why: 'Payment export is off for this company (the options say so)' })));
  }
  return pending;
}

/** Disbursements read by the background (learned GETs, or a page's records it confirmed) become new or updated watches. */
export async function disbursementTransitions(
  engine: Engine,
  company: WatchedCompany,
  windowMs: number,
  disbursements: readonly Disbursement[],
  now: number,
): Promise<{ pending: PendingTransition[]; fresh: string[] }> {
  const stored = await getWatches(engine.db, disbursements.flatMap((d) => payoutsOf(d).map((p) => p.id)));
  const pending: PendingTransition[] = [];
  const fresh: string[] = [];
  for (const disbursement of disbursements) {
    const funded = isFundingComplete(disbursement.status);
    const number = disbursement.disbursementIdentifier ?? disbursement.name ?? disbursement.id;
    for (const payout of payoutsOf(disbursement)) {
      const known = stored.get(payout.id);
      const event = funded ? fundingEvent(disbursement, company, windowMs, known?.fundingCompletedAt ?? null, now) : null;
      if (!known) {
        const watch = newWatch({ companyId: company.id, disbursement, payout, erpSettings: company.erp }, now);
        pending.push({ watch, event, actor: 'engine', why: `Disbursement ${number} read from Procore`, isNew: true });
        fresh.push(payout.id);
        continue;
      }
      // Someone may have corrected the check number or Bank ID in Procore.
      const checkNumber = payout.checkNumber ?? known.checkNumber;
      const bankId = payout.bankId ?? known.bankId;
      const refreshed = known.checkNumber !== checkNumber || known.bankId !== bankId;
      const watch = refreshed ? { ...known, checkNumber, bankId, updatedAt: now } : known;
      if ((event && known.state === 'awaiting_funding') || refreshed) {
        pending.push({ watch, event, actor: 'engine', why: `Disbursement ${number} is ${disbursement.status ?? 'read'}`, refreshed });
      }
    }
  }
  return { pending, fresh };
}

/** The disbursement's payouts: from the list when it carries them, else from the learned detail GET. */
async function withPayouts(engine: Engine, client: ProcoreClient, companyId: string, disbursement: Disbursement, signal?: AbortSignal): Promise<Disbursement | null> {
  if (disbursement.payouts) {
    await capabilityWorked(engine, 'read_payouts', 'learned', companyId);
    return disbursement;
  }
  const detail = (await learnedEndpoints(engine)).disbursement_detail;
  if (!detail) return null;
  const [full] = parseDisbursements(client.problems, (await replayLearned(engine, client, detail, companyId, disbursement.id, signal)) ?? [], `disbursement ${disbursement.id} of company ${companyId}`);
  if (full?.payouts) await capabilityWorked(engine, 'read_payouts', 'learned', companyId);
  return full?.payouts ? full : null;
}

interface Discovered {
  pending: PendingTransition[];
  seen: number;
  fresh: string[];
  /** Every disbursement listed as changed is known whole (read now, or unchanged since last read). */
  complete: boolean;
  /** The versions read whole: stored once their watches are. */
  readWhole: ReadWhole;
  /** The disbursements listed as changed in this cycle. */
  listed: Set<string>;
  /** Procore stopped the reads part-way: what was read is kept, the rest waits for the next cycle. */
  interrupted: ProcoreError | null;
}

/**
 * Disbursements changed since the cursor, through the list GET learned from the Payments pages
 * (PROCORE-CONTRACT.md: no public endpoint lists them). Until one is learned, nothing: the
 * pages the user opens are then the only source. A detail is read only for a disbursement whose
 * list record changed since it was last read whole (disbursements-read-whole.ts): the cursor's
 * overlap, and a cycle the rate limit cut, do not read the same details again.
 */
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
): Promise<Discovered> {
  const readWhole = await loadReadWhole(engine, company.id);
  const nothing: Discovered = { pending: [], seen: 0, fresh: [], complete: false, readWhole, listed: new Set(), interrupted: null };
  const list = (await learnedEndpoints(engine)).disbursement_list;
  if (!list) return nothing;
  const records = await replayLearned(engine, client, list, company.id, undefined, signal);
  if (records === null) return nothing;
  await capabilityWorked(engine, 'discover_disbursements', 'learned', company.id);
  const since = backlog ? backlogSince(backlog, cycleStart) : cursor.disbursementsSince! - OVERLAP_MS;
  const changed = parseDisbursements(client.problems, records, `disbursements of company ${company.id}`).filter((d) => !d.updatedAt || Date.parse(d.updatedAt) >= since);
  const stored = new Map<string, Watch[]>();
  for (const watch of await listWatches(engine.db, { companyId: company.id })) stored.set(watch.disbursementId, [...(stored.get(watch.disbursementId) ?? []), watch]);
  const full: Disbursement[] = [];
  let complete = true;
  let interrupted: ProcoreError | null = null;
  for (const disbursement of changed) {
    if (!disbursement.payouts && !needsDetail(disbursement, readWhole, stored.get(disbursement.id) ?? [])) continue;
    let read: Disbursement | null;
    try {
      read = await withPayouts(engine, client, company.id, disbursement, signal);
    } catch (error) {
      if (!isCycleWide(error)) throw error;
      interrupted = error;
      complete = false;
      break;
    }
    if (!read) complete = false;
    else {
      reportBadPayouts(client.problems, read);
      full.push(read);
      readWhole.set(disbursement.id, listVersion(disbursement));
    }
  }
  const { pending, fresh } = await disbursementTransitions(engine, company, windowMs, full, cycleStart);
  return { pending, seen: changed.length, fresh, complete, readWhole, listed: new Set(changed.map((d) => d.id)), interrupted };
}

const TRUST_KEY = 'externalPaymentIdTrust';
const isGated = (error: unknown) => error instanceof ProcoreError && (error.kind === 'forbidden' || error.kind === 'not_found');

/** A record whose export result is worth one request: past its window, known failed, or shown on a page (page-hints.ts). */
function resultDue(watch: Watch, now: number, readNow: ReadonlySet<string>): boolean {
  return readNow.has(watch.payoutId) || watch.state === 'failed' || watch.state === 'overdue' || watch.state === 're_exporting' || (watch.deadline !== null && now >= watch.deadline);
}

/** What the contract reads of one company came to: kept by the cycle, stored after the transitions. */
interface StatusReads {
  pending: PendingTransition[];
  faults: TransitionFault[];
  /** When each contract was last read (contract-pace.ts), this cycle's reads included. */
  reads: ContractReads;
  /** The contracts that have open records: only their read times are kept. */
  open: Set<string>;
}

/**
 * Export status (PROCORE-CONTRACT.md "The ERP side"): one contract payments request per contract
 * links each record and finds the synced ones (origin id), for the contracts whose pace says so
 * (contract-pace.ts); a request detail is read only for records past their window or shown
 * failed, one request each. A company whose account may not read one of these (403/404) is
 * marked for that capability and skipped. Results go into `out` as they come, so what was read
 * before Procore stopped the cycle is kept.
 */
async function readStatuses(
  engine: Engine,
  client: ProcoreClient,
  company: WatchedCompany,
  pace: PaceContext,
  signal: AbortSignal | undefined,
  out: StatusReads,
): Promise<void> {
  const cycleStart = pace.now;
  const open = (await listWatches(engine.db, { companyId: company.id, states: OPEN })).filter((w) => w.state !== 'awaiting_funding');
  if (open.length === 0) return;
  let trust = (await readMeta<ExternalIdTrust>(engine.db, TRUST_KEY)) ?? 'unknown';
  const all = await listWatches(engine.db, { companyId: company.id });
  const taken = new Map(all.filter((w) => w.contractPaymentId).map((w) => [w.contractPaymentId!, w.payoutId]));
  const byContract = new Map<string, Watch[]>();
  for (const watch of open) {
    if (!watch.projectId || !watch.contractId) continue;
    const key = `${watch.projectId}/${watch.contractId}`;
    byContract.set(key, [...(byContract.get(key) ?? []), watch]);
  }
  for (const key of byContract.keys()) out.open.add(key);
  const { pending, faults } = out;
  let exportStatusGated = false;
  let learned: Promise<boolean> | undefined;
  const fundingAccountsLearned = () => (learned ??= learnedEndpoints(engine).then((endpoints) => !!endpoints.funding_accounts));
  try {
    const due = [...byContract].filter(([key, watches]) => contractDue(watches, out.reads.get(key), pace));
    const order = readOrder(cycleStart);
    for (const [key, watches] of due.sort(([, a], [, b]) => order(a, b))) {
      const faultsBefore = faults.length;
      await readContract(watches);
      // A record whose failure could not be classified is read again at the next poll.
      if (faults.length === faultsBefore) out.reads.set(key, cycleStart);
    }
  } finally {
    await writeMeta(engine.db, TRUST_KEY, trust);
  }

  async function readContract(watches: Watch[]): Promise<void> {
    let payments: ContractPayment[];
    try {
      payments = await client.contractPayments(company.id, watches[0]!.projectId, watches[0]!.contractId!, signal);
    } catch (error) {
      if (!isGated(error)) throw error;
      await capabilityUnavailable(engine, 'link_contract_payments', company.id);
      return;
    }
    await capabilityWorked(engine, 'link_contract_payments', 'public_api', company.id);
    if (payments.some((p) => isSynced(p) && p.check_number)) await capabilityWorked(engine, 'read_erp_check_numbers', 'public_api', company.id);
    for (const watch of watches) {
      const others = new Set([...taken].filter(([, payoutId]) => payoutId !== watch.payoutId).map(([id]) => id));
      const { link, evidence } = linkPayout({ id: watch.payoutId, invoiceId: watch.invoiceId || null, amountCents: watch.amountCents || null }, payments, trust, others);
      trust = nextTrust(trust, evidence);
      if (!link) continue; // still in flight on Procore's side
      const payment = link.contractPayment;
      taken.set(payment.id, watch.payoutId);
      const linked: Watch = watch.contractPaymentId === payment.id ? watch : { ...watch, contractPaymentId: payment.id, updatedAt: cycleStart };
      if (isSynced(payment)) {
        const request = { id: `origin:${payment.id}`, status: 'success' as const, messages: [], updatedAt: Date.parse(payment.updated_at ?? '') || cycleStart };
        if (watch.request?.status !== 'success') pending.push({ watch: linked, event: { type: 'status_read', request, diagnosis: null }, actor: 'engine', why: `Contract payment ${payment.id} carries an origin id` });
        continue;
      }
      let request = null;
      if (!exportStatusGated && resultDue(watch, cycleStart, pace.readNow)) {
        try {
          const latest = latestRequest(await client.requestDetailsOf(company.id, payment.id, signal));
          request = latest ? toWatchRequest(latest) : null;
          await capabilityWorked(engine, 'read_export_status', 'public_api', company.id);
        } catch (error) {
          if (!isGated(error)) throw error;
          exportStatusGated = true;
          await capabilityUnavailable(engine, 'read_export_status', company.id);
        }
      }
      const known = watch.request;
      const unchanged = !!known && !!request && known.id === request.id && known.status === request.status && known.updatedAt === request.updatedAt;
      // A failure diagnosed while its funding account could not be read is diagnosed again once it can.
      const rediagnose = unchanged && !!watch.diagnosis?.withoutFundingAccount && (await fundingAccountsLearned());
      if (!request || (unchanged && !rediagnose)) {
        if (linked !== watch) pending.push({ watch: linked, event: null, actor: 'engine', why: `Linked to contract payment ${payment.id}`, refreshed: true });
        continue;
      }
      let diagnosis: Diagnosis | null = null;
      try {
        diagnosis = request.status === 'failed' || request.status === 'stale' ? await diagnose(engine, client, linked, request, signal) : null;
      } catch (error) {
        if (error instanceof ProcoreError) throw error;
        // A bug in the classifier: this record keeps its stored state, the others go on.
        faults.push({ payoutId: watch.payoutId, companyId: company.id, message: `Payment record ${watch.payoutId}: its failure could not be classified (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}); the record is kept as it was.` });
        continue;
      }
      const why = rediagnose ? 'Diagnosed again with the funding account, which could not be read before' : `Export status ${request.status} read from Procore`;
      pending.push({ watch: linked, event: { type: 'status_read', request, diagnosis }, actor: 'engine', why });
    }
  }
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
    companies = await refreshCompanies(engine, client, settings, !!options.forceCompanies, options.signal);
    pending.push(...(await syncTurnedOff(engine, companies)));
  }
  if (options.companyId) companies = companies.filter((c) => c.id === options.companyId);
  const cursors = new Map<string, Cursor>();
  const contractReads = new Map<string, StatusReads>();
  for (const company of companies) {
    const cursor = (await readMeta<Cursor>(engine.db, cursorKey(company.id))) ?? { disbursementsSince: null };
    try {
      let fresh: string[] = [];
      const next: Cursor = { ...cursor };
      const asked = Boolean(options.forceCompanies || options.companyId);
      const idle = (since: number | null) => since === null || cycleStart - since >= windowMs * IDLE_READ_SHARE_OF_WINDOW;
      const inFlight = options.discovery && !asked && (await listWatches(engine.db, { companyId: company.id, states: ACTIVE })).length > 0;
      let found: Discovered | null = null;
      if (cursor.disbursementsSince === null || (options.discovery && (asked || inFlight || idle(cursor.disbursementsSince)))) {
        const backlog = cursor.disbursementsSince === null || options.backlog ? settings : null;
        found = await discover(engine, client, company, windowMs, cursor, cycleStart, backlog, options.signal);
        pending.push(...found.pending);
        fresh = found.fresh;
        result.disbursementsSeen += found.seen;
        // A disbursement listed without its payouts (their endpoint not learned yet, or the
        // cycle cut) must be read once it can be: the cursor stays until every listed one is
        // known whole; those read meanwhile are not read again (disbursements-read-whole.ts).
        if (found.complete) next.disbursementsSince = cycleStart;
      }
      // New watches must be stored before their status is read, so the read can find them.
      const discoveredPending = pending.splice(0);
      const discovered = await commitTransitions(engine, discoveredPending);
      result.errors.push(...discovered.faults);
      result.effects.push(...discovered.effects);
      result.watchesChanged += discovered.watches.length;
      if (found) {
        // A disbursement one of whose payouts could not be stored is read whole again.
        const faulted = new Set(discovered.faults.map((f) => f.payoutId));
        for (const p of discoveredPending) if (faulted.has(p.watch.payoutId)) found.readWhole.delete(p.watch.disbursementId);
        await saveReadWhole(engine, company.id, found.readWhole, found.listed);
        if (found.interrupted) throw found.interrupted;
      }
      const reads: StatusReads = { pending, faults: [], reads: await loadContractReads(engine, company.id), open: new Set() };
      contractReads.set(company.id, reads);
      const before = pending.length;
      try {
        await readStatuses(engine, client, company, { now: cycleStart, windowMs, asked: asked && !options.paced, fresh: new Set(fresh), readNow: options.readNow ?? new Set() }, options.signal, reads);
      } finally {
        result.statusesRead += pending.length - before;
        result.errors.push(...reads.faults);
      }
      cursors.set(company.id, next);
      result.companies++;
    } catch (error) {
      // Signed out, rate-limited, busy or hung: the next company would meet the same answer.
      // What was read before is stored below; the caller then counts the cycle as failed.
      if (isCycleWide(error)) {
        result.interrupted = error;
        break;
      }
      // 403/404 of one company never stops another (it is marked where it happened).
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
  for (const [companyId, reads] of contractReads) await saveContractReads(engine, companyId, reads.reads, reads.open);
  result.problems = client.takeProblems();
  return result;
}
