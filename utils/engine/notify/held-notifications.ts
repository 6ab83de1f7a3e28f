import { browser } from 'wxt/browser';
import type { WatchState } from '../../domain/watch';
import type { NotifyItem } from '../../domain/notification-grouping';
import type { NotifyKind } from '../../domain/watch-effect';
import { deleteMeta, readMeta, writeMeta } from '../../store/meta-store';
import { getWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import { quietHoursEnd } from '../../domain/quiet-hours';
import { ALARMS } from '../poll/scheduler';

const HELD_KEY = 'notifications:held';

// What a held item says must still be true when quiet hours end (a failure fixed overnight is
// not reported as failed in the morning).
const STILL_TRUE: Record<NotifyKind, WatchState> = { overdue: 'overdue', failed: 'failed', escalated: 'escalate', synced_after_fix: 'synced' };

/** Keeps notifications found during quiet hours, with an alarm at their end (local ms). */
export async function holdNotifications(engine: Engine, items: readonly NotifyItem[], quietEndsAt: number): Promise<void> {
  const held = (await readMeta<NotifyItem[]>(engine.db, HELD_KEY)) ?? [];
  const known = new Set(held.map((i) => `${i.kind}:${i.payoutId}`));
  const added = items.filter((i) => !known.has(`${i.kind}:${i.payoutId}`)).map(({ kind, payoutId }) => ({ kind, payoutId }));
  await writeMeta(engine.db, HELD_KEY, [...held, ...added]);
  await browser.alarms.create(ALARMS.quietEnd, { when: quietEndsAt });
}

/**
 * The held notifications still true, taken out of the store, once quiet hours are over; while
 * they last (the hours were changed), none, and the alarm moves to their new end.
 */
export async function takeHeldNotifications(engine: Engine): Promise<NotifyItem[]> {
  const held = (await readMeta<NotifyItem[]>(engine.db, HELD_KEY)) ?? [];
  if (!held.length) return [];
  const quietEnd = quietHoursEnd((await engine.settings()).notifications.quietHours, engine.localTime());
  if (quietEnd !== null) {
    await browser.alarms.create(ALARMS.quietEnd, { when: quietEnd });
    return [];
  }
  const watches = await getWatches(engine.db, [...new Set(held.map((i) => i.payoutId))]);
  await deleteMeta(engine.db, [HELD_KEY]);
  return held.filter((i) => watches.get(i.payoutId)?.state === STILL_TRUE[i.kind]);
}
