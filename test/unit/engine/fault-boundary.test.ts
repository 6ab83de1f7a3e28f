import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import { commitTransitions } from '../../../utils/engine/state/commit-transitions';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { listAudit } from '../../../utils/store/audit-log';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { sampleWatch, testEngine } from './engine-fixture';
import { createDisbursement, engineOnSim, eventually } from './sim-engine';

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
    const stored = sampleWatch({ state: 'failed' });
    await putWatches(engine.db, [stored]);
    // As if read from an older store that lacked a field: the state machine meets a bug.
    const broken = { ...stored, attempts: undefined } as unknown as Watch;
    const committed = await commitTransitions(engine, [
      { watch: broken, event: { type: 'reexport_requested', request: { id: 'r1', status: 'failed', messages: [], updatedAt: 0 }, diagnosis: null, by: 'user' }, actor: 'user', why: 'Re-export requested' },
    ]);
    expect(committed.watches).toEqual([]);
    expect(committed.effects).toEqual([]);
    expect(committed.faults).toEqual([{ payoutId: stored.payoutId, companyId: stored.companyId, message: expect.stringMatching(/reexport_requested could not be applied \(TypeError: .+\); the record is kept as it was/) }]);
    expect(await getWatch(engine.db, stored.payoutId)).toEqual(stored);
    const audit = await listAudit(engine.db);
    expect(audit).toEqual([expect.objectContaining({ action: 'transition_error', before: 'failed', after: 'failed', why: committed.faults[0]!.message })]);
  });

  it('a classifier that throws during a poll: the failed record keeps its state, the status says why, the other records go on', async () => {
    const windowMs = 3_000;
    sim = await startTestSim({ windowMs });
    const { engine, clientFor } = await engineOnSim(sim.origin, windowMs);
    const d = await createDisbursement(sim.origin, {
      payouts: [
        { beneficiaryName: 'Fails Co', delayFraction: 0.1, vendorSynced: false },
        { beneficiaryName: 'Quick Co', delayFraction: 0.1 },
      ],
    });
    const [fails, quick] = d.payouts.map((p) => String(p.id)) as [string, string];
    classifier.broken = true;
    const fault = new RegExp(`Payment record ${fails}: its failure could not be classified \\(RangeError: classifier bug\\)`);
    await eventually(async () => {
      await poll(engine, clientFor, { discovery: true });
      return fault.test((await readStatus(engine.db)).lastError?.message ?? '');
    });
    expect((await getWatch(engine.db, fails))?.state).toBe('syncing');
    await eventually(async () => (await getWatch(engine.db, quick))?.state === 'synced' || (await poll(engine, clientFor, { discovery: false }), false));

    // The bug gone (an update), the record is read again: the cursor did not pass it by.
    classifier.broken = false;
    await poll(engine, clientFor, { discovery: false });
    expect((await getWatch(engine.db, fails))?.state).toBe('failed');
    expect((await readStatus(engine.db)).lastError).toBeNull();
  });
});
