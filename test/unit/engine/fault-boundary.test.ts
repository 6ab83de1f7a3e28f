import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitTransitions } from '../../../utils/engine/state/commit-transitions';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { listAudit } from '../../../utils/store/audit-log';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { sampleWatch, testEngine } from './engine-fixture';
import { createDisbursement, engineOnSim, eventually, payoutIds } from './sim-engine';

// The classifier, made to fail on demand: a stand-in for a bug in it.
const classifier = vi.hoisted(() => ({ broken: false }));
vi.mock('../../../utils/domain/classify-watch', async (original) => {
  const real = await original<typeof import('../../../utils/domain/classify-watch')>();
  return {
    classifyWatchFailure: (...args: Parameters<typeof real.classifyWatchFailure>) => {
      if (classifier.broken) throw new RangeError('classifier bug');
      return real.classifyWatchFailure(...args);
    },
  };
});

describe('the engine boundary around the state machine and the classifier', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    classifier.broken = false;
    await sim?.close();
    sim = undefined;
  });

  it('a transition that throws keeps the stored watch, audits the fault and returns it in words', async () => {
    const engine = await testEngine();
    const stored = sampleWatch({ state: 'syncing' });
    await putWatches(engine.db, [stored]);
    // A refusal read with no diagnosis: the state machine classifies it itself, and meets the bug.
    classifier.broken = true;
    const committed = await commitTransitions(engine, [
      { watch: stored, event: { type: 'status_read', request: { id: 'r1', status: 'failed', messages: ['Vendor not found'], updatedAt: 1 }, diagnosis: null }, actor: 'engine', why: 'Export status failed read from Procore' },
    ]);
    expect(committed.watches).toEqual([]);
    expect(committed.effects).toEqual([]);
    expect(committed.faults).toEqual([{ payoutId: stored.payoutId, companyId: stored.companyId, message: expect.stringMatching(/status_read could not be applied \(RangeError: classifier bug\); the record is kept as it was/) }]);
    expect(await getWatch(engine.db, stored.payoutId)).toEqual(stored);
    const audit = await listAudit(engine.db);
    expect(audit).toEqual([expect.objectContaining({ action: 'transition_error', before: 'syncing', after: 'syncing', why: committed.faults[0]!.message })]);
  });

  it('a classifier that throws during a poll: the failed record keeps its state, the status says why, the other records go on', async () => {
    const windowMs = 3_000;
    sim = await startTestSim({ windowMs });
    const live = sim;
    const { engine, clientFor, clock } = await engineOnSim(sim.origin, windowMs);
    await updateSettings(engine.db, { companyIds: ['8089'] });
    const d = await createDisbursement(sim.origin, {
      payouts: [
        { beneficiaryName: 'Fails Co', delayFraction: 0.1, vendorSynced: false },
        { beneficiaryName: 'Quick Co', delayFraction: 0.1 },
      ],
    });
    const [fails, quick] = payoutIds(d) as [string, string];
    await poll(engine, clientFor, { discovery: true });
    // The ERP answers both (the sim's timers run on real time); one is synced from its origin id.
    await eventually(async () => [fails, quick].every((id) => live.store.latestRequestDetail(id)?.status !== 'in_progress'));
    // Asked for (as a page's hint asks): the contracts are read at once, not at their pace.
    await poll(engine, clientFor, { discovery: false, companyId: '8089' });
    expect((await getWatch(engine.db, quick))?.state).toBe('synced');

    // Past the window the refusal is read, and the classifier meets its bug.
    classifier.broken = true;
    clock.advance(2 * windowMs);
    await poll(engine, clientFor, { discovery: false });
    expect((await readStatus(engine.db)).lastError?.message).toMatch(new RegExp(`Payment record ${fails}: its failure could not be classified \\(RangeError: classifier bug\\)`));
    // Not read as failed: still not in the ERP after its window, so overdue, and nothing else changed.
    expect((await getWatch(engine.db, fails))?.state).toBe('overdue');
    expect((await getWatch(engine.db, quick))?.state).toBe('synced');

    // The bug gone (an update), the record is read again: the status cursor did not pass it by.
    classifier.broken = false;
    await poll(engine, clientFor, { discovery: true });
    expect((await getWatch(engine.db, fails))?.state).toBe('failed');
    expect((await readStatus(engine.db)).lastError).toBeNull();
  });
});
