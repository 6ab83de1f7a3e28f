import { browser } from 'wxt/browser';
import { toLocalTime } from '../../domain/server-clock';
import { countByState, nextDeadline } from '../../store/watch-store';
import type { Engine } from '../engine';
import { readStatus } from './engine-status';
import { pollPace } from '../../domain/poll-pace';

// quietEnd: notifications held during quiet hours are delivered when they end.
export const ALARMS = { poll: 'poll', discovery: 'discovery', deadline: 'deadline', quietEnd: 'quiet-end' } as const;
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

// Packed (store-installed) MV3 extensions cannot set an alarm less than 30 s ahead: Chrome
// moves it to 30 s. A nearer deadline also gets a timer in the live worker; the alarm stays as
// the backstop should the worker stop first.
const ALARM_FLOOR_MS = 30_000;
let nearDeadlineTimer: ReturnType<typeof setTimeout> | undefined;
let onNearDeadline: ((engine: Engine) => void) | null = null;

function armNearDeadlineTimer(engine: Engine, localDeadline: number | null): void {
  clearTimeout(nearDeadlineTimer);
  nearDeadlineTimer = undefined;
  const fire = onNearDeadline;
  if (!fire || localDeadline === null) return;
  const ahead = localDeadline - engine.localTime();
  // A deadline already past is the alarm's (it fires at once): a timer here could spin.
  if (ahead > 0 && ahead < ALARM_FLOOR_MS) nearDeadlineTimer = setTimeout(() => fire(engine), ahead);
}

/** One alarm at the earliest deadline, so the window's end is noticed then, not at the next poll. */
export async function armDeadlineAlarm(engine: Engine): Promise<number | null> {
  const deadline = await nextDeadline(engine.db);
  if (deadline === null) {
    armNearDeadlineTimer(engine, null);
    await browser.alarms.clear(ALARMS.deadline);
    return null;
  }
  // Deadlines are server time; alarms run on the local clock.
  const localDeadline = toLocalTime(deadline, engine.clockOffsetMs) + 250;
  armNearDeadlineTimer(engine, localDeadline);
  const when = Math.max(engine.localTime() + 500, localDeadline);
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
 * alarm may be what woke the worker), and the alarms are re-created at every start. `onAlarm`
 * also runs for a deadline under the alarm floor, from a timer in the live worker.
 */
export function setupScheduler(ready: Promise<Engine>, onAlarm: (engine: Engine, name: AlarmName) => Promise<void>): void {
  onNearDeadline = (engine) => void onAlarm(engine, ALARMS.deadline);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!Object.values(ALARMS).includes(alarm.name as AlarmName)) return;
    void ready.then((engine) => onAlarm(engine, alarm.name as AlarmName));
  });
  void ready.then((engine) => reschedule(engine));
}
