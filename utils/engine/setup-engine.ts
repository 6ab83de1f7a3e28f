import { openEngineDb } from '../store/engine-db';
import { updateBadge } from './notify/badge';
import { Engine } from './engine';
import { readStatus } from './poll/engine-status';
import { messageHandlers } from './message-handlers';
import { runtimeTrust, setupMessageRouter, type MessageHandlers } from './message-router';
import { setupNotificationClicks } from './notify/notifier';
import { alarmHandler } from './poll/on-alarm';
import type { ClientFactory } from './poll/poll-runner';
import { engineClient } from './poll/procore-connection';
import { setupPolicyWatch } from './settings/policy-watch';
import { SANDBOX_BUILD, sandboxWindow, sandboxWindowRoute } from './settings/sandbox-window';
import { setupScheduler } from './poll/scheduler';
import { applyUserEvent } from './state/watch-actions';
import { WatchHub } from './state/watch-hub';
import { setupWatchPort } from './state/watch-port';

const clientFor: ClientFactory = engineClient;

/** Handlers that wait for the store to open: a message may be what woke the worker. */
function deferredHandlers(ready: Promise<MessageHandlers>): MessageHandlers {
  return new Proxy({} as MessageHandlers, {
    get:
      (_target, name: string) =>
      async (...args: unknown[]) => {
        const handlers = (await ready) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        return handlers[name]!(...args);
      },
  });
}

/**
 * The background engine. Every listener is registered synchronously (the event that woke the
 * worker must find it) and waits for the store, which each wake reopens. Leases of an earlier
 * worker are void: one worker runs at a time, so whatever it held died with it.
 */
export function setupEngine(): void {
  const hub = new WatchHub();
  const ready = (async () => {
    const db = await openEngineDb();
    await db.clear('locks');
    return Engine.open(db, hub, undefined, SANDBOX_BUILD ? sandboxWindow(db) : undefined);
  })();
  setupMessageRouter(
    deferredHandlers(ready.then((engine) => messageHandlers(engine, clientFor))),
    runtimeTrust,
    SANDBOX_BUILD ? sandboxWindowRoute(ready) : undefined,
  );
  setupWatchPort(hub, async () => readStatus((await ready).db));
  setupNotificationClicks(ready, async (engine, payoutIds, minutes) => {
    for (const id of payoutIds) {
      await applyUserEvent(engine, id, { type: 'snooze', until: engine.now() + minutes * 60_000 }, `Snoozed ${minutes} min from a notification`);
    }
  });
  setupScheduler(ready, alarmHandler(clientFor));
  setupPolicyWatch(ready, clientFor);
  void ready.then(updateBadge);
}
