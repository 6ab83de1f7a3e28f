import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliverHeldNotifications, notify } from '../../../utils/engine/notify/notifier';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const QUIET = { enabled: true, start: '19:00', end: '07:00' };

describe('quiet hours hold notifications', () => {
  it('holds what is found at night and delivers one summary per company at the end, leaving out what is no longer true', async () => {
    let clock = at(16, 23);
    const engine = await testEngine(() => clock);
    await updateSettings(engine.db, { notifications: { overdue: true, failed: true, syncedAfterFix: true, quietHours: QUIET } });
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'overdue' }),
      sampleWatch({ payoutId: 'b', state: 'failed' }),
      sampleWatch({ payoutId: 'c', state: 'failed' }),
    ]);
    expect(await notify(engine, [{ kind: 'overdue', payoutId: 'a' }, { kind: 'failed', payoutId: 'b' }])).toBe(0);
    clock = at(17, 2);
    expect(await notify(engine, [{ kind: 'failed', payoutId: 'c' }, { kind: 'failed', payoutId: 'b' }])).toBe(0);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get('quiet-end'))?.scheduledTime).toBe(at(17, 7));

    // Fixed overnight: no longer failed, so not reported as failed.
    await putWatches(engine.db, [{ ...(await getWatch(engine.db, 'c'))!, state: 'synced' }]);
    // An alarm that fires early (the hours were moved) delivers nothing yet.
    expect(await deliverHeldNotifications(engine)).toBe(0);
    clock = at(17, 7, 1);
    expect(await deliverHeldNotifications(engine)).toBe(1);
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toMatch(/1 payment failed to export to QuickBooks Online/);
    expect(shown[0]!.message).toMatch(/1 payment not in QuickBooks Online after 10 minutes/);
    // Delivered once.
    expect(await deliverHeldNotifications(engine)).toBe(0);
  });
});
