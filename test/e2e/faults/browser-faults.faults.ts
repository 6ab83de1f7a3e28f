import { describe, expect, it } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import { ledger } from '../../sim/testing';
import { expectLedgerSound, FaultRun } from './fault-harness';
import { until } from './until';

/*
 * The browser itself misbehaving: closed and reopened, two profiles racing on one record, and
 * IndexedDB refusing writes. Each test says what the user sees and ends on the ERP ledger.
 */
const WINDOW_MS = 15_000;

type Alarm = { name: string; scheduledTime: number };

describe('browser faults', () => {
  it('browser closed and reopened on the same profile: watches, deadlines and alarms come back; the window end is noticed without any click', async () => {
    let run = await FaultRun.start({ windowMs: WINDOW_MS });
    try {
      // The ERP answers only after 3 windows: the record will be overdue first.
      const d = await run.fundedDisbursement([{ beneficiaryName: 'Restart Carpentry', delayFraction: 3 }]);
      await run.pollNow();
      const [before] = await run.watchesOf(d.id);
      expect(before?.state).toBe('syncing');
      const alarmsBefore = (await run.worker.evaluate(() => chrome.alarms.getAll())) as Alarm[];
      expect(alarmsBefore.map((a) => a.name)).toEqual(expect.arrayContaining(['poll', 'deadline']));

      const { profileDir } = run.ext;
      await run.close({ keepProfile: true, keepSim: true });
      run = await FaultRun.reopen(profileDir, run.sim, WINDOW_MS);

      const [after] = await run.watchesOf(d.id);
      expect(after).toMatchObject({ payoutId: before!.payoutId, deadline: before!.deadline, fundingCompletedAt: before!.fundingCompletedAt });
      const alarmsAfter = await until('the alarms after the restart', async () => {
        const alarms = (await run.worker.evaluate(() => chrome.alarms.getAll())) as Alarm[];
        return alarms.some((a) => a.name === 'poll') ? alarms : null;
      }, 15_000);
      if (before!.deadline! > Date.now() + 2_000) expect(alarmsAfter.map((a) => a.name)).toContain('deadline');

      // No "poll now" from here: the alarms alone must turn it overdue and notify.
      const overdue = await until('the record overdue after the restart', async () => {
        const [w] = await run.watchesOf(d.id);
        return w?.state === 'overdue' ? w : null;
      }, WINDOW_MS * 3, 1_000);
      expect(overdue.deadline).toBe(before!.deadline);
      const notifications = (await run.worker.evaluate(() => chrome.notifications.getAll())) as Record<string, unknown>;
      expect(Object.keys(notifications).length).toBeGreaterThan(0);
      await expectLedgerSound(run.sim.origin, d.payoutIds, [overdue]);
    } finally {
      await run.close();
    }
  }, 150_000);

  it('two profiles fix the same failed record at the same moment: exactly one export reaches the ERP, both end showing it synced', async () => {
    const first = await FaultRun.start({ windowMs: WINDOW_MS });
    let second: FaultRun | null = null;
    try {
      second = await FaultRun.second(first);
      const { id, payoutId } = await first.failedRecord('Race Roofing', 62_000);
      await until('the second profile to see the failure', async () => {
        await second!.pollNow();
        return (await second!.watchesOf(id))[0]?.state === 'failed';
      }, 30_000, 500);

      const replies = await Promise.all([first, second].map((run) => run.envelope('reexport', { payoutId, checkNumber: 62_500 })));
      // At least one fix went through; a refused one says why in words.
      expect(replies.some((r) => r.ok)).toBe(true);
      for (const reply of replies.filter((r) => !r.ok)) expect(reply.error).toMatch(/\w+ \w+/);

      const ends: Watch[] = [];
      for (const run of [first, second]) {
        ends.push(
          await until('the record synced in both profiles', async () => {
            await run.pollNow();
            const [w] = await run.watchesOf(id);
            return w?.state === 'synced' ? w : null;
          }, 60_000, 1_000),
        );
      }
      const book = await ledger(first.sim.origin);
      expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
      await expectLedgerSound(first.sim.origin, [payoutId], ends);
    } finally {
      await second?.close({ keepSim: true });
      await first.close();
    }
  }, 150_000);

  it('IndexedDB refuses writes (quota): the user sees a clear "storage" message, nothing stored is lost, and it recovers', async () => {
    const run = await FaultRun.start({ windowMs: WINDOW_MS });
    const cdp = await run.ext.context.newCDPSession(run.page);
    const origin = `chrome-extension://${run.ext.extensionId}`;
    try {
      const kept = await run.fundedDisbursement([{ beneficiaryName: 'Stored Before Quota', delayFraction: 0.5 }]);
      await run.pollNow();
      const stored = await run.watchesOf(kept.id);
      expect(stored.map((w) => w.state)).toEqual(['syncing']);

      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
      const blocked = await run.fundedDisbursement([{ beneficiaryName: 'Arrives During Quota', delayFraction: 0.5 }]);
      const reply = await run.pollNow();
      const status = await run.status();
      const shown = `${reply.ok ? '' : reply.error} ${status.lastError?.message ?? ''}`;
      expect(shown, 'what the user is told').toMatch(/storage|space|quota|full|disk/i);
      // What was stored before is still there, unchanged.
      expect((await run.watchesOf(kept.id)).map((w) => [w.payoutId, w.deadline])).toEqual(stored.map((w) => [w.payoutId, w.deadline]));

      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      const recovered = await until('tracking after the quota is lifted', async () => {
        await run.pollNow();
        const watches = await run.watchesOf(blocked.id);
        return watches.length ? watches : null;
      }, 30_000, 1_000);
      await expectLedgerSound(run.sim.origin, [...kept.payoutIds, ...blocked.payoutIds], [...(await run.watchesOf(kept.id)), ...recovered]);
    } finally {
      await cdp.detach().catch(() => undefined);
      await run.close();
    }
  }, 120_000);
});
