import type { IDBPTransaction } from 'idb';
import { browser } from 'wxt/browser';
import type { NotifyItem } from '../../domain/notification-grouping';
import { quietHoursEnd } from '../../domain/quiet-hours';
import type { WatchEffect } from '../../domain/watch-effect';
import type { EngineDbSchema } from '../../store/engine-db-schema';
import { readMeta } from '../../store/meta-store';
import type { Engine } from '../engine';
import { ALARMS } from '../poll/scheduler';
import { notify } from './notifier';

const OUTBOX_KEY = 'notifications:outbox';

type CommitTx = IDBPTransaction<EngineDbSchema, ['watches', 'meta'], 'readwrite'>;

/**
 * The outbox as the commit's transaction reads it. Read with the watches, before the commit's
 * synchronous part, so the transaction never waits between its reads and its writes.
 */
export function readOutbox(tx: CommitTx): Promise<unknown> {
  return tx.objectStore('meta').get(OUTBOX_KEY);
}

/**
 * Stores what a commit must tell the user in the same transaction as the states it changed, so a
 * worker stopped (or a notification that threw) between the commit and the notification loses
 * nothing: the next delivery tells it, if it is still true.
 */
export function queueNotifications(tx: CommitTx, outbox: unknown, effects: readonly WatchEffect[]): Promise<unknown> | null {
  const items = effects.flatMap((e) => (e.type === 'notify' ? [{ kind: e.kind, payoutId: e.payoutId }] : []));
  return items.length ? tx.objectStore('meta').put([...(Array.isArray(outbox) ? outbox : []), ...items], OUTBOX_KEY) : null;
}

const deliveries = new WeakMap<Engine, Promise<void>>();

/**
 * Tells what the outbox holds (one grouped notification per company), then takes it out. One
 * delivery at a time, so none is told twice; what commits add meanwhile waits for the next. In
 * quiet hours it stays, with an alarm at their end: the morning's one summary per company.
 */
export function deliverOutbox(engine: Engine): Promise<void> {
  const run = (deliveries.get(engine) ?? Promise.resolve()).then(() => deliverOnce(engine));
  deliveries.set(engine, run.catch(() => undefined));
  return run;
}

async function deliverOnce(engine: Engine): Promise<void> {
  const items = (await readMeta<NotifyItem[]>(engine.db, OUTBOX_KEY)) ?? [];
  if (!items.length) return;
  const settings = await engine.settings();
  const quietEnd = quietHoursEnd(settings.notifications.quietHours, engine.localTime());
  if (quietEnd !== null) return void (await browser.alarms.create(ALARMS.quietEnd, { when: quietEnd }));
  try {
    await notify(engine, items, settings);
  } finally {
    // Taken out even when telling threw (the error is reported): one item that cannot be told
    // must not hold back every later one.
    const tx = engine.db.transaction('meta', 'readwrite');
    const now = (await tx.store.get(OUTBOX_KEY)) as NotifyItem[] | undefined;
    await Promise.all([tx.store.put(now?.slice(items.length) ?? [], OUTBOX_KEY), tx.done]);
  }
}
