import type { AuditEntry } from '../domain/audit-entry';
import { transition } from '../domain/transition';
import type { Watch } from '../domain/watch';
import type { WatchEffect } from '../domain/watch-effect';
import type { WatchEvent } from '../domain/watch-event';
import { appendAudit } from '../store/audit-log';
import { putWatches } from '../store/watch-store';
import type { Engine } from './engine';

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
}

/**
 * Runs every event through `transition`, stores the changed watches and their audit lines, and
 * pushes them to open pages. Effects are returned, not run: the caller runs them only after
 * this has stored the new state, so a worker dying in between loses no state.
 */
export async function commitTransitions(engine: Engine, pending: readonly PendingTransition[]): Promise<CommittedTransitions> {
  const now = engine.now();
  const changed = new Map<string, Watch>();
  const audit: AuditEntry[] = [];
  const effects: WatchEffect[] = [];
  for (const item of pending) {
    const current = changed.get(item.watch.payoutId) ?? item.watch;
    const result = item.event ? transition(current, item.event, now) : { watch: current, effects: [] };
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
  return { watches, effects };
}
