import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledger } from '../../sim/testing';
import { COMPANY, expectLedgerSound, FaultRun } from './fault-harness';
import { fillInAndExport, holdExportPress, openFailedToExport, recordRow, untilPendingFixSays } from './page-fix';
import { until } from './until';
import { stopServiceWorker } from './worker-control';

/*
 * The service worker killed in the middle of a fix made as a user makes it now (issue 13): the
 * in-page Fill in & Export stores the intent through the background (fix.begin), then Procore's
 * own Export is pressed in the page, then the page reports it (fix.pressed). The worker is
 * stopped after the intent is stored and before Procore has the press. The ERP ledger must show
 * one export or none, never two, and the user must see which.
 */
const WINDOW_MS = 10_000;

describe('service worker stopped between the intent and the press', () => {
  let run: FaultRun;
  let nextCheck = 61_000;
  beforeAll(async () => {
    run = await FaultRun.start({ windowMs: WINDOW_MS });
  });
  afterAll(async () => {
    await run?.close();
  });

  const failedRecord = (name: string) => run.failedRecord(name, (nextCheck += 100));
  const exportsOf = async (payoutId: string) => (await ledger(run.sim.origin)).records.filter((r) => r.payoutId === payoutId);

  /** A new page and a message: Chromium starts a new worker, which begins from the store. */
  async function wakeWorker(): Promise<void> {
    await run.reopenPage();
    await run.pollNow();
  }

  it('the press never reaches Procore: nothing is exported, the record shows "checking", then says nothing was exported and offers the fix again, which exports once', async () => {
    const { id, payoutId } = await failedRecord('Intent Only Drywall');
    const tab = await openFailedToExport(run);
    // The worker dies, and the press is lost on its way (the connection dropped under it).
    const held = await holdExportPress(tab, async (route) => {
      await stopServiceWorker(run.page, run.ext.extensionId);
      await route.abort('connectionreset');
    });
    await fillInAndExport(tab, payoutId);
    await held();
    await tab.unrouteAll({ behavior: 'ignoreErrors' });
    expect(await exportsOf(payoutId)).toEqual([]);

    await wakeWorker();
    // The intent outlived the worker: the new one shows the record as checking, not failed, not offered.
    expect((await run.watchesOf(id)).map((w) => w.state)).toEqual(['re_exporting']);
    // The user comes back to the page: the pending fix is followed there.
    await tab.goto(`${run.sim.origin}/${COMPANY}/company/erp_integrations/contract_payments?view=failed_to_export`);
    await untilPendingFixSays(tab, /Export pressed\. Checking with QuickBooks Online/, 15_000);

    // Two sync windows with the record still in Failed to Export and no newer request: settled as not exported.
    const settled = await until('the interrupted fix settled', async () => {
      await run.pollNow();
      const [w] = await run.watchesOf(id);
      return w && w.state === 'failed' ? w : null;
    }, 4 * WINDOW_MS + 30_000, 1_000);
    expect(settled.attempts.at(-1)?.messages.join(' ')).toMatch(/nothing was exported/);
    expect(await exportsOf(payoutId)).toEqual([]);
    // What the user sees on the page: which it was, in words.
    await untilPendingFixSays(tab, /was not exported: .*nothing was exported/, 15_000);

    // Offered again, and this time the press goes through: one export.
    await tab.reload();
    await fillInAndExport(tab, payoutId);
    const synced = await run.untilState(id, 'synced', { timeoutMs: 60_000, pollNow: true });
    await expectLedgerSound(run.sim.origin, [payoutId], synced);
    expect(await exportsOf(payoutId)).toHaveLength(1);
    await tab.close();
  }, 240_000);

  it('the press reaches Procore: Procore exports once, the new worker follows it to synced, the page says so, and no second fix is offered', async () => {
    const { id, payoutId } = await failedRecord('Reply Lost Electric');
    const tab = await openFailedToExport(run);
    const held = await holdExportPress(tab, async (route) => {
      await stopServiceWorker(run.page, run.ext.extensionId);
      await route.continue();
    });
    await fillInAndExport(tab, payoutId);
    await held();
    await tab.unrouteAll({ behavior: 'ignoreErrors' });

    await wakeWorker();
    const synced = await run.untilState(id, 'synced', { timeoutMs: 60_000, pollNow: true });
    await expectLedgerSound(run.sim.origin, [payoutId], synced);
    expect(await exportsOf(payoutId)).toHaveLength(1);
    // The page Procore loaded after the Export says which: exported, and the ERP has it.
    await untilPendingFixSays(tab, /exported, and QuickBooks Online has it/);
    // The record left Failed to Export: nothing offers to export it again.
    await tab.reload();
    expect(await recordRow(tab, payoutId).count()).toBe(0);
    expect(await exportsOf(payoutId)).toHaveLength(1);
    await tab.close();
  }, 240_000);
});
