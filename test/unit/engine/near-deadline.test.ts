import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reschedule, setupScheduler, type AlarmName } from '../../../utils/engine/poll/scheduler';
import { putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

/*
 * A packed MV3 extension's alarms fire no sooner than 30 s ahead; a nearer deadline must still be
 * noticed within seconds. Only timers and Date are faked: fake-indexeddb runs on setImmediate.
 */
describe('deadlines under the 30 s alarm floor', () => {
  afterEach(() => vi.useRealTimers());

  async function scheduled(deadlineIn: number) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const engine = await testEngine();
    await putWatches(engine.db, [sampleWatch({ payoutId: 'a', state: 'syncing', deadline: Date.now() + deadlineIn })]);
    const fired: AlarmName[] = [];
    setupScheduler(Promise.resolve(engine), async (_engine, name) => void fired.push(name));
    await reschedule(engine);
    await reschedule(engine);
    return { fired, alarm: await fakeBrowser.alarms.get('deadline') };
  }

  it('also arms a timer in the worker for a deadline 10 s away, once, keeping the alarm as the backstop', async () => {
    const { fired, alarm } = await scheduled(10_000);
    expect(alarm).toBeDefined();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fired).toEqual(['deadline']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fired).toEqual(['deadline']);
  });

  it('leaves a deadline 5 minutes away to the alarm alone', async () => {
    const { fired, alarm } = await scheduled(300_000);
    expect(alarm).toBeDefined();
    await vi.advanceTimersByTimeAsync(301_000);
    expect(fired).toEqual([]);
  });
});
