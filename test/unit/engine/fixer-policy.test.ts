import { afterEach, describe, expect, it } from 'vitest';
import { reExport } from '../../../utils/engine/fix/fixer';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { supportSummaryText } from '../../../utils/engine/fix/support-summary-text';
import { listAudit } from '../../../utils/store/audit-log';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim, eventually } from './sim-engine';

const WINDOW = 3_000;

async function erpUses(sim: Sim, ...checkNumbers: number[]) {
  for (const checkNumber of checkNumbers) await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber });
}

describe('fixer: escalation, Next Check Number, automatic fix', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  async function failingRecord(autoFix = false) {
    const { engine, clientFor } = await engineOnSim(sim!.origin, WINDOW);
    if (autoFix) await updateSettings(engine.db, { autoFixDuplicateCheckNumbers: true });
    await erpUses(sim!, 50001);
    const d = await createDisbursement(sim!.origin, { firstCheckNumber: 50001, payouts: [{ beneficiaryName: 'Acme Drywall', delayFraction: 0.05 }] });
    const payoutId = String(d.payouts[0]!.id);
    await poll(engine, clientFor, { discovery: true });
    return { engine, clientFor, payoutId };
  }

  const settle = async (engine: Awaited<ReturnType<typeof failingRecord>>['engine'], clientFor: Awaited<ReturnType<typeof failingRecord>>['clientFor'], payoutId: string, states: string[]) =>
    eventually(async () => {
      await poll(engine, clientFor, { discovery: false });
      const w = await getWatch(engine.db, payoutId);
      return w && states.includes(w.state) ? w : null;
    });

  it('escalates after two failed fixes for the same cause, with a support summary listing every attempt', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failingRecord();
    await settle(engine, clientFor, payoutId, ['failed']);
    await erpUses(sim, 50100, 50101);
    await reExport(engine, await clientFor(engine), payoutId, { checkNumber: 50100 });
    expect((await settle(engine, clientFor, payoutId, ['failed', 'escalate'])).state).toBe('failed');
    await reExport(engine, await clientFor(engine), payoutId, { checkNumber: 50101 });
    const escalated = await settle(engine, clientFor, payoutId, ['escalate']);
    expect(escalated.attempts.map((a) => [a.checkNumber, a.outcome, a.cause])).toEqual([
      [50100, 'failed', 'DUPLICATE_CHECK_NUMBER'],
      [50101, 'failed', 'DUPLICATE_CHECK_NUMBER'],
    ]);
    const summary = await supportSummaryText(engine, payoutId);
    for (const fact of ['Builder Co', escalated.disbursementNumber, 'Acme Drywall', escalated.invoiceNumber, '50101', 'OPER', escalated.request!.messages[0]!]) {
      expect(summary).toContain(fact);
    }
    expect((await listAudit(engine.db)).some((a) => a.action === 'escalated' && a.payoutId === payoutId)).toBe(true);
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === payoutId)).toHaveLength(0);
  });

  it("a fix with Next Check Number's value moves the funding account past it", async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failingRecord();
    await settle(engine, clientFor, payoutId, ['failed']);
    const client = await clientFor(engine);
    const before = (await client.fundingAccounts('8089')).find((a) => a.bankId === 'OPER')!;
    await reExport(engine, client, payoutId, { checkNumber: before.nextCheckNumber, moveNextCheckNumber: true });
    const after = (await client.fundingAccounts('8089')).find((a) => a.id === before.id)!;
    expect(after.nextCheckNumber).toBe(before.nextCheckNumber + 1);
    expect((await listAudit(engine.db)).find((a) => a.action === 'next_check_number_moved')?.why).toContain(`${before.nextCheckNumber} → ${before.nextCheckNumber + 1}`);
    expect((await settle(engine, clientFor, payoutId, ['synced'])).checkNumber).toBe(before.nextCheckNumber);
  });

  it('with the policy on, re-exports a duplicate check number by itself with the suggested number, once', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failingRecord(true);
    const synced = await settle(engine, clientFor, payoutId, ['synced']);
    expect(synced.attempts).toEqual([expect.objectContaining({ outcome: 'synced', cause: 'DUPLICATE_CHECK_NUMBER' })]);
    expect((await listAudit(engine.db)).some((a) => a.actor === 'policy' && a.payoutId === payoutId && a.after === 're_exporting')).toBe(true);
    const book = await ledger(sim.origin);
    expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
    expect(book.violations).toEqual([]);
  });

  it('with the policy off (the default), leaves the failure for a person', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failingRecord();
    const failed = await settle(engine, clientFor, payoutId, ['failed']);
    await poll(engine, clientFor, { discovery: false });
    expect((await getWatch(engine.db, payoutId))?.attempts).toEqual([]);
    expect(failed.diagnosis?.suggested?.checkNumber).toBeGreaterThan(50001);
  });
});
