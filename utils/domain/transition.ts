import type { Cause, Diagnosis } from './cause';
import { classifyExportFailure } from './classify';
import { classifyWatchFailure } from './classify-watch';
import { deadlineFor } from './deadline';
import { erpLabel } from './erp-label';
import { NO_WORDS } from './failure-wording';
import type { InvoiceErpStatus } from './schemas/requisition';
import type { ReExportAttempt, Watch, WatchRequest, WatchState } from './watch';
import type { WatchEffect } from './watch-effect';
import type { WatchEvent } from './watch-event';

export interface TransitionResult {
  watch: Watch;
  effects: WatchEffect[];
}

/** Fixes for one cause that may fail before the record is handed to ERP support. */
export const FIXES_BEFORE_ESCALATION = 2;

// States from which a fresh failed read may start a corrective re-export.
const REEXPORTABLE: ReadonlySet<WatchState> = new Set(['syncing', 'overdue', 'failed', 'escalate']);
// States a change of sync settings still affects: nothing has come back from the ERP yet.
const NOT_YET_EXPORTED: ReadonlySet<WatchState> = new Set(['awaiting_funding', 'syncing', 'overdue']);

/**
 * The payment-record state machine of DESIGN.md: the next watch and the effects the background
 * must run after storing it. Pure: `now` is server time in epoch ms. An event that does not apply
 * to the watch's state (or is malformed) returns the very same watch and no effects. A bug
 * throws: the engine's boundary (commit-transitions) reports it and keeps the stored watch.
 */
export function transition(watch: Watch, event: WatchEvent, now: number): TransitionResult {
  if (watch.state === 'dismissed' || !Number.isFinite(now)) return noEffects(watch);
  switch (event.type) {
    case 'funding_observed':
      return onFundingObserved(watch, event, now);
    case 'status_read':
      return applyRead(watch, event.request, event.diagnosis, now);
    case 'deadline_reached':
      return onDeadlineReached(watch, now);
    case 'reexport_requested':
      return onReexportRequested(watch, event, now);
    case 'reexport_sent':
      return onReexportSent(watch, event.request, now);
    case 'reexport_refused':
      return onReexportRefused(watch, event.httpStatus, event.message, now);
    case 'sync_disabled':
      if (!NOT_YET_EXPORTED.has(watch.state)) return noEffects(watch);
      return noEffects(moveTo(watch, 'not_exportable', now, { notExportableReason: syncOffReason(watch) }));
    case 'snooze': {
      if (!Number.isFinite(event.until)) return noEffects(watch);
      const snoozedUntil = event.until > now ? event.until : null;
      if (snoozedUntil === watch.snoozedUntil) return noEffects(watch);
      return noEffects({ ...watch, snoozedUntil, updatedAt: now });
    }
    case 'dismiss':
      return noEffects(moveTo(watch, 'dismissed', now, {}));
    default:
      return noEffects(watch);
  }
}

type FundingObserved = Extract<WatchEvent, { type: 'funding_observed' }>;

function onFundingObserved(watch: Watch, event: FundingObserved, now: number): TransitionResult {
  if (!Number.isFinite(event.fundingCompletedAt) || !Number.isFinite(event.windowMs) || event.windowMs <= 0) {
    return noEffects(watch);
  }
  const timing = fundingTiming(watch, event);
  if (watch.state === 'awaiting_funding' || watch.state === 'syncing') {
    if (!event.paymentSyncEnabled) {
      return noEffects(moveTo(watch, 'not_exportable', now, { ...timing, notExportableReason: syncOffReason(watch) }));
    }
    const invoiceStatus = event.invoiceErpStatusAtPayment;
    if (invoiceStatus !== undefined && invoiceStatus !== 'synced') {
      const diagnosis = invoiceDiagnosis(watch, invoiceStatus);
      const notExportableReason = `${diagnosis.summary} ${diagnosis.fix ?? ''}`.trim();
      return noEffects(moveTo(watch, 'not_exportable', now, { ...timing, notExportableReason, diagnosis }));
    }
    if (watch.state === 'syncing' && sameTiming(watch, timing)) return noEffects(watch);
    const next = moveTo(watch, 'syncing', now, timing);
    // The alarm only needs re-arming when the deadline is new or later.
    const effects: WatchEffect[] =
      timing.deadline !== watch.deadline ? [{ type: 'schedule', payoutId: watch.payoutId, at: timing.deadline }] : [];
    return { watch: next, effects };
  }
  // Later states keep their state; the funding time still tells how long the sync took.
  if (sameTiming(watch, timing)) return noEffects(watch);
  return noEffects({ ...watch, ...timing, updatedAt: now });
}

/** Funding time and deadline after an observation: exact beats estimated, the deadline never moves earlier. */
function fundingTiming(watch: Watch, event: FundingObserved) {
  const refine = watch.fundingCompletedAt === null || (watch.fundingCompletedEstimated && !event.estimated);
  const fundingCompletedAt = refine ? event.fundingCompletedAt : (watch.fundingCompletedAt as number);
  const fundingCompletedEstimated = refine ? event.estimated : watch.fundingCompletedEstimated;
  const computed = deadlineFor(fundingCompletedAt, event.windowMs);
  const deadline = watch.deadline === null ? computed : Math.max(watch.deadline, computed);
  return { fundingCompletedAt, fundingCompletedEstimated, deadline };
}

function sameTiming(watch: Watch, t: ReturnType<typeof fundingTiming>): boolean {
  return (
    watch.fundingCompletedAt === t.fundingCompletedAt &&
    watch.fundingCompletedEstimated === t.fundingCompletedEstimated &&
    watch.deadline === t.deadline
  );
}

function onDeadlineReached(watch: Watch, now: number): TransitionResult {
  if (watch.state !== 'syncing' || watch.deadline === null) return noEffects(watch);
  // An alarm can fire early (clock offset re-estimated since it was set): re-arm it.
  if (now < watch.deadline) return { watch, effects: [{ type: 'schedule', payoutId: watch.payoutId, at: watch.deadline }] };
  return {
    watch: moveTo(watch, 'overdue', now, {}),
    effects: [{ type: 'notify', kind: 'overdue', payoutId: watch.payoutId }],
  };
}

/** A fresh read of Procore's latest request detail for the record. */
function applyRead(watch: Watch, request: WatchRequest | null, diagnosis: Diagnosis | null, now: number): TransitionResult {
  // Synced is final: the ERP has the record and it can never be unlinked or exported again.
  if (request === null || watch.state === 'synced' || isOlder(request, watch.request)) return noEffects(watch);
  switch (request.status) {
    case 'success':
      return readSuccess(watch, request, now);
    case 'in_progress':
      return readInProgress(watch, request, now);
    default:
      return readFailure(watch, request, diagnosis ?? factsOnlyDiagnosis(watch, request), now);
  }
}

function readSuccess(watch: Watch, request: WatchRequest, now: number): TransitionResult {
  const hadFixes = watch.attempts.length > 0;
  const next = moveTo(watch, 'synced', now, {
    request,
    diagnosis: null,
    syncedAt: Math.min(request.updatedAt, now),
    attempts: settlePending(watch.attempts, 'synced', []),
  });
  const effects: WatchEffect[] = hadFixes ? [{ type: 'notify', kind: 'synced_after_fix', payoutId: watch.payoutId }] : [];
  return { watch: next, effects };
}

function readInProgress(watch: Watch, request: WatchRequest, now: number): TransitionResult {
  if (sameRequest(watch.request, request)) return noEffects(watch);
  // A new export started from a failed record (someone clicked Export in Procore): it is in flight.
  const isNewExport = request.id !== watch.request?.id && (watch.state === 'failed' || watch.state === 'escalate');
  if (isNewExport) return noEffects(moveTo(watch, 're_exporting', now, { request }));
  return noEffects({ ...watch, request, updatedAt: now });
}

function readFailure(watch: Watch, request: WatchRequest, diagnosis: Diagnosis, now: number): TransitionResult {
  const isNewFailure = request.id !== watch.request?.id;
  switch (watch.state) {
    case 're_exporting': {
      // The failure the fix is curing, read again before Procore answered the export: no outcome yet.
      if (!isNewFailure && isFailure(watch.request)) return noEffects(watch);
      return fixOutcome(watch, request, diagnosis, now);
    }
    case 'failed':
    case 'escalate':
    case 'not_exportable': {
      if (!isNewFailure && sameRequest(watch.request, request) && sameDiagnosis(watch.diagnosis, diagnosis)) {
        return noEffects(watch);
      }
      const next = { ...watch, request, diagnosis, updatedAt: now };
      const notify = isNewFailure && watch.state === 'failed';
      return { watch: next, effects: notify ? [notifyFailed(watch)] : [] };
    }
    default:
      return { watch: moveTo(watch, 'failed', now, { request, diagnosis }), effects: [notifyFailed(watch)] };
  }
}

/** A failure read after a corrective export: the fix failed; escalate once one cause resisted two fixes. */
function fixOutcome(watch: Watch, request: WatchRequest, diagnosis: Diagnosis, now: number): TransitionResult {
  const attempts = settlePending(watch.attempts, 'failed', request.messages);
  if (failedFixes(attempts, diagnosis.cause) >= FIXES_BEFORE_ESCALATION) {
    return {
      watch: moveTo(watch, 'escalate', now, { request, diagnosis, attempts }),
      effects: [
        { type: 'escalate', payoutId: watch.payoutId },
        { type: 'notify', kind: 'escalated', payoutId: watch.payoutId },
      ],
    };
  }
  return { watch: moveTo(watch, 'failed', now, { request, diagnosis, attempts }), effects: [notifyFailed(watch)] };
}

type ReexportRequested = Extract<WatchEvent, { type: 'reexport_requested' }>;

function onReexportRequested(watch: Watch, event: ReexportRequested, now: number): TransitionResult {
  const { request } = event;
  // Only a fresh read that still shows 'Failed to Export' may start an export; otherwise it is news.
  if (request === null || !isFailure(request) || !REEXPORTABLE.has(watch.state)) {
    return applyRead(watch, request, event.diagnosis, now);
  }
  if (event.checkNumber !== undefined && !(Number.isSafeInteger(event.checkNumber) && event.checkNumber > 0)) {
    return noEffects(watch);
  }
  if (event.bankId !== undefined && event.bankId.trim() === '') return noEffects(watch);
  const diagnosis =
    event.diagnosis ??
    (sameRequest(watch.request, request) && watch.diagnosis ? watch.diagnosis : factsOnlyDiagnosis(watch, request));
  // An automatic fix only for what a re-export can cure, and never past escalation: then a person decides.
  if (event.by === 'policy' && (!diagnosis.retryable || watch.state === 'escalate')) {
    return applyRead(watch, request, event.diagnosis, now);
  }
  const attempt: ReExportAttempt = {
    at: now,
    checkNumber: event.checkNumber ?? watch.checkNumber,
    bankId: event.bankId ?? watch.bankId,
    cause: diagnosis.cause,
    outcome: 'pending',
    messages: [],
  };
  const effect: WatchEffect = { type: 'reexport', payoutId: watch.payoutId };
  // Omitted fields mean "unchanged" to Procore, so only the values being corrected are sent.
  if (event.checkNumber !== undefined) effect.checkNumber = event.checkNumber;
  if (event.bankId !== undefined) effect.bankId = event.bankId;
  return {
    watch: moveTo(watch, 're_exporting', now, { request, diagnosis, attempts: [...watch.attempts, attempt] }),
    effects: [effect],
  };
}

function onReexportSent(watch: Watch, request: WatchRequest, now: number): TransitionResult {
  const pending = pendingAttempt(watch);
  if (watch.state !== 're_exporting' || !pending || request.id === watch.request?.id) return noEffects(watch);
  // Procore applies the corrected values to the payout itself.
  const corrected: Watch = { ...watch, checkNumber: pending.checkNumber, bankId: pending.bankId ?? watch.bankId };
  return applyRead(corrected, request, null, now);
}

function onReexportRefused(watch: Watch, httpStatus: number, message: string, now: number): TransitionResult {
  if (watch.state !== 're_exporting' || !pendingAttempt(watch)) return noEffects(watch);
  // Procore's words as its page showed them (no HTTP status), or the status an API answer had.
  const attempts = settlePending(watch.attempts, 'rejected', [httpStatus ? `HTTP ${httpStatus}: ${message}` : message]);
  const cause = watch.diagnosis?.cause;
  const state: WatchState = cause && failedFixes(attempts, cause) >= FIXES_BEFORE_ESCALATION ? 'escalate' : 'failed';
  return noEffects(moveTo(watch, state, now, { attempts }));
}

function pendingAttempt(watch: Watch): ReExportAttempt | undefined {
  return watch.attempts.find((a) => a.outcome === 'pending');
}

function settlePending(attempts: ReExportAttempt[], outcome: ReExportAttempt['outcome'], messages: string[]): ReExportAttempt[] {
  return attempts.map((a) => (a.outcome === 'pending' ? { ...a, outcome, messages } : a));
}

function failedFixes(attempts: ReExportAttempt[], cause: Cause): number {
  return attempts.filter((a) => a.outcome === 'failed' && a.cause === cause).length;
}

function isFailure(request: WatchRequest | null): boolean {
  return request?.status === 'failed' || request?.status === 'stale';
}

/** An earlier request detail read after a later one (a cached page, a slow response): out of date. */
function isOlder(read: WatchRequest, known: WatchRequest | null): boolean {
  return known !== null && read.id !== known.id && read.updatedAt < known.updatedAt;
}

function sameRequest(a: WatchRequest | null, b: WatchRequest): boolean {
  return (
    a !== null &&
    a.id === b.id &&
    a.status === b.status &&
    a.updatedAt === b.updatedAt &&
    a.messages.length === b.messages.length &&
    a.messages.every((m, i) => m === b.messages[i])
  );
}

function sameDiagnosis(a: Diagnosis | null, b: Diagnosis): boolean {
  return a !== null && a.cause === b.cause && a.summary === b.summary && a.fix === b.fix;
}

function notifyFailed(watch: Watch): WatchEffect {
  return { type: 'notify', kind: 'failed', payoutId: watch.payoutId };
}

function syncOffReason(watch: Watch): string {
  const erp = erpLabel(watch.connector, watch.erpName);
  return `Payment export is off for this company (as set in ERP Sync Watch's options), so Procore will not export this payment record to ${erp}. Enter the payment in ${erp} by hand.`;
}

/** The engine reads the ERP's words when it diagnoses a failure before the event; without its diagnosis, facts alone decide. */
function factsOnlyDiagnosis(watch: Watch, request: WatchRequest): Diagnosis {
  return classifyWatchFailure(watch, request, { words: NO_WORDS });
}

function invoiceDiagnosis(watch: Watch, status: InvoiceErpStatus): Diagnosis {
  return classifyExportFailure({
    messages: [],
    words: NO_WORDS,
    connector: watch.connector,
    erpName: watch.erpName,
    invoiceNumber: watch.invoiceNumber,
    invoiceErpStatusAtPayment: status,
  });
}

function moveTo(watch: Watch, state: WatchState, now: number, patch: Partial<Watch>): Watch {
  return { ...watch, ...patch, state, stateSince: state === watch.state ? watch.stateSince : now, updatedAt: now };
}

/** The watch as given (or as patched) with nothing for the background to run. */
function noEffects(watch: Watch): TransitionResult {
  return { watch, effects: [] };
}
