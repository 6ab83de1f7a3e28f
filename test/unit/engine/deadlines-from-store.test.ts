import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alarmHandler } from '../../../utils/engine/poll/on-alarm';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { reschedule } from '../../../utils/engine/poll/scheduler';
import { Engine } from '../../../utils/engine/engine';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import { WORDS } from '../fixtures/failure-words';
import { sampleWatch, testEngine } from './engine-fixture';

describe('deadlines from the store', () => {
  it('turns the record overdue and notifies at the deadline alarm before any request, while Procore hangs, reading no failure wording', async () => {
    let wordsRead = 0;
    // The packaged word file is for diagnosing failures: a deadline wake must not wait on it.
    const engine = await Engine.open((await testEngine()).db, undefined, undefined, undefined, async () => {
      wordsRead++;
      return WORDS;
    });
    await putWatches(engine.db, [sampleWatch({ payoutId: 'late', state: 'syncing', deadline: engine.now() - 1_000 })]);
    let asked = 0;
    let release: () => void = () => undefined;
    let polling: () => void = () => undefined;
    const pollBegun = new Promise<void>((resolve) => (polling = resolve));
    // A client whose every request hangs until released: what a hung Procore looks like.
    const hung: ClientFactory = () => {
      asked++;
      polling();
      return new Promise((_resolve, reject) => (release = () => reject(new Error('released'))));
    };
    const handled = alarmHandler(hung)(engine, 'deadline');
    // The poll has begun (it asks for its client first): what comes before it is done, however slow the machine.
    await pollBegun;
    expect((await getWatch(engine.db, 'late'))?.state).toBe('overdue');
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];
    expect(shown.map((n) => n.message)).toEqual(['1 payment not in QuickBooks Online after 10 minutes']);
    // The poll that may refine it comes after, and is still waiting on Procore.
    expect(asked).toBe(1);
    release();
    await handled;
    expect(wordsRead).toBe(0);
  });

  it('arms an alarm at each upcoming deadline, one per second, so none is created under the 30 s floor', async () => {
    const engine = await testEngine();
    // Whole seconds, so the two near deadlines fall in one second whatever the clock reads.
    const now = Math.floor(engine.now() / 1000) * 1000;
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'syncing', deadline: now + 120_000 }),
      sampleWatch({ payoutId: 'b', state: 'syncing', deadline: now + 120_100 }),
      sampleWatch({ payoutId: 'c', state: 'syncing', deadline: now + 240_000 }),
      sampleWatch({ payoutId: 'd', state: 'overdue', deadline: now + 60_000 }),
    ]);
    await reschedule(engine);
    const upcoming = (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('deadline-at:'));
    // At the first deadline of each second (a quarter second after it), not the second's end.
    expect(upcoming.map((a) => a.scheduledTime).sort()).toEqual([now + 120_250, now + 240_250]);
    // One record synced: its alarm goes, the other stays as it was.
    await putWatches(engine.db, [sampleWatch({ payoutId: 'c', state: 'synced', deadline: now + 240_000 })]);
    await reschedule(engine);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('deadline-at:')).map((a) => a.scheduledTime)).toEqual([upcoming.map((a) => a.scheduledTime).sort()[0]]);
  });
});
