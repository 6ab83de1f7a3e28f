import { browser } from 'wxt/browser';
import { toLocalTime } from '../domain/server-clock';
import { countByState, nextDeadline } from '../store/watch-store';
import type { Engine } from './engine';
import { readStatus } from './engine-status';
import { pollPace } from './poll-pace';

export const ALARMS = { poll: 'poll', discovery: 'discovery', deadline: 'deadline' } as const;
export type AlarmName = (typeof ALARMS)[keyof typeof ALARMS];

async function setPeriodic(name: string, minutes: number | null): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (minutes === null) {
    if (existing) await browser.alarms.clear(name);
    return;
  }
  // Re-creating an alarm restarts its period: leave one that already has the right pace.
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(name, { delayInMinutes: minutes, periodInMinutes: minutes });
}

/** One alarm at the earliest deadline, so the window's end is noticed then, not at the next poll. */
export async function armDeadlineAlarm(engine: Engine): Promise<number | null> {
  const deadline = await nextDeadline(engine.db);
  if (deadline === null) {
    await browser.alarms.clear(ALARMS.deadline);
    return null;
  }
  // Deadlines are server time; alarms run on the local clock.
  const when = Math.max(engine.localTime() + 500, toLocalTime(deadline, engine.clockOffsetMs) + 250);
  const existing = await browser.alarms.get(ALARMS.deadline);
  if (!existing || Math.abs(existing.scheduledTime - when) > 500) await browser.alarms.create(ALARMS.deadline, { when });
  return deadline;
}

/** Sets the poll and discovery alarms to the pace the stored work calls for, and the deadline alarm. */
export async function reschedule(engine: Engine): Promise<void> {
  const [status, syncing, reExporting, failed, overdue] = await Promise.all([
    readStatus(engine.db),
    countByState(engine.db, 'syncing'),
    countByState(engine.db, 're_exporting'),
    countByState(engine.db, 'failed'),
    countByState(engine.db, 'overdue'),
  ]);
  const pace = pollPace({ signedIn: status.signedIn, active: syncing + reExporting, waiting: failed + overdue });
  await setPeriodic(ALARMS.poll, pace.pollMinutes);
  await setPeriodic(ALARMS.discovery, pace.discoveryMinutes);
  await armDeadlineAlarm(engine);
}

/**
 * Alarms are the only timers that survive the worker: the listener is registered at once (an
 * alarm may be what woke the worker), and the alarms are re-created at every start.
 */
export function setupScheduler(ready: Promise<Engine>, onAlarm: (engine: Engine, name: AlarmName) => Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!Object.values(ALARMS).includes(alarm.name as AlarmName)) return;
    void ready.then((engine) => onAlarm(engine, alarm.name as AlarmName));
  });
  void ready.then((engine) => reschedule(engine));
}
