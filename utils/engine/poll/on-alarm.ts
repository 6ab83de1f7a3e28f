import type { Engine } from '../engine';
import { deliverOutbox } from '../notify/notification-outbox';
import { keepWorkerAlive } from './keep-alive';
import { poll, type ClientFactory } from './poll-runner';
import { reachDeadlines } from './reach-deadlines';
import { armDeadlineAlarm, ALARMS, type AlarmName } from './scheduler';
import { probeSession } from './signed-out-probe';

const report = (what: string) => (error: unknown) => console.error(`erp-sync-watch: ${what} failed`, error);

/**
 * What each alarm does (the worker's and the API-cost benchmark's one dispatch). A deadline is
 * met from the store first, and its next alarm armed, before the poll that may refine it (the
 * contracts of records whose deadline passed since their last read are due: contract-pace.ts).
 */
export function alarmHandler(clientFor: ClientFactory): (engine: Engine, name: AlarmName) => Promise<void> {
  return (engine, name) =>
    keepWorkerAlive(async () => {
      // What a stopped worker committed but never told, or quiet hours held, goes out first.
      await deliverOutbox(engine).catch(report('notifications'));
      if (name === ALARMS.quietEnd) return;
      if (name === ALARMS.probe) return void (await probeSession(engine, clientFor).catch(report('signed-out probe')));
      if (name === ALARMS.deadline) {
        await reachDeadlines(engine).catch(report('deadline'));
        await armDeadlineAlarm(engine).catch(report('deadline alarm'));
      }
      await poll(engine, clientFor, { discovery: name === ALARMS.discovery }).catch(report('poll'));
    });
}
