import type { AuditEntry } from '../../domain/audit-entry';
import { transition, type TransitionResult } from '../../domain/transition';
import { WatchSchema, type Watch } from '../../domain/watch';
import type { WatchEffect } from '../../domain/watch-effect';
import type { WatchEvent } from '../../domain/watch-event';
import { appendAudit } from '../../store/audit-log';
import type { Engine } from '../engine';
import { queueNotifications, readOutbox } from '../notify/notification-outbox';

export interface PendingTransition {
  /**
   * The watch as the caller read it, or a new one (`isNew`). Only its facts read from Procore
   * are used (see `withReadFacts`): the event is applied to the watch as stored at commit time.
   */
  watch: Watch;
  /** Null: only store the (new or refreshed) watch. */
  event: WatchEvent | null;
  actor: AuditEntry['actor'];
  why: string;
  isNew?: boolean;
  /** The caller read new facts from Procore for this watch (a corrected check number or Bank ID, a link). */
  refreshed?: boolean;
}

export interface CommittedTransitions {
  watches: Watch[];
  effects: WatchEffect[];
  /** Events the state machine threw on, in words: each watch concerned is kept as stored. */
  faults: TransitionFault[];
}

export interface TransitionFault {
  payoutId: string;
  companyId: string;
  message: string;
}

/**
 * Runs every event through `transition` on the watch AS STORED, read and written in one store
 * transaction: a poll that read its watches seconds ago cannot overwrite a fix, dismiss or
 * snooze stored meanwhile (transition is pure, so re-running it on the stored watch is cheap).
 * User actions and polls all commit here, so they are serialised by the store. Then the audit
 * lines are stored and the changes pushed to open pages. Effects are returned, not run: the caller
 * runs them only after this has stored the new state, so a worker dying in between loses no
 * state; what to tell the user is queued with the state (notification-outbox.ts). A bug in the
 * state machine (or the classifier it calls) is caught here: the watch stays as stored, and the
 * fault is audited and returned for the caller to show.
 */
export async function commitTransitions(engine: Engine, pending: readonly PendingTransition[]): Promise<CommittedTransitions> {
  const now = engine.now();
  const changed = new Map<string, Watch>();
  const audit: AuditEntry[] = [];
  const effects: WatchEffect[] = [];
  const faults: TransitionFault[] = [];
  const tx = engine.db.transaction(['watches', 'meta'], 'readwrite');
  const store = tx.objectStore('watches');
  const ids = [...new Set(pending.map((p) => p.watch.payoutId))];
  const stored = new Map<string, Watch>();
  const [values, outbox] = await Promise.all([Promise.all(ids.map((id) => store.get(id))), readOutbox(tx)]);
  values.forEach((value, i) => {
    const parsed = value === undefined ? null : WatchSchema.safeParse(value);
    if (parsed?.success) stored.set(ids[i]!, parsed.data);
  });
  // From here to the writes nothing awaits: the transaction stays open and no one else writes.
  for (const item of pending) {
    const id = item.watch.payoutId;
    const before = changed.get(id) ?? stored.get(id);
    // Not stored (erased meanwhile) and not new: there is nothing to change.
    if (!before && !item.isNew) continue;
    const isNew = !before;
    const current = before ? withReadFacts(before, item, now) : item.watch;
    let result: TransitionResult = { watch: current, effects: [] };
    try {
      if (item.event) result = transition(current, item.event, now);
    } catch (error) {
      const message = faultWords(current, item.event, error);
      faults.push({ payoutId: id, companyId: current.companyId, message });
      audit.push({ at: now, payoutId: id, companyId: current.companyId, actor: 'engine', action: 'transition_error', before: current.state, after: current.state, why: message });
      continue;
    }
    effects.push(...result.effects);
    if (result.watch === before) continue;
    changed.set(id, result.watch);
    if (isNew || result.watch.state !== current.state || item.actor !== 'engine') {
      audit.push({
        at: now,
        payoutId: id,
        companyId: current.companyId,
        actor: item.actor,
        action: [isNew ? 'watch_created' : null, item.event?.type].filter(Boolean).join('+'),
        before: isNew ? null : current.state,
        after: result.watch.state,
        why: item.why,
      });
    }
  }
  const watches = [...changed.values()];
  let valid: Watch[];
  try {
    // Validated before writing, so nothing malformed ever reaches the store.
    valid = watches.map((w) => WatchSchema.parse(w));
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await Promise.all([...valid.map((w) => store.put(w)), queueNotifications(tx, outbox, effects), tx.done]);
  await appendAudit(engine.db, audit);
  engine.hub.publish({ type: 'upsert', watches });
  return { watches, effects, faults };
}

/**
 * The stored watch with the facts the caller read from Procore: a link found (kept once made),
 * and, when the caller says it read them (`refreshed`), the check number and Bank ID. State,
 * attempts, snooze and dismissal always stay as stored.
 */
function withReadFacts(stored: Watch, item: PendingTransition, now: number): Watch {
  const read = item.watch;
  const facts: Partial<Watch> = {};
  if (!stored.contractId && read.contractId) facts.contractId = read.contractId;
  if (!stored.contractPaymentId && read.contractPaymentId) facts.contractPaymentId = read.contractPaymentId;
  if (item.refreshed) {
    if (read.checkNumber !== stored.checkNumber) facts.checkNumber = read.checkNumber;
    if (read.bankId !== stored.bankId) facts.bankId = read.bankId;
  }
  return Object.keys(facts).length ? { ...stored, ...facts, updatedAt: now } : stored;
}

function faultWords(watch: Watch, event: WatchEvent | null, error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Payment record ${watch.payoutId}: ${event?.type ?? 'an update'} could not be applied (${reason}); the record is kept as it was.`;
}
