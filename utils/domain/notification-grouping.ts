import type { Settings } from './settings';
import type { Watch, WatchState } from './watch';
import type { NotifyKind } from './watch-effect';

/** One thing to tell the user about one record (a `notify` effect, or one held in quiet hours). */
export interface NotifyItem {
  kind: NotifyKind;
  payoutId: string;
}

// What an item says must still be true when it is told (one held through quiet hours or left by a
// worker that stopped: a failure fixed meanwhile is not reported as failed).
const STILL_TRUE: Record<NotifyKind, WatchState> = { overdue: 'overdue', failed: 'failed', escalated: 'escalate', synced_after_fix: 'synced' };

function wanted(kind: NotifyKind, settings: Settings): boolean {
  const n = settings.notifications;
  if (kind === 'overdue') return n.overdue;
  if (kind === 'synced_after_fix') return n.syncedAfterFix;
  return n.failed;
}

/**
 * Notify items of one cycle, grouped by company: what each company's one notification will say.
 * Leaves out kinds the user turned off, records snoozed at `now`, what is no longer true and repeats.
 */
export function groupForNotification(
  items: readonly NotifyItem[],
  watches: ReadonlyMap<string, Watch>,
  settings: Settings,
  now: number,
): Map<string, Map<NotifyKind, Watch[]>> {
  const groups = new Map<string, Map<NotifyKind, Watch[]>>();
  const seen = new Set<string>();
  for (const { kind, payoutId } of items) {
    const watch = watches.get(payoutId);
    if (watch?.state !== STILL_TRUE[kind] || !wanted(kind, settings) || seen.has(`${kind}:${payoutId}`)) continue;
    if (watch.snoozedUntil !== null && watch.snoozedUntil > now) continue;
    seen.add(`${kind}:${payoutId}`);
    const byKind = groups.get(watch.companyId) ?? new Map<NotifyKind, Watch[]>();
    byKind.set(kind, [...(byKind.get(kind) ?? []), watch]);
    groups.set(watch.companyId, byKind);
  }
  return groups;
}
