import { applyAutoFixPolicy } from '../fix/auto-fix-policy';
import { ProcoreError } from '../../procore/procore-error';
import type { ProcoreClient } from '../../procore/procore-client';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../../store/storage-full';
import { pruneSynced } from '../../store/watch-store';
import { storedCompanies } from './company-directory';
import type { Engine } from '../engine';
import { readStatus, writeStatus } from './engine-status';
import { runEffects } from '../state/effect-runner';
import { settleIntents } from '../fix/intent-recovery';
import { reachDeadlines } from './reach-deadlines';
import { runPollCycle, type CycleOptions, type CycleResult } from './poll-cycle';
import { saveGovernor } from './procore-connection';
import { reschedule } from './scheduler';

export type ClientFactory = (engine: Engine) => Promise<ProcoreClient>;

/** Who asked for a cycle: a person ("Check now", a saved connection) or the schedule and pages. */
export type PollAsker = 'user' | 'background';

interface Queued {
  asker: PollAsker;
  options: CycleOptions;
  controller: AbortController;
  /** The cycle that took this one's place: its result is this one's answer. */
  supersededBy: Promise<CycleResult | null> | null;
  started?: boolean;
  answer?: Promise<CycleResult | null>;
}

// One cycle at a time per worker, in order of asking.
let work: Promise<unknown> = Promise.resolve();
const pending = new Set<Queued>();

/**
 * A poll as the scheduler and "poll now" run it: settle leftover export intents, run the cycle,
 * run its effects, record the status pages show, and re-pace the alarms.
 *
 * A person's poll does not wait behind the background: every background cycle it covers, queued
 * or running, is cancelled (one stuck on a hung request or a long governor wait included; what
 * it read is kept), and its callers get the person's result, which reads at least as much.
 * A person's poll of one company does not wait behind a cycle of every company either (the
 * backlog read of a saved connection can take minutes): that cycle is cut and starts again
 * right after it (what it read is kept, and read records are not due again, so each cut still
 * moves it on).
 * A person's poll asked while the same one still waits its turn is that one: begun later, it
 * reads everything this one would (a saved connection, a change of companies and a test of the
 * connection each ask for one, and a backlog read can take minutes).
 */
export function poll(engine: Engine, clientFor: ClientFactory, options: CycleOptions, asker: PollAsker = 'background'): Promise<CycleResult | null> {
  const waiting = asker === 'user' && [...pending].find((q) => q.asker === asker && !q.started && q.options.companyId === options.companyId);
  if (waiting) return waiting.answer!;
  const entry: Queued = { asker, options, controller: new AbortController(), supersededBy: null };
  const signal = options.signal ? AbortSignal.any([options.signal, entry.controller.signal]) : entry.controller.signal;
  const start = () => {
    entry.started = true;
    return entry.controller.signal.aborted ? null : pollOnce(engine, clientFor, { ...options, signal });
  };
  const done = work.then(start, start).finally(() => pending.delete(entry));
  work = done.catch(() => null);
  const answer = done.then(
    (result) => entry.supersededBy ?? result,
    (error: unknown) => {
      if (entry.supersededBy) return entry.supersededBy;
      throw error;
    },
  );
  if (asker === 'user') makeWay(engine, clientFor, entry, answer);
  pending.add(entry);
  return (entry.answer = answer);
}

/** What a person's poll does to the cycles ahead of it (see `poll`). */
function makeWay(engine: Engine, clientFor: ClientFactory, person: Queued, answer: Promise<CycleResult | null>): void {
  const companyId = person.options.companyId;
  for (const other of [...pending]) {
    const theirs = other.options.companyId;
    // A background cycle this one reads everything of (every company, or the same one) is done by it.
    const covered = other.asker === 'background' && (companyId === undefined || theirs === companyId);
    if (!covered && (companyId === undefined || theirs !== undefined)) continue;
    // Out of the queue before it is asked again, so that it is not found waiting there.
    other.controller.abort();
    pending.delete(other);
    other.supersededBy = covered ? answer : poll(engine, clientFor, other.options, other.asker);
  }
}

async function pollOnce(engine: Engine, clientFor: ClientFactory, options: CycleOptions): Promise<CycleResult | null> {
  const client = await clientFor(engine);
  try {
    await settleIntents(engine, client, options.signal);
    const result = await runPollCycle(engine, client, options);
    await runEffects(engine, result.effects);
    // Cut part-way: what was read is stored and its effects ran; the cycle counts as failed.
    if (result.interrupted) throw result.interrupted;
    await applyAutoFixPolicy(engine, result.effects);
    const companies = await storedCompanies(engine);
    await engine.saveClockOffset();
    const problems = result.problems.map((p) => `${p.source}: record ${p.record} skipped (${p.issues})`);
    const errors = [...result.errors.map((e) => e.message), ...problems];
    const status = await writeStatus(engine.db, {
      signedIn: true,
      lastPollAt: engine.now(),
      lastError: errors.length ? { message: errors.join(' · '), at: engine.now(), retryAt: null } : null,
      watchedCompanies: companies.map((c) => ({ id: c.id, name: c.name, erpName: c.erp.erp_name, paymentSyncEnabled: c.erp.payment_sync_enabled, supportsPartialPayments: c.erp.supports_partial_payments })),
      clockOffsetMs: engine.clockOffsetMs,
      syncWindowMs: await engine.syncWindowMs(),
    });
    engine.hub.publish({ type: 'status', status });
    if (options.discovery) {
      const removed = await pruneSynced(engine.db, (await engine.settings()).retentionDays, engine.now());
      engine.hub.publish({ type: 'remove', payoutIds: removed });
    }
    return result;
  } catch (error) {
    // Storage full, from the cycle or from recording its failure: said in words, nothing lost.
    return await recordFailure(engine, error).catch(async (failure: unknown) => {
      if (!isStorageFull(failure)) throw failure;
      await reportStorageFull(engine);
      return null;
    });
  } finally {
    await saveGovernor(engine, client).catch(unlessStorageFull);
    await reschedule(engine);
  }
}

/** A poll that did not complete: deadlines that need no request, then the status in words. */
async function recordFailure(engine: Engine, error: unknown): Promise<null> {
  const procore = error instanceof ProcoreError ? error : null;
  // Cancelled (the connection changed): nothing failed, the next poll uses the new one.
  if (procore?.kind === 'aborted' || isStorageFull(error)) throw error;
  // Procore cannot be asked now, but deadlines need no request: overdue records still notify.
  if (procore) await reachDeadlines(engine);
  const status = await writeStatus(engine.db, {
    ...(procore ? { signedIn: procore.kind !== 'signed_out' } : {}),
    lastError: {
      message: error instanceof Error ? error.message : String(error),
      at: engine.now(),
      retryAt: procore?.retryAt ?? null,
    },
  });
  engine.hub.publish({ type: 'status', status });
  if (!procore) throw error;
  return null;
}

function unlessStorageFull(error: unknown): void {
  if (!isStorageFull(error)) throw error;
}

/**
 * Storage is full: the status cannot be written either, so it goes to the open pages over the
 * live port straight away (and is stored too, should the space come back in between).
 */
async function reportStorageFull(engine: Engine): Promise<void> {
  const status = { ...(await readStatus(engine.db)), lastError: { message: STORAGE_FULL_MESSAGE, at: engine.now(), retryAt: null } };
  engine.hub.publish({ type: 'status', status });
  await writeStatus(engine.db, status).catch(unlessStorageFull);
}
