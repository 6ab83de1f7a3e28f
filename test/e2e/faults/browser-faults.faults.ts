import { describe, expect, it } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import { ledger, signInContext } from '../../sim/testing';
import { expectLedgerSound, FaultRun } from './fault-harness';
import { fillInAndExport, holdExportPress, openFailedToExport, untilPendingFixSays } from './page-fix';
import { until } from './until';

/*
 * The browser itself misbehaving: closed and reopened, and two profiles pressing Procore's Export
 * for one record at once (issue 13). Each test says what the user sees and ends on the ERP ledger.
 */
const WINDOW_MS = 15_000;

type Alarm = { name: string; scheduledTime: number };

describe('browser faults', () => {
  it('browser closed and reopened on the same profile: watches, deadlines and alarms come back; the window end is noticed without any click', async () => {
    let run = await FaultRun.start({ windowMs: WINDOW_MS });
    try {
      // The ERP answers only after 20 windows: overdue is the only way on from syncing.
      const d = await run.fundedDisbursement([{ beneficiaryName: 'Restart Carpentry', delayFraction: 20 }]);
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

      // The sim's session cookie is a browser-session cookie: a restart signs the user out (the
      // popup says so); the user signs in again, as after any Procore session ending.
      await signInContext(run.ext.context, run.sim.origin);
      // No "poll now" from here: the alarms alone must turn it overdue and notify.
      const [overdue] = await run.untilState(d.id, 'overdue', { timeoutMs: WINDOW_MS * 4, pollNow: false });
      expect(overdue!.deadline).toBe(before!.deadline);
      const notifications = (await run.worker.evaluate(() => chrome.notifications.getAll())) as Record<string, unknown>;
      expect(Object.keys(notifications).length).toBeGreaterThan(0);
      await expectLedgerSound(run.sim.origin, d.payoutIds, [overdue!]);
    } finally {
      await run.close();
    }
  }, 150_000);

  it("two profiles press Procore's Export for the same failed record at the same moment: one export reaches the ERP, the other tab shows Procore's refusal in words, both end synced", async () => {
    const first = await FaultRun.start({ windowMs: WINDOW_MS });
    let second: FaultRun | null = null;
    try {
      second = await FaultRun.second(first);
      const runs = [first, second];
      const { id, payoutId } = await first.failedRecord('Race Roofing', 62_000);
      await until('the second profile to see the failure', async () => {
        await second!.pollNow();
        return (await second!.watchesOf(id))[0]?.state === 'failed';
      }, 30_000, 500);

      // Each accountant fixes it in the page; both presses are held until both are on their way, so
      // each profile has stored its intent and pressed Procore's Export before Procore sees either.
      const tabs = await Promise.all(runs.map((run) => openFailedToExport(run)));
      let held = 0;
      let releaseBoth!: () => void;
      const both = new Promise<void>((resolve) => (releaseBoth = resolve));
      const presses = await Promise.all(
        tabs.map((tab) =>
          holdExportPress(tab, async (route) => {
            if (++held === 2) releaseBoth();
            await both;
            await route.continue();
          }),
        ),
      );
      await Promise.all(tabs.map((tab) => fillInAndExport(tab, payoutId)));
      await Promise.all(presses.map((pressed) => pressed()));

      // Procore took one press; the other tab says, in Procore's words, that it exported nothing.
      const refusal = /was not exported\. Procore said: .*(already in progress|already been exported)/;
      const words = await Promise.all(tabs.map((tab) => untilPendingFixSays(tab, /Export pressed|has it|was not exported/)));
      expect(words.filter((w) => refusal.test(w)), `what the two tabs said: ${JSON.stringify(words)}`).toHaveLength(1);

      const ends: Watch[] = [];
      for (const run of runs) ends.push(...(await run.untilState(id, 'synced', { timeoutMs: 60_000, pollNow: true })));
      const winner = tabs[words.findIndex((w) => !refusal.test(w))]!;
      await untilPendingFixSays(winner, /exported, and QuickBooks Online has it/);
      const book = await ledger(first.sim.origin);
      expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
      await expectLedgerSound(first.sim.origin, [payoutId], ends);
    } finally {
      await second?.close({ keepSim: true });
      await first.close();
    }
  }, 150_000);
});
