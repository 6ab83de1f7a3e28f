import type { AuditEntry } from '../../domain/audit-entry';
import { transition, type TransitionResult } from '../../domain/transition';
import type { Watch } from '../../domain/watch';
import type { WatchEffect } from '../../domain/watch-effect';
import type { WatchEvent } from '../../domain/watch-event';
import { appendAudit } from '../../store/audit-log';
import { putWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

export interface PendingTransition {
  /** The stored watch, or a new one (`isNew`) that is stored whatever the event does. */
  watch: Watch;
  /** Null: only store the (new or refreshed) watch. */
  event: WatchEvent | null;
  actor: AuditEntry['actor'];
  why: string;
  isNew?: boolean;
  /** The caller updated facts on the stored watch (a new check number read from Procore). */
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
 * Runs every event through `transition`, stores the changed watches and their audit lines, and
 * pushes them to open pages. Effects are returned, not run: the caller runs them only after
 * this has stored the new state, so a worker dying in between loses no state. This is the one
 * place a bug in the state machine (or the classifier it calls) is caught: the watch stays as
 * stored, and the fault is audited and returned for the caller to show.
 */
export async function commitTransitions(engine: Engine, pending: readonly PendingTransition[]): Promise<CommittedTransitions> {
  const now = engine.now();
  const changed = new Map<string, Watch>();
  const audit: AuditEntry[] = [];
  const effects: WatchEffect[] = [];
  const faults: TransitionFault[] = [];
  for (const item of pending) {
    const current = changed.get(item.watch.payoutId) ?? item.watch;
    let result: TransitionResult = { watch: current, effects: [] };
    try {
      if (item.event) result = transition(current, item.event, now);
    } catch (error) {
      const message = faultWords(current, item.event, error);
      faults.push({ payoutId: current.payoutId, companyId: current.companyId, message });
      audit.push({ at: now, payoutId: current.payoutId, companyId: current.companyId, actor: 'engine', action: 'transition_error', before: current.state, after: current.state, why: message });
      continue;
    }
    effects.push(...result.effects);
    if (result.watch === current && !item.isNew && !item.refreshed) continue;
    changed.set(current.payoutId, result.watch);
    if (item.isNew || result.watch.state !== current.state || item.actor !== 'engine') {
      audit.push({
        at: now,
        payoutId: current.payoutId,
        companyId: current.companyId,
        actor: item.actor,
        action: [item.isNew ? 'watch_created' : null, item.event?.type].filter(Boolean).join('+'),
        before: item.isNew ? null : current.state,
        after: result.watch.state,
        why: item.why,
      });
    }
  }
  const watches = [...changed.values()];
  await putWatches(engine.db, watches);
  await appendAudit(engine.db, audit);
  engine.hub.publish({ type: 'upsert', watches });
  return { watches, effects, faults };
}

function faultWords(watch: Watch, event: WatchEvent | null, error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Payment record ${watch.payoutId}: ${event?.type ?? 'an update'} could not be applied (${reason}); the record is kept as it was.`;
}
