import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliverOutbox } from '../../../utils/engine/notify/notification-outbox';
import { alarmHandler } from '../../../utils/engine/poll/on-alarm';
import { overdueTransitions } from '../../../utils/engine/poll/overdue';
import { commitTransitions } from '../../../utils/engine/state/commit-transitions';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import type { Engine } from '../../../utils/engine/engine';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const QUIET = { enabled: true, start: '19:00', end: '07:00' };
const shown = async () => Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];

/** Records whose window ended turn overdue, as at a deadline: their notification waits in the outbox. */
async function turnOverdue(engine: Engine, payoutIds: string[]): Promise<void> {
  await putWatches(engine.db, payoutIds.map((payoutId) => sampleWatch({ payoutId, state: 'syncing', deadline: engine.now() - 1_000 })));
  await commitTransitions(engine, await overdueTransitions(engine));
}

describe('quiet hours hold notifications', () => {
  it('holds what is found at night and tells one summary per company at their end, leaving out what is no longer true', async () => {
    let clock = at(16, 23);
    const engine = await testEngine(() => clock);
    await updateSettings(engine.db, { notifications: { overdue: true, failed: true, syncedAfterFix: true, quietHours: QUIET } });
    await turnOverdue(engine, ['a', 'b']);
    await deliverOutbox(engine);
    clock = at(17, 2);
    await turnOverdue(engine, ['c']);
    await deliverOutbox(engine);
    expect(await shown()).toEqual([]);
    expect((await fakeBrowser.alarms.get('quiet-end'))?.scheduledTime).toBe(at(17, 7));

    // Synced overnight: no longer overdue, so not reported as overdue.
    await putWatches(engine.db, [{ ...(await getWatch(engine.db, 'b'))!, state: 'synced' }]);
    // An alarm that fires early (the hours were moved) tells nothing yet.
    const alarm = alarmHandler(() => Promise.reject(new Error('no Procore in this test')));
    await alarm(engine, 'quiet-end');
    expect(await shown()).toEqual([]);
    clock = at(17, 7, 1);
    await alarm(engine, 'quiet-end');
    expect((await shown()).map((n) => n.message)).toEqual(['2 payments not in QuickBooks Online after 10 minutes']);
    // Told once.
    await deliverOutbox(engine);
    expect(await shown()).toHaveLength(1);
  });
});
