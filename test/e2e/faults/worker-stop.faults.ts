import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import { ledger, simControl } from '../../sim/testing';
import { expectLedgerSound, FaultRun } from './fault-harness';
import { until } from './until';
import { stopServiceWorker } from './worker-control';

/*
 * The service worker killed in the middle of a corrective re-export, at the two points that
 * matter: after the intent is stored but before Procore has the request, and after Procore has
 * it but before the reply. The ERP ledger must show at most one export, and the record must end
 * where Procore says it is.
 */
const WINDOW_MS = 10_000;
const EXPORT = '/contract_payments/[^/]+/export$';

interface FaultHits {
  pathPattern: string;
  hits: number;
}

describe('service worker stopped during a re-export', () => {
  let run: FaultRun;
  let nextCheck = 61_000;
  beforeAll(async () => {
    run = await FaultRun.start({ windowMs: WINDOW_MS });
  });
  afterAll(async () => {
    await run?.close();
  });

  const failedRecord = (name: string) => run.failedRecord(name, (nextCheck += 100));

  async function exportArrived(): Promise<boolean> {
    const faults = await simControl<FaultHits[]>(run.sim.origin, 'GET', '/faults');
    return faults.some((f) => f.pathPattern === EXPORT && f.hits > 0);
  }

  /** A new page and a message: Chromium starts a new worker, which begins from the store. */
  async function wakeWorker(): Promise<void> {
    await run.reopenPage();
    await run.pollNow();
  }

  it('stopped between the intent and the request: nothing reaches the ERP, the user sees "interrupted … nothing was exported", and a new fix exports once', async () => {
    const { id, payoutId } = await failedRecord('Intent Only Drywall');
    // Procore answers the first POST "busy, retry in 8 s": the intent is stored, nothing is exported.
    await run.fault({ pathPattern: EXPORT, method: 'POST', status: 503, retryAfter: 8, times: 1 });
    const fix = run.envelope('reexport', { payoutId, checkNumber: nextCheck + 50 }).catch((error: unknown) => ({ ok: false, error: String(error) }));
    await until('the export request to reach Procore', exportArrived, 15_000, 100);
    await stopServiceWorker(run.page, run.ext.extensionId);
    await fix;
    await run.clearFaults();
    expect((await ledger(run.sim.origin)).records.filter((r) => r.payoutId === payoutId)).toEqual([]);

    await wakeWorker();
    // What the user sees until the interrupted fix is settled, and after.
    const settled = await until('the interrupted fix settled', async () => {
      await run.pollNow();
      const [w] = await run.watchesOf(id);
      return w && w.state === 'failed' ? w : null;
    }, 150_000, 2_000);
    expect(JSON.stringify(settled)).toMatch(/interrupted before Procore received it; nothing was exported/);
    expect((await ledger(run.sim.origin)).records.filter((r) => r.payoutId === payoutId)).toEqual([]);

    const again = await run.send<Watch>('reexport', { payoutId, checkNumber: nextCheck + 60 });
    expect(again.state).toBe('re_exporting');
    const synced = await until('the second fix in the ERP', async () => {
      await run.pollNow();
      const watches = await run.watchesOf(id);
      return watches[0]?.state === 'synced' ? watches : null;
    }, 45_000, 1_000);
    await expectLedgerSound(run.sim.origin, [payoutId], synced);
  }, 240_000);

  it('stopped between the request and its reply: Procore exported once, the record ends synced, and no second export is sent', async () => {
    const { id, payoutId } = await failedRecord('Reply Lost Electric');
    // Procore does the export at once but holds its reply 4 s: the worker dies waiting for it.
    await run.fault({ pathPattern: EXPORT, method: 'POST', replyDelayMs: 4_000, times: 1 });
    const fix = run.envelope('reexport', { payoutId, checkNumber: nextCheck + 70 }).catch((error: unknown) => ({ ok: false, error: String(error) }));
    await until('the export request to reach Procore', exportArrived, 15_000, 100);
    await stopServiceWorker(run.page, run.ext.extensionId);
    await fix;
    await run.clearFaults();

    await wakeWorker();
    const synced = await run.untilState(id, 'synced', { timeoutMs: 150_000, pollNow: true });
    // Asking again cannot export it twice.
    const again = await run.envelope('reexport', { payoutId, checkNumber: nextCheck + 80 });
    expect(again.ok).toBe(false);
    await expectLedgerSound(run.sim.origin, [payoutId], synced);
    expect((await ledger(run.sim.origin)).records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
  }, 240_000);
});
