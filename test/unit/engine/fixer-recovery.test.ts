import { afterEach, describe, expect, it } from 'vitest';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage } from '../../../utils/engine/message-router';
import { CHECKING_GRACE_WINDOWS } from '../../../utils/engine/fix/intent-recovery';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { getIntent } from '../../../utils/store/intent-store';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { fakeRuntimeIdentity, OUR_ID, trust } from './engine-fixture';
import { pressProcoreExport } from './procore-page-press';
import { createDisbursement, engineOnSim, eventually, payoutIds } from './sim-engine';

const WINDOW = 3_000;

/** A failed record (its check number is already used in the ERP), tracked by a fresh engine, and the ERP page's messages. */
async function failedRecord(sim: Sim) {
  fakeRuntimeIdentity();
  const { engine, clientFor, clock } = await engineOnSim(sim.origin, WINDOW);
  await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 50001 });
  const d = await createDisbursement(sim.origin, { firstCheckNumber: 50001, payouts: [{ delayFraction: 0.05 }] });
  const payoutId = payoutIds(d)[0]!;
  await poll(engine, clientFor, { discovery: true });
  const failed = await eventually(async () => {
    await poll(engine, clientFor, { discovery: false });
    const w = await getWatch(engine.db, payoutId);
    return w?.state === 'failed' ? w : null;
  });
  const handlers = messageHandlers(engine, clientFor);
  // The content script on the sandbox's ERP Integrations page.
  const tab = { id: OUR_ID, url: `${sim.origin}/8089/company/erp_integrations`, tab: {} };
  const send = <T>(name: string, payload: unknown) => routeMessage(handlers, { name, payload }, tab, trust) as Promise<{ ok: true; value: T } | { ok: false; error: string }>;
  return { engine, clientFor, clock, payoutId, contractPaymentId: failed.contractPaymentId!, send };
}

const begin = async (send: Awaited<ReturnType<typeof failedRecord>>['send'], payoutId: string, checkNumber: number) => {
  const reply = await send<{ ok: true; intentId: string } | { ok: false; reason: string }>('fix.begin', { payoutId, checkNumber });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

describe('a fix whose outcome is not known yet stays "checking"', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('pressed with no answer: checking (no second fix offered) until Procore shows a newer result, then synced with one ledger record', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId, contractPaymentId, send } = await failedRecord(sim);
    const begun = await begin(send, payoutId, 60000);
    expect(begun.ok).toBe(true);
    if (!begun.ok) return;
    // The intent is stored before the page is told to press.
    expect(await getIntent(engine.db, payoutId)).toMatchObject({ intentId: begun.intentId, checkNumber: 60000, by: 'user', pressedAt: null });
    expect((await getWatch(engine.db, payoutId))?.state).toBe('re_exporting');
    await pressProcoreExport(sim.origin, contractPaymentId, { checkNumber: 60000 });
    expect(await send('fix.pressed', { payoutId, intentId: begun.intentId, outcome: 'pressed' })).toMatchObject({ ok: true });
    // Another tab asking meanwhile is refused in words. Which words depends on whether Procore's
    // request detail already reads as newer than the fix when it asks (its updated_at against the
    // intent's time, a race under load): still checking, or the new export in progress.
    const again = await begin(send, payoutId, 60001);
    expect(again).toMatchObject({ ok: false, reason: expect.stringMatching(/is checking|export as in progress/) });
    const synced = await eventually(async () => {
      await poll(engine, clientFor, { discovery: false });
      const w = await getWatch(engine.db, payoutId);
      return w?.state === 'synced' ? w : null;
    });
    expect(synced.attempts.map((a) => [a.checkNumber, a.outcome])).toEqual([[60000, 'synced']]);
    // The next poll finds the outcome known and lets the intent go.
    await poll(engine, clientFor, { discovery: false });
    expect(await getIntent(engine.db, payoutId)).toBeNull();
    const book = await ledger(sim.origin);
    expect([book.records.filter((r) => r.payoutId === payoutId).length, book.violations]).toEqual([1, []]);
  });

  it('begun but never pressed (the page or the worker stopped between intent and press): checking until the grace period, then offered again; nothing exported', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, clock, payoutId, send } = await failedRecord(sim);
    await begin(send, payoutId, 60000);
    await poll(engine, clientFor, { discovery: false });
    expect([(await getWatch(engine.db, payoutId))?.state, (await getIntent(engine.db, payoutId)) !== null]).toEqual(['re_exporting', true]);
    // Procore's Date header has whole seconds: the engine's reading of its clock may lag by one.
    clock.advance(CHECKING_GRACE_WINDOWS * WINDOW + 1_000);
    await poll(engine, clientFor, { discovery: false });
    const after = (await getWatch(engine.db, payoutId))!;
    expect([after.state, after.attempts.map((a) => a.outcome), await getIntent(engine.db, payoutId)]).toEqual(['failed', ['rejected'], null]);
    expect(after.attempts[0]!.messages[0]).toContain('nothing was exported');
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === payoutId)).toHaveLength(0);
    // Offered again, and this time it is pressed.
    expect((await begin(send, payoutId, 60001)).ok).toBe(true);
  });

  it("the page refused the export: Procore's words on the record, the intent ends, and a press for an ended intent is refused", async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, payoutId, send } = await failedRecord(sim);
    const begun = await begin(send, payoutId, 60000);
    if (!begun.ok) throw new Error(begun.reason);
    const words = 'This payment record has already been exported.';
    const refused = await send<{ state: string; attempts: { messages: string[] }[] }>('fix.pressed', { payoutId, intentId: begun.intentId, outcome: 'page_refused', message: words });
    expect(refused).toMatchObject({ ok: true, value: { state: 'failed', attempts: [{ messages: [words] }] } });
    expect(await getIntent(engine.db, payoutId)).toBeNull();
    expect(await send('fix.pressed', { payoutId, intentId: begun.intentId, outcome: 'pressed' })).toMatchObject({ ok: false, error: expect.stringContaining('no longer the current one') });
  });

  it('fix.begin and fix.pressed only from a content script on the configured Procore; fix.open only from our pages', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failedRecord(sim);
    const handlers = messageHandlers(engine, clientFor);
    const popup = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/popup.html` };
    const otherProcore = { id: OUR_ID, url: 'https://app.procore.com/8089/company/payments', tab: {} };
    expect(await routeMessage(handlers, { name: 'fix.begin', payload: { payoutId } }, popup, trust)).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
    expect(await routeMessage(handlers, { name: 'fix.begin', payload: { payoutId } }, otherProcore, trust)).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
    expect(await routeMessage(handlers, { name: 'fix.open', payload: { payoutId } }, otherProcore, trust)).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
    expect(await getIntent(engine.db, payoutId)).toBeNull();
    expect((await getWatch(engine.db, payoutId))?.state).toBe('failed');
  });
});
