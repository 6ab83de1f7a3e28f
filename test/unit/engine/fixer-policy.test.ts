import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage } from '../../../utils/engine/message-router';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { buildSupportSummary } from '../../../utils/domain/support-summary';
import { listAudit } from '../../../utils/store/audit-log';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { fakeRuntimeIdentity, OUR_ID, trust } from './engine-fixture';
import { pressProcoreExport } from './procore-page-press';
import { createDisbursement, engineOnSim, eventually, payoutIds } from './sim-engine';

const WINDOW = 3_000;

async function erpUses(sim: Sim, ...checkNumbers: number[]) {
  for (const checkNumber of checkNumbers) await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber });
}

describe('fixes: escalation, automatic policy', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await sim?.close();
    sim = undefined;
  });

  async function failingRecord(autoFix = false) {
    fakeRuntimeIdentity();
    const { engine, clientFor, clock } = await engineOnSim(sim!.origin, WINDOW);
    if (autoFix) await updateSettings(engine.db, { autoFixDuplicateCheckNumbers: true });
    await erpUses(sim!, 50001);
    const d = await createDisbursement(sim!.origin, { firstCheckNumber: 50001, payouts: [{ beneficiaryName: 'Acme Drywall', delayFraction: 0.05 }] });
    const payoutId = payoutIds(d)[0]!;
    await poll(engine, clientFor, { discovery: true });
    // A refusal is read once the record's window is over: over at once on the engine's clock.
    clock.advance(WINDOW + 1_000);
    const tab = { id: OUR_ID, url: `${sim!.origin}/8089/company/erp_integrations`, tab: {} };
    const send = (name: string, payload: unknown) => routeMessage(messageHandlers(engine, clientFor), { name, payload }, tab, trust);
    return { engine, clientFor, payoutId, send };
  }

  type Setup = Awaited<ReturnType<typeof failingRecord>>;
  // Polled every half second, not every 200 ms: faster, the governor's 45 per 10 s stalls a poll
  // for seconds, and a stall between the press and the read of its result outlasts the "checking"
  // grace (two 3 s windows here), so the fix would be taken for one Procore never exported.
  const settle = async ({ engine, clientFor, payoutId }: Setup, states: string[]) =>
    eventually(async () => {
      await poll(engine, clientFor, { discovery: false });
      const w = await getWatch(engine.db, payoutId);
      return w && states.includes(w.state) ? w : null;
    }, 20_000, 500);

  /** What the ERP Integrations page does on the user's confirm: fix.begin, Procore's Export, fix.pressed. */
  async function fixInPage(setup: Setup, checkNumber: number) {
    const begun = (await setup.send('fix.begin', { payoutId: setup.payoutId, checkNumber })) as { ok: true; value: { ok: true; intentId: string } };
    expect(begun.value).toMatchObject({ ok: true });
    const { contractPaymentId } = (await getWatch(setup.engine.db, setup.payoutId))!;
    await pressProcoreExport(sim!.origin, contractPaymentId!, { checkNumber });
    expect(await setup.send('fix.pressed', { payoutId: setup.payoutId, intentId: begun.value.intentId, outcome: 'pressed' })).toMatchObject({ ok: true });
  }

  it('escalates after two failed fixes for the same cause, with a support summary listing every attempt', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const setup = await failingRecord();
    await settle(setup, ['failed']);
    await erpUses(sim, 50100, 50101);
    await fixInPage(setup, 50100);
    expect((await settle(setup, ['failed', 'escalate'])).state).toBe('failed');
    await fixInPage(setup, 50101);
    const escalated = await settle(setup, ['escalate']);
    expect(escalated.attempts.map((a) => [a.checkNumber, a.outcome, a.cause])).toEqual([
      [50100, 'failed', 'DUPLICATE_CHECK_NUMBER'],
      [50101, 'failed', 'DUPLICATE_CHECK_NUMBER'],
    ]);
    const summary = buildSupportSummary(escalated);
    for (const fact of [escalated.disbursementNumber, 'Acme Drywall', escalated.invoiceNumber, '50101', 'OPER', escalated.request!.messages[0]!]) {
      expect(summary).toContain(fact);
    }
    expect((await listAudit(setup.engine.db)).some((a) => a.action === 'escalated' && a.payoutId === setup.payoutId)).toBe(true);
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === setup.payoutId)).toHaveLength(0);
  });

  it('with the policy on, prepares the duplicate check number fix and says so, and never exports', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const shown = vi.spyOn(browser.notifications, 'create');
    const setup = await failingRecord(true);
    const failed = await settle(setup, ['failed']);
    await poll(setup.engine, setup.clientFor, { discovery: false });
    const ready = shown.mock.calls.map((call) => call[1] as unknown as { title: string; message: string }).find((n) => /ready/.test(n.title));
    expect(ready?.message).toContain(`the fix with check number ${failed.diagnosis!.suggested!.checkNumber} is ready on the ERP Integrations page`);
    expect(ready?.message).toContain('Nothing is exported until you confirm there');
    expect([(await getWatch(setup.engine.db, setup.payoutId))?.state, (await getWatch(setup.engine.db, setup.payoutId))?.attempts]).toEqual(['failed', []]);
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === setup.payoutId)).toHaveLength(0);
  });

  it('with the policy off (the default), leaves the failure for a person and prepares nothing', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const shown = vi.spyOn(browser.notifications, 'create');
    const setup = await failingRecord();
    const failed = await settle(setup, ['failed']);
    await poll(setup.engine, setup.clientFor, { discovery: false });
    expect((await getWatch(setup.engine.db, setup.payoutId))?.attempts).toEqual([]);
    expect(failed.diagnosis?.suggested?.checkNumber).toBeGreaterThan(50001);
    expect(shown.mock.calls.some((call) => /ready/.test((call[1] as unknown as { title: string }).title))).toBe(false);
  });
});
