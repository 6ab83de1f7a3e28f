import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchChange } from '../../../utils/messaging';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim } from '../engine/sim-engine';

/*
 * IndexedDB refusing writes (the disk or the origin's quota is full), against the real sim with
 * the engine on fake-indexeddb. Chromium's CDP quota override does not reach chrome-extension://
 * origins, so this fault is injected at the IndexedDB API: every write fails with the
 * QuotaExceededError a full disk gives.
 */
const WINDOW = 20_000;

function refuseWrites(): () => void {
  const quota = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
  const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
  return () => {
    put.mockRestore();
    add.mockRestore();
  };
}

describe('IndexedDB refusing writes (quota)', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await sim?.close();
    sim = undefined;
  });

  it('tells the open popup in words, loses nothing stored, and tracks the new record once writes work again', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor } = await engineOnSim(sim.origin, WINDOW);
    const kept = await createDisbursement(sim.origin, { payouts: [{ beneficiaryName: 'Stored Before Quota', delayFraction: 0.8 }] });
    await poll(engine, clientFor, { discovery: true });
    const before = await listWatches(engine.db, { disbursementId: String(kept.id) });
    expect(before.map((w) => w.state)).toEqual(['syncing']);

    const pushed: WatchChange[] = [];
    engine.hub.add({ postMessage: (change) => pushed.push(change as WatchChange) });
    const blocked = await createDisbursement(sim.origin, { payouts: [{ beneficiaryName: 'Arrives During Quota', delayFraction: 0.8 }] });
    const restore = refuseWrites();
    const outcome = await poll(engine, clientFor, { discovery: true }).then(
      () => 'resolved',
      (error: unknown) => `rejected: ${String(error)}`,
    );
    restore();

    // Nothing stored was lost or changed by the refused writes.
    expect(await listWatches(engine.db, { disbursementId: String(kept.id) })).toEqual(before);

    await poll(engine, clientFor, { discovery: true });
    expect((await listWatches(engine.db, { disbursementId: String(blocked.id) })).map((w) => w.beneficiaryName)).toEqual(['Arrives During Quota']);
    expect((await readStatus(engine.db)).lastError).toBeNull();

    // What the user sees: the status pushed to the open popup names the storage problem.
    const statuses = pushed.flatMap((c) => (c.type === 'status' ? [c.status.lastError?.message ?? ''] : []));
    expect(statuses.join(' | '), `poll ${outcome}; statuses pushed`).toMatch(/storage|space|disk|full|quota/i);
  });
});
