import { afterEach, describe, expect, it } from 'vitest';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { engineOnSim } from './sim-engine';

const DAY = 86_400_000;

describe('the backlog on install', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('shows, on a fresh install against the demo, a record in Failed to Export for days, and nothing settled from before the 7-day look back', async () => {
    sim = await startTestSim({ scenario: 'demo' });
    const { engine, clientFor } = await engineOnSim(sim.origin, 600_000);
    await poll(engine, clientFor, { discovery: true });
    const watches = await listWatches(engine.db);
    const now = engine.now();
    const old = watches.filter((w) => w.fundingCompletedAt !== null && now - w.fundingCompletedAt > DAY && w.state !== 'synced');
    expect(old.map((w) => [w.beneficiaryName, w.state, w.diagnosis?.cause])).toEqual([['Northline Glazing', 'failed', 'INVALID_BANK_ID']]);
    // The demo's history (synced, funded 10 to 30 days ago) stays out: older than the look back.
    expect(watches.every((w) => w.fundingCompletedAt === null || now - w.fundingCompletedAt < 7 * DAY + 60_000)).toBe(true);
  });
});
