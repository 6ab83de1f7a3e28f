import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Engine } from '../../../utils/engine/engine';
import { deliverOutbox } from '../../../utils/engine/notify/notification-outbox';
import { alarmHandler } from '../../../utils/engine/poll/on-alarm';
import { overdueTransitions } from '../../../utils/engine/poll/overdue';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { commitTransitions } from '../../../utils/engine/state/commit-transitions';
import { putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

const shownMessages = async () => (Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[]).map((n) => n.message);
const noProcore: ClientFactory = () => Promise.reject(new Error('no Procore in this test'));

describe('the notification outbox', () => {
  it('a worker stopped between the commit and the notification: the next worker tells it at its first alarm', async () => {
    const engine = await testEngine();
    await putWatches(engine.db, [sampleWatch({ payoutId: 'late', state: 'syncing', deadline: engine.now() - 1_000 })]);
    // The overdue state is stored; the worker stops before it runs the effects.
    const committed = await commitTransitions(engine, await overdueTransitions(engine));
    expect(committed.watches.map((w) => w.state)).toEqual(['overdue']);
    expect(await shownMessages()).toEqual([]);

    const restarted = await Engine.open(engine.db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await alarmHandler(noProcore)(restarted, 'poll');
    expect(await shownMessages()).toEqual(['1 payment not in QuickBooks Online after 10 minutes']);
    // Told once: later deliveries find nothing.
    await deliverOutbox(restarted);
    expect(await shownMessages()).toHaveLength(1);
  });

  it('what is no longer true by the time it is told is left out', async () => {
    const engine = await testEngine();
    await putWatches(engine.db, [sampleWatch({ payoutId: 'late', state: 'syncing', deadline: engine.now() - 1_000 })]);
    const [overdue] = (await commitTransitions(engine, await overdueTransitions(engine))).watches;
    await putWatches(engine.db, [{ ...overdue!, state: 'synced' }]);
    await deliverOutbox(engine);
    expect(await shownMessages()).toEqual([]);
  });

  it('two deliveries at once tell each item once', async () => {
    const engine = await testEngine();
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'syncing', deadline: engine.now() - 1_000 }),
      sampleWatch({ payoutId: 'b', state: 'syncing', deadline: engine.now() - 1_000, companyId: '77' }),
    ]);
    await commitTransitions(engine, await overdueTransitions(engine));
    await Promise.all([deliverOutbox(engine), deliverOutbox(engine), deliverOutbox(engine)]);
    expect((await shownMessages()).sort()).toEqual(['1 payment not in QuickBooks Online after 10 minutes', '1 payment not in QuickBooks Online after 10 minutes']);
  });

  it('a notification that cannot be shown is reported and does not hold back the next ones', async () => {
    const engine = await testEngine();
    await putWatches(engine.db, [sampleWatch({ payoutId: 'a', state: 'syncing', deadline: engine.now() - 1_000 })]);
    await commitTransitions(engine, await overdueTransitions(engine));
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('notifications are off'));
    await expect(deliverOutbox(engine)).rejects.toThrow('notifications are off');
    create.mockRestore();
    await putWatches(engine.db, [sampleWatch({ payoutId: 'b', state: 'syncing', deadline: engine.now() - 1_000 })]);
    await commitTransitions(engine, await overdueTransitions(engine));
    await deliverOutbox(engine);
    expect(await shownMessages()).toEqual(['1 payment not in QuickBooks Online after 10 minutes']);
  });
});
