import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../utils/engine/engine';
import { reExport } from '../../../utils/engine/fix/fixer';
import { settleIntents } from '../../../utils/engine/fix/intent-recovery';
import { poll, type ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { getIntent } from '../../../utils/store/intent-store';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { createDisbursement, engineOnSim, eventually } from './sim-engine';

const WINDOW = 3_000;
const isExport = (input: RequestInfo | URL, init?: RequestInit) => init?.method === 'POST' && String(input).endsWith('/export');

/** A failed record (its check number is already used in the ERP), tracked by a fresh engine. */
async function failedRecord(sim: Sim) {
  const { engine, clientFor } = await engineOnSim(sim.origin, WINDOW);
  await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 50001 });
  const d = await createDisbursement(sim.origin, { firstCheckNumber: 50001, payouts: [{ delayFraction: 0.05 }] });
  const payoutId = String(d.payouts[0]!.id);
  await poll(engine, clientFor, { discovery: true });
  await eventually(async () => {
    await poll(engine, clientFor, { discovery: false });
    return (await getWatch(engine.db, payoutId))?.state === 'failed';
  });
  return { engine, clientFor, payoutId };
}

/** The worker "dies": this fetch never answers the export, before or after sending it. */
async function dyingClient(sim: Sim, when: 'before_post' | 'after_post'): Promise<ClientFactory> {
  const real = await sessionFetch(sim.origin);
  const dying: typeof fetch = async (input, init) => {
    if (!isExport(input, init)) return real(input, init);
    if (when === 'after_post') await real(input, init);
    return new Promise<Response>(() => undefined);
  };
  return async (e) => procoreClient(e, await e.settings(), new RateGovernor({ spikeMax: 45 }), dying);
}

/** A new worker on the same store: leases of the dead one are void, as setupEngine does. */
async function restart(engine: Engine): Promise<Engine> {
  await engine.db.clear('locks');
  return Engine.open(engine.db);
}

describe('fixer killed mid-export', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('between intent and POST: the restart reads "never sent", nothing was exported, and a new fix exports exactly once', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failedRecord(sim);
    void reExport(engine, await (await dyingClient(sim, 'before_post'))(engine), payoutId, { checkNumber: 60000 });
    await eventually(async () => (await getIntent(engine.db, payoutId)) !== null && (await getWatch(engine.db, payoutId))?.state === 're_exporting');

    const reborn = await restart(engine);
    expect(await settleIntents(reborn, await clientFor(reborn))).toBe(1);
    const settled = await getWatch(reborn.db, payoutId);
    expect(settled?.state).toBe('failed');
    expect(settled?.attempts).toEqual([expect.objectContaining({ outcome: 'rejected', messages: [expect.stringMatching(/interrupted before Procore received it/)] })]);
    expect(await getIntent(reborn.db, payoutId)).toBeNull();
    expect((await ledger(sim.origin)).records.filter((r) => r.payoutId === payoutId)).toHaveLength(0);

    await reExport(reborn, await clientFor(reborn), payoutId, { checkNumber: 60000 });
    await eventually(async () => {
      await poll(reborn, clientFor, { discovery: false });
      return (await getWatch(reborn.db, payoutId))?.state === 'synced';
    });
    const book = await ledger(sim.origin);
    expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
    expect(book.violations).toEqual([]);
  });

  it('between POST and reply: the restart reads "sent", follows it to synced and never sends again', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failedRecord(sim);
    const requestDetails = async () => (await simControl<{ counts: { requestDetails: number } }>(sim!.origin, 'GET', '/state')).counts.requestDetails;
    const before = await requestDetails();
    void reExport(engine, await (await dyingClient(sim, 'after_post'))(engine), payoutId, { checkNumber: 60000 });
    // Procore received the export (a new request detail exists); its answer never reaches the worker.
    await eventually(async () => (await requestDetails()) === before + 1);
    expect(await getIntent(engine.db, payoutId)).not.toBeNull();

    const reborn = await restart(engine);
    // The poll settles leftover intents first, by reading, then follows the export.
    await eventually(async () => {
      await poll(reborn, clientFor, { discovery: false });
      return (await getWatch(reborn.db, payoutId))?.state === 'synced';
    });
    expect(await getIntent(reborn.db, payoutId)).toBeNull();
    const watch = await getWatch(reborn.db, payoutId);
    expect(watch?.attempts).toEqual([expect.objectContaining({ outcome: 'synced', checkNumber: 60000 })]);
    await expect(reExport(reborn, await clientFor(reborn), payoutId, { checkNumber: 60001 })).rejects.toThrow(/Not re-exported/);
    const book = await ledger(sim.origin);
    expect(book.records.filter((r) => r.payoutId === payoutId)).toHaveLength(1);
    expect(book.violations).toEqual([]);
  });

  it('one fix at a time per record: a second concurrent fix is refused by the lease', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, payoutId } = await failedRecord(sim);
    void reExport(engine, await (await dyingClient(sim, 'before_post'))(engine), payoutId, { checkNumber: 60000 });
    await eventually(async () => (await getIntent(engine.db, payoutId)) !== null);
    await expect(reExport(engine, await clientFor(engine), payoutId, { checkNumber: 60001 })).rejects.toThrow(/already running/);
  });
});
