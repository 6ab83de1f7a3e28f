import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Watch } from '../../../utils/domain/watch';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { listAudit } from '../../../utils/store/audit-log';
import { getWatch, listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim, eventually, payoutIds } from './sim-engine';

const WINDOW = 3_000;
// The sim's own window is longer than the engine's: its disbursement moves on (payout initiated at
// half its window) only after this test, so whether a detail is read again does not depend on
// the machine's speed. Its ERP answers as soon as with a 3-second window (delay fractions scaled).
const SIM_WINDOW = 60_000;
const QUICK = 0.1 * (WINDOW / SIM_WINDOW);

describe('poll cycle against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('tracks a funded disbursement through the window: synced from its origin id, failed with its cause and overdue at the deadline; notifies per company; badge', async () => {
    sim = await startTestSim({ windowMs: SIM_WINDOW });
    const live = sim;
    const { engine, clientFor, asked, clock } = await engineOnSim(sim.origin, WINDOW);
    // Builder Co only: the scenario's other company has records of its own past their window.
    await updateSettings(engine.db, { companyIds: ['8089'] });
    // The ERP already issued check 50001 itself: the first payout will collide with it.
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 50001 });
    const d = await createDisbursement(sim.origin, {
      firstCheckNumber: 50001,
      payouts: [
        { beneficiaryName: 'Dup Check Co', delayFraction: QUICK },
        { beneficiaryName: 'Quick Co', delayFraction: QUICK },
        // Answers long after this test: its window passes on the engine's clock, not the sim's.
        { beneficiaryName: 'Slow Co', delayFraction: 1_000 },
      ],
    });
    const [dup, quick, slow] = payoutIds(d) as [string, string, string];

    await poll(engine, clientFor, { discovery: true });
    const first = await listWatches(engine.db, { disbursementId: String(d.id) });
    // Quick Co may be answered already (the sim's ERP runs on real time); nothing is past its window.
    const states = new Map(first.map((w) => [w.payoutId, w.state]));
    expect([states.get(dup), states.get(slow)]).toEqual(['syncing', 'syncing']);
    expect(['syncing', 'synced']).toContain(states.get(quick));
    // No public field gives the funding time: it is estimated, and the window runs from it.
    expect(first.every((w) => w.deadline === w.fundingCompletedAt! + WINDOW && w.fundingCompletedEstimated)).toBe(true);
    // One alarm at the next deadline.
    expect((await fakeBrowser.alarms.get('deadline'))?.scheduledTime).toBeGreaterThan(Date.now());

    // The ERP answers the first two (the sim's timers run on real time).
    await eventually(async () => [dup, quick].every((id) => live.store.latestRequestDetail(id)?.status !== 'in_progress'));
    const beforeAnswers = asked.length;
    // A status poll this soon reads no contract again (contract-pace.ts): asked for, as a page's
    // hint or Check now asks, every contract of the company is read at once.
    await poll(engine, clientFor, { discovery: false });
    expect(asked.slice(beforeAnswers)).toEqual([]);
    // A page's hint or observation asks for discovery only: the contracts keep their pace.
    await poll(engine, clientFor, { discovery: true, companyId: '8089', paced: true });
    expect(asked.slice(beforeAnswers).filter((p) => p.includes('/contract_payments'))).toEqual([]);
    await poll(engine, clientFor, { discovery: false, companyId: '8089' });
    expect((await getWatch(engine.db, quick))?.state).toBe('synced');
    // Within its window a refusal is not asked for: export status costs one request per record,
    // spent only on records past their window or shown failed (PROCORE-CONTRACT.md).
    expect((await getWatch(engine.db, dup))?.state).toBe('syncing');
    expect(asked.slice(beforeAnswers).filter((p) => p.includes('erp_request_details'))).toEqual([]);

    // The window passes on the engine's clock (and Procore's Date header with it).
    clock.advance(2 * WINDOW);
    await poll(engine, clientFor, { discovery: false });
    const failed = (await getWatch(engine.db, dup)) as Watch;
    expect(failed.state).toBe('failed');
    expect(failed.request?.messages[0]).toMatch(/50001|OPER/);
    expect(failed.diagnosis?.summary).toBeTruthy();
    expect((await getWatch(engine.db, slow))?.state).toBe('overdue');
    expect((await getWatch(engine.db, quick))?.state).toBe('synced');
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { title: string; message: string }[];
    expect(shown.map((n) => n.title)).toEqual(['Builder Co: payments need attention']);
    expect(shown.map((n) => n.message)).toEqual([expect.stringMatching(/1 payment failed to export to QuickBooks Online.*1 payment not in QuickBooks Online after 3 seconds/s)]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    // Only failures wait now: a status cycle asks nothing. A discovery alarm reads a company
    // whose records are none of them syncing at most every half window: here its disbursement
    // list (last read two windows ago; the disbursement changed since the cursor's overlap, but
    // not since its detail was read whole, so not its detail) but not its export statuses (just
    // read); at once again, nothing; a window later, the list and the overdue record's export
    // status (one contract payments request for its contract, one request detail for it); the
    // failed one waits for its own slower pace (contract-pace.ts), three windows.
    const kinds = (from: number) => {
      const counts: Record<string, number> = {};
      for (const path of asked.slice(from)) {
        const kind = path.includes('/contract_payments') ? 'contract payments' : path.includes('/erp_request_details') ? 'request details' : path.includes(String(d.id)) ? 'disbursement' : 'disbursement list';
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      return counts;
    };
    let before = asked.length;
    await poll(engine, clientFor, { discovery: false });
    expect(kinds(before)).toEqual({});
    await poll(engine, clientFor, { discovery: true });
    expect(kinds(before)).toEqual({ 'disbursement list': 1 });
    before = asked.length;
    await poll(engine, clientFor, { discovery: true });
    expect(kinds(before)).toEqual({});
    clock.advance(WINDOW);
    await poll(engine, clientFor, { discovery: true });
    expect(kinds(before)).toEqual({ 'disbursement list': 1, 'contract payments': 1, 'request details': 1 });
    before = asked.length;
    // Three windows after the failure was read; a second more, as Procore's Date header has whole
    // seconds and the engine's reading of its clock may lag by one.
    clock.advance(2 * WINDOW + 1_000);
    await poll(engine, clientFor, { discovery: true });
    expect(kinds(before)).toEqual({ 'disbursement list': 1, 'contract payments': 2, 'request details': 2 });

    const audit = await listAudit(engine.db);
    expect(audit.filter((a) => a.payoutId === slow).map((a) => `${a.before}→${a.after}`)).toEqual(['null→syncing', 'syncing→overdue']);
    expect((await ledger(sim.origin)).violations).toEqual([]);
  });

  it('says "signed out", stops polling and probes slowly instead when the session is gone', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine } = await engineOnSim(sim.origin, WINDOW, { learn: false });
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
});
