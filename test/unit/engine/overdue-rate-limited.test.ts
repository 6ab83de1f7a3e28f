import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { poll, type ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { createDisbursement, engineOnSim, payoutIds } from './sim-engine';

const WINDOW = 1_500;

describe('deadlines while Procore refuses reads (rate limit)', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('marks a record overdue and notifies although the governor refuses every request for the hour', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, clock } = await engineOnSim(sim.origin, WINDOW);
    await updateSettings(engine.db, { companyIds: ['8089'] });
    // Answers long after this test: its window passes on the engine's clock.
    const d = await createDisbursement(sim.origin, { payouts: [{ beneficiaryName: 'Slow Co', delayFraction: 1_000 }] });
    const [slow] = payoutIds(d) as [string];
    await poll(engine, clientFor, { discovery: true });
    expect((await getWatch(engine.db, slow))?.state).toBe('syncing');

    // The hour's budget is spent: every request is refused before it is sent.
    const spent = new RateGovernor({ spikeMax: 45 });
    spent.restore({ blockedUntil: Date.now() + 3_600_000, window: null, spikeMax: 45 });
    const fetchFn = await sessionFetch(sim.origin);
    const refused: ClientFactory = async (e) => procoreClient(e, await e.settings(), spent, fetchFn);
    clock.advance(2 * WINDOW);
    const sentBefore = fetchFn.statuses.length;
    expect(await poll(engine, refused, { discovery: false })).toBeNull();

    expect(fetchFn.statuses.length).toBe(sentBefore);
    expect((await readStatus(engine.db)).lastError?.message).toMatch(/request limit/);
    expect((await getWatch(engine.db, slow))?.state).toBe('overdue');
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];
    expect(shown.map((n) => n.message)).toEqual([expect.stringMatching(/not in .* after/)]);
  });
});
