import { browser } from 'wxt/browser';
import { toLocalTime } from '../../domain/server-clock';
import { countByState, listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import type { EngineStatus } from '../../messaging';
import { readStatus, writeStatus } from './engine-status';
import { pollPace } from '../../domain/poll-pace';

// quietEnd: notifications held in the outbox during quiet hours are told when they end. probe: `/me`
// while signed out.
export const ALARMS = { poll: 'poll', discovery: 'discovery', deadline: 'deadline', quietEnd: 'quiet-end', probe: 'probe' } as const;
export type AlarmName = (typeof ALARMS)[keyof typeof ALARMS];

// One more alarm per upcoming deadline (to the second), armed as soon as the deadline is known:
// created minutes ahead, the 30 s floor never delays it, and it wakes a worker that has stopped.
const UPCOMING_PREFIX = 'deadline-at:';
// Alarms go this long after the deadline on the estimated server clock: never before it, however
// the estimate errs within its bounds' usual width.
const ALARM_AFTER_MS = 250;
const MAX_UPCOMING_ALARMS = 20;

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

// Named by the deadline's own second (server time), so a corrected clock offset does not rename
// one and re-create it under the floor; set for the earliest deadline of that second, not the
// second's end.
async function armUpcomingDeadlines(engine: Engine, deadlines: readonly number[]): Promise<void> {
  const upcoming = new Map<string, number>();
  for (const deadline of [...deadlines].sort((a, b) => a - b)) {
    const when = toLocalTime(deadline, engine.clockOffsetMs) + ALARM_AFTER_MS;
    const name = `${UPCOMING_PREFIX}${Math.floor(deadline / 1000)}`;
    if (when > engine.localTime() && !upcoming.has(name) && upcoming.size < MAX_UPCOMING_ALARMS) upcoming.set(name, when);
  }
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(UPCOMING_PREFIX));
  for (const alarm of existing) if (!upcoming.has(alarm.name)) await browser.alarms.clear(alarm.name);
  for (const [name, when] of upcoming) {
    if (!existing.some((a) => a.name === name)) await browser.alarms.create(name, { when });
  }
}

/**
 * An alarm at the earliest deadline (a deadline already past fires at once), one at each of the
 * next ones, and a timer under the floor: the window's end is noticed then, not at the next poll.
 */
export async function armDeadlineAlarm(engine: Engine): Promise<number | null> {
  const deadlines = (await listWatches(engine.db, { states: ['syncing'] })).map((w) => w.deadline).filter((d): d is number => d !== null);
  await armUpcomingDeadlines(engine, deadlines);
  if (!deadlines.length) {
    armNearDeadlineTimer(engine, null);
    await browser.alarms.clear(ALARMS.deadline);
    return null;
  }
  const earliest = Math.min(...deadlines);
  // Deadlines are server time; alarms run on the local clock.
  const localDeadline = toLocalTime(earliest, engine.clockOffsetMs) + ALARM_AFTER_MS;
  armNearDeadlineTimer(engine, localDeadline);
  // Created again at every wake, even unchanged: after an alarm fires, Chrome looks at alarms
  // again only a period of the shortest one later (the poll's 30 s) unless one is added meanwhile,
  // so an alarm created before the last poll's fired up to 30 s late on a stopped worker (bench:
  // the first deadline after a poll, 3.7 s late).
  await browser.alarms.create(ALARMS.deadline, { when: Math.max(engine.localTime() + 500, localDeadline) });
  return earliest;
}

/** Signed out: the popup says when the next probe is (the probe alarm's time, local). */
async function sayNextProbe(engine: Engine, status: EngineStatus): Promise<void> {
  const next = (await browser.alarms.get(ALARMS.probe))?.scheduledTime ?? null;
  if (next === null || status.lastError?.retryAt === next) return;
  const lastError = { message: status.lastError?.message ?? 'Signed out of Procore.', at: status.lastError?.at ?? engine.now(), retryAt: next };
  engine.hub.publish({ type: 'status', status: await writeStatus(engine.db, { lastError }) });
}

/** Sets the poll, discovery and probe alarms to the pace the stored work calls for, and the deadline alarms. */
export async function reschedule(engine: Engine): Promise<void> {
  const [status, syncing, reExporting, failed, overdue] = await Promise.all([
    readStatus(engine.db),
    countByState(engine.db, 'syncing'),
    countByState(engine.db, 're_exporting'),
    countByState(engine.db, 'failed'),
    countByState(engine.db, 'overdue'),
  ]);
  const pace = pollPace({ signedIn: status.signedIn, active: syncing + reExporting, waiting: failed + overdue, windowMs: await engine.syncWindowMs() });
  await setPeriodic(ALARMS.poll, pace.pollMinutes);
  await setPeriodic(ALARMS.discovery, pace.discoveryMinutes);
  await setPeriodic(ALARMS.probe, pace.probeMinutes);
  if (pace.probeMinutes !== null) await sayNextProbe(engine, status);
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
    const name = alarm.name.startsWith(UPCOMING_PREFIX) ? ALARMS.deadline : (alarm.name as AlarmName);
    if (!Object.values(ALARMS).includes(name)) return;
    void ready.then((engine) => onAlarm(engine, name));
  });
  void ready.then((engine) => reschedule(engine));
}
