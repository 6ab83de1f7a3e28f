import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Watch } from '../../../utils/domain/watch';
import { CURSOR_PREFIX } from '../../../utils/engine/poll/company-directory';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { listAudit } from '../../../utils/store/audit-log';
import { readMeta, writeMeta } from '../../../utils/store/meta-store';
import { getWatch, listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim, eventually, sleep } from './sim-engine';

const WINDOW = 3_000;

describe('poll cycle against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('tracks a funded disbursement through the window: synced, failed with its cause, overdue; notifies per company; badge', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, statuses } = await engineOnSim(sim.origin, WINDOW);
    // The ERP already issued check 50001 itself: the first payout will collide with it.
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 50001 });
    const d = await createDisbursement(sim.origin, {
      firstCheckNumber: 50001,
      payouts: [
        { beneficiaryName: 'Dup Check Co', delayFraction: 0.1 },
        { beneficiaryName: 'Quick Co', delayFraction: 0.1 },
        { beneficiaryName: 'Slow Co', delayFraction: 2.5 },
      ],
    });
    const [dup, quick, slow] = d.payouts.map((p) => String(p.id)) as [string, string, string];

    await poll(engine, clientFor, { discovery: true });
    const first = await listWatches(engine.db, { disbursementId: String(d.id) });
    // On a slow machine the first poll can outlast the ERP's quick answers (a tenth of the
    // window): those two may already read as answered; the slow one is still in its window.
    const firstState = (id: string) => first.find((w) => w.payoutId === id)?.state;
    expect(['syncing', 'failed']).toContain(firstState(dup));
    expect(['syncing', 'synced']).toContain(firstState(quick));
    expect(firstState(slow)).toBe('syncing');
    expect(first.every((w) => w.deadline === w.fundingCompletedAt! + WINDOW && !w.fundingCompletedEstimated)).toBe(true);
    // One alarm at the next deadline.
    expect((await fakeBrowser.alarms.get('deadline'))?.scheduledTime).toBeGreaterThan(Date.now());

    await sleep(WINDOW * 0.3);
    await poll(engine, clientFor, { discovery: false });
    expect((await getWatch(engine.db, quick))?.state).toBe('synced');
    const failed = (await getWatch(engine.db, dup)) as Watch;
    expect(failed.state).toBe('failed');
    expect(failed.request?.messages[0]).toMatch(/50001|OPER/);
    expect(failed.diagnosis?.summary).toBeTruthy();

    // The deadline is on Procore's clock, which the engine knows from whole-second Date headers:
    // the engine's clock, not the wall clock, says when the window is over.
    const slowDeadline = (await getWatch(engine.db, slow))!.deadline!;
    await eventually(async () => engine.now() >= slowDeadline);
    await poll(engine, clientFor, { discovery: false });
    expect((await getWatch(engine.db, slow))?.state).toBe('overdue');
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { title: string; message: string }[];
    expect(shown.map((n) => n.title)).toEqual(['Builder Co: payments need attention', 'Builder Co: payments need attention']);
    expect(shown.map((n) => n.message)).toEqual([
      expect.stringMatching(/^1 payment failed to export to QuickBooks Online/),
      '1 payment not in QuickBooks Online after 3 seconds',
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    // Only failures wait now: a status cycle asks nothing. A discovery alarm reads a company
    // whose records are none of them syncing at most every half window: here its disbursements
    // (last read over a window ago) but not its export statuses (just read); at once again,
    // nothing; a window later, two (disbursements and export statuses changed), however many
    // records are watched.
    let before = statuses.length;
    await poll(engine, clientFor, { discovery: false });
    expect(statuses.length - before).toBe(0);
    await poll(engine, clientFor, { discovery: true });
    expect(statuses.length - before).toBe(1);
    before = statuses.length;
    await poll(engine, clientFor, { discovery: true });
    expect(statuses.length - before).toBe(0);
    const cursor = (await readMeta<{ disbursementsSince: number; statusSince: number }>(engine.db, `${CURSOR_PREFIX}8089`))!;
    // A whole window back: the engine's clock is corrected to the server's by up to a second
    // between cycles, so not exactly at the half-window mark.
    await writeMeta(engine.db, `${CURSOR_PREFIX}8089`, { disbursementsSince: cursor.disbursementsSince - WINDOW, statusSince: cursor.statusSince - WINDOW });
    await poll(engine, clientFor, { discovery: true });
    expect(statuses.length - before).toBe(2);

    const audit = await listAudit(engine.db);
    expect(audit.filter((a) => a.payoutId === slow).map((a) => `${a.before}→${a.after}`)).toEqual(['null→syncing', 'syncing→overdue']);
    expect((await ledger(sim.origin)).violations).toEqual([]);
  });

  it('says "signed out", stops polling and probes slowly instead when the session is gone', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine } = await engineOnSim(sim.origin, WINDOW);
    const { procoreClient } = await import('../../../utils/engine/poll/procore-connection');
    const result = await poll(engine, async (e) => procoreClient(e, await e.settings(), new RateGovernor(), fetch), { discovery: true });
    expect(result).toBeNull();
    const { readStatus } = await import('../../../utils/engine/poll/engine-status');
    expect(await readStatus(engine.db)).toMatchObject({ signedIn: false, lastError: { message: expect.stringMatching(/Signed out of Procore/) } });
    // Nothing but the probe: every half window (the test's window), with the next one told.
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => [a.name, a.periodInMinutes])).toEqual([['probe', WINDOW / 2 / 60_000]]);
    expect((await readStatus(engine.db)).lastError?.retryAt).toBe(alarms[0]!.scheduledTime);
  });

  it('reaches the ERP after a failed record is fixed, with exactly one ledger record', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor } = await engineOnSim(sim.origin, WINDOW);
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 50001 });
    const d = await createDisbursement(sim.origin, { firstCheckNumber: 50001, payouts: [{ delayFraction: 0.05 }] });
    const payoutId = String(d.payouts[0]!.id);
    await poll(engine, clientFor, { discovery: true });
    await eventually(async () => {
      await poll(engine, clientFor, { discovery: false });
      return (await getWatch(engine.db, payoutId))?.state === 'failed';
    });
    const { reExport } = await import('../../../utils/engine/fix/fixer');
    const fixing = await reExport(engine, await clientFor(engine), payoutId, { checkNumber: 60000 });
    expect(fixing.state).toBe('re_exporting');
    const synced = await eventually(async () => {
      await poll(engine, clientFor, { discovery: false });
      const w = await getWatch(engine.db, payoutId);
      return w?.state === 'synced' ? w : null;
    });
    expect(synced.checkNumber).toBe(60000);
    expect(synced.attempts).toEqual([expect.objectContaining({ outcome: 'synced', checkNumber: 60000 })]);
    const book = await ledger(sim.origin);
    expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
    expect(book.violations).toEqual([]);
    const notes = Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];
    expect(notes.at(-1)?.message).toBe('1 payment re-exported and now in QuickBooks Online');
    // A second fix of a synced record is refused before anything is sent.
    await expect(reExport(engine, await clientFor(engine), payoutId, { checkNumber: 60001 })).rejects.toThrow(/Not re-exported: Procore shows its export as success/);
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
  });
});
