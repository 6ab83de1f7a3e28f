import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../utils/domain/settings';
import { backlogSince } from '../../../utils/engine/poll/backlog';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim } from './sim-engine';

const DAY = 86_400_000;

describe('backlogSince', () => {
  it('starts the first look backlogDays before the cycle, whatever else is stored (contract v2 lists no failed exports)', () => {
    const cycleStart = Date.parse('2026-11-20T12:00:00Z');
    expect(backlogSince(SettingsSchema.parse({}), cycleStart)).toBe(cycleStart - 7 * DAY);
    expect(backlogSince({ ...SettingsSchema.parse({}), backlogDays: 3 }, cycleStart)).toBe(cycleStart - 3 * DAY);
  });
});

describe('the backlog on install', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('keeps, on the first discovery, the disbursements updated within backlogDays and drops older ones', async () => {
    sim = await startTestSim({ windowMs: 60_000 });
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    await updateSettings(engine.db, { backlogDays: 5, companyIds: ['8089'] });
    const recent = await createDisbursement(sim.origin, { fundedAgoMs: 4 * DAY, payouts: [{}] });
    const old = await createDisbursement(sim.origin, { fundedAgoMs: 6 * DAY, payouts: [{}] });
    await poll(engine, clientFor, { discovery: true });
    expect((await listWatches(engine.db, { disbursementId: String(recent.id) })).map((w) => w.disbursementNumber)).toEqual([String(recent.disbursementIdentifier)]);
    expect(await listWatches(engine.db, { disbursementId: String(old.id) })).toEqual([]);
    // Later discoveries read from their cursor: the older one stays out.
    await poll(engine, clientFor, { discovery: true, forceCompanies: true });
    expect(await listWatches(engine.db, { disbursementId: String(old.id) })).toEqual([]);
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
    expect(sim.store.disbursements(8089).some((d) => now - d.updatedAt > 7 * DAY)).toBe(true);
    expect(watches.every((w) => w.fundingCompletedAt === null || now - w.fundingCompletedAt < 7 * DAY + 60_000)).toBe(true);
  });
});
