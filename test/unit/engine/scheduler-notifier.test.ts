import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeStatus } from '../../../utils/engine/poll/engine-status';
import { notify, setupNotificationClicks } from '../../../utils/engine/notify/notifier';
import { reschedule } from '../../../utils/engine/poll/scheduler';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';
import { CLOCK_KEY, Engine } from '../../../utils/engine/engine';
import { writeMeta } from '../../../utils/store/meta-store';

describe('scheduler', () => {
  it('keeps one alarm at the next deadline (local time) and leaves a running period alone', async () => {
    // Procore's clock 2 s ahead, as an earlier worker learnt it.
    const { db } = await testEngine();
    await writeMeta(db, CLOCK_KEY, { low: 1_990, high: 2_010, at: Date.now() });
    const engine = await Engine.open(db);
    const now = Date.now();
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'syncing', deadline: now + 600_000 }),
      sampleWatch({ payoutId: 'b', state: 'syncing', deadline: now + 300_000 }),
      sampleWatch({ payoutId: 'c', state: 'overdue', deadline: now + 100_000 }),
    ]);
    await writeStatus(engine.db, { signedIn: true });
    await reschedule(engine);
    const alarms = Object.fromEntries((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a]));
    expect(alarms.poll?.periodInMinutes).toBe(0.5);
    expect(alarms.discovery?.periodInMinutes).toBe(2);
    expect(alarms.deadline?.scheduledTime).toBe(now + 300_000 - 2_000 + 250);
    const pollAlarm = alarms.poll!.scheduledTime;
    await reschedule(engine);
    expect((await fakeBrowser.alarms.get('poll'))?.scheduledTime).toBe(pollAlarm);
  });
});

describe('notifier', () => {
  it('groups one cycle into one notification per company and follows the notification settings', async () => {
    const engine = await testEngine();
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'overdue' }),
      sampleWatch({ payoutId: 'b', state: 'overdue' }),
      sampleWatch({ payoutId: 'c', state: 'overdue' }),
      sampleWatch({ payoutId: 'd', state: 'overdue', companyId: '77' }),
      sampleWatch({ payoutId: 'e', state: 'overdue', snoozedUntil: Date.now() + 60_000 }),
    ]);
    const items = ['a', 'b', 'c', 'd', 'e'].map((payoutId) => ({ kind: 'overdue' as const, payoutId }));
    expect(await notify(engine, items, await engine.settings())).toBe(2);
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];
    expect(shown.map((n) => n.message).sort()).toEqual(['1 payment not in QuickBooks Online after 10 minutes', '3 payments not in QuickBooks Online after 10 minutes']);

    await updateSettings(engine.db, { notifications: { overdue: false, failed: true, syncedAfterFix: true, quietHours: { enabled: false, start: '19:00', end: '07:00' } } });
    expect(await notify(engine, items, await engine.settings())).toBe(0);
  });

  it("opens the company's ERP Integrations page with the record's fix ready on click, and snoozes from the second button", async () => {
    const engine = await testEngine();
    await updateSettings(engine.db, { apiOrigin: 'https://us02.procore.com' });
    await putWatches(engine.db, [sampleWatch({ payoutId: 'a', state: 'failed' })]);
    const snoozed: string[][] = [];
    setupNotificationClicks(Promise.resolve(engine), async (_e, ids) => void snoozed.push(ids));
    await notify(engine, [{ kind: 'failed', payoutId: 'a' }], await engine.settings());
    const [id] = Object.keys(await fakeBrowser.notifications.getAll());
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(() => expect(snoozed).toEqual([['a']]));
    await notify(engine, [{ kind: 'failed', payoutId: 'a' }], await engine.settings());
    const [second] = Object.keys(await fakeBrowser.notifications.getAll());
    await fakeBrowser.notifications.onClicked.trigger(second!);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('https://us02.procore.com/8089/company/erp_integrations#esw-fix=a'));
  });
});
