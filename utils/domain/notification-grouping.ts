import type { Settings } from './settings';
import type { Watch } from './watch';
import type { NotifyKind } from './watch-effect';

/** One thing to tell the user about one record (a `notify` effect, or one held in quiet hours). */
export interface NotifyItem {
  kind: NotifyKind;
  payoutId: string;
}

function wanted(kind: NotifyKind, settings: Settings): boolean {
  const n = settings.notifications;
  if (kind === 'overdue') return n.overdue;
  if (kind === 'synced_after_fix') return n.syncedAfterFix;
  return n.failed;
}

/**
 * Notify items of one cycle, grouped by company: what each company's one notification will say.
 * Leaves out kinds the user turned off, records snoozed at `now` and repeats.
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
    if (!watch || !wanted(kind, settings) || seen.has(`${kind}:${payoutId}`)) continue;
    if (watch.snoozedUntil !== null && watch.snoozedUntil > now) continue;
    seen.add(`${kind}:${payoutId}`);
    const byKind = groups.get(watch.companyId) ?? new Map<NotifyKind, Watch[]>();
    byKind.set(kind, [...(byKind.get(kind) ?? []), watch]);
    groups.set(watch.companyId, byKind);
  }
  return groups;
}
