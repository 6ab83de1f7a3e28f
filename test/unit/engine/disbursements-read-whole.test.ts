import { afterEach, describe, expect, it } from 'vitest';
import type { Disbursement } from '../../../utils/domain/schemas/disbursement';
import { listVersion, needsDetail } from '../../../utils/engine/poll/disbursements-read-whole';
import { poll, type ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { internalEndpointsOf, simControl, startTestSim } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { sampleWatch } from './engine-fixture';
import { createDisbursement, engineOnSim } from './sim-engine';

const listed = (overrides: Partial<Disbursement> = {}): Disbursement => ({ id: 'd-1', status: 'FUNDING_COMPLETED_AWAITING_PAYOUTS', updatedAt: '2026-11-15T17:40:03.000Z', ...overrides });

describe('a disbursement detail is read again only when the disbursement changed', () => {
  it('never read whole, changed since, or its payouts missing from the store: read; unchanged, or every payout synced: not', () => {
    const d = listed();
    const stored = [sampleWatch({ state: 'syncing' })];
    expect(needsDetail(d, new Map(), stored)).toBe(true);
    const read = new Map([[d.id, listVersion(d)]]);
    expect(needsDetail(d, read, stored)).toBe(false);
    expect(needsDetail(listed({ updatedAt: '2026-11-15T17:45:00.000Z' }), read, stored)).toBe(true);
    expect(needsDetail(d, read, [])).toBe(true);
    expect(needsDetail(listed({ updatedAt: '2026-11-15T17:45:00.000Z' }), read, [sampleWatch({ state: 'synced' })])).toBe(false);
    // No updatedAt in the list: the record itself is the version.
    const bare = listed({ updatedAt: undefined });
    const readBare = new Map([[bare.id, listVersion(bare)]]);
    expect(needsDetail(bare, readBare, stored)).toBe(false);
    expect(needsDetail({ ...bare, status: 'PAYOUT_INITIATED' }, readBare, stored)).toBe(true);
  });

  describe('against the sim', () => {
    let sim: Sim | undefined;
    afterEach(async () => {
      await sim?.close();
      sim = undefined;
    });

    const detailsAsked = async (origin: string, asked: readonly string[]) => {
      const variant = await internalEndpointsOf(origin);
      const detail = new RegExp(`/${variant.disbursements}/([^/?]+)(\\?|$)`);
      return asked.flatMap((path) => detail.exec(path)?.[1] ?? []).map(decodeURIComponent);
    };

    it('discoveries read the list each time and a detail only once per change (funding requested, then funded)', async () => {
      sim = await startTestSim();
      const { engine, clientFor, asked } = await engineOnSim(sim.origin, 60_000);
      await updateSettings(engine.db, { companyIds: ['8089'] });
      const d = await createDisbursement(sim.origin, { status: 'authorized', payouts: [{ beneficiaryName: 'Wait Co' }] });
      await poll(engine, clientFor, { discovery: true, companyId: '8089' });
      expect((await detailsAsked(sim.origin, asked)).filter((id) => id === String(d.id))).toHaveLength(1);
      let before = asked.length;
      await poll(engine, clientFor, { discovery: true, companyId: '8089' });
      // Listed as changed again (the cursor's overlap), but unchanged since read whole.
      expect(await detailsAsked(sim.origin, asked.slice(before))).toEqual([]);
      expect(asked.length).toBeGreaterThan(before);

      await simControl(sim.origin, 'POST', `/fund/${encodeURIComponent(String(d.id))}`);
      before = asked.length;
      await poll(engine, clientFor, { discovery: true, companyId: '8089' });
      expect(await detailsAsked(sim.origin, asked.slice(before))).toEqual([String(d.id)]);
      expect((await listWatches(engine.db, { disbursementId: String(d.id) })).map((w) => w.state)).toEqual(['syncing']);
    });

    it('a discovery the rate limit cuts keeps what it read: the next one reads only the details it had not', async () => {
      sim = await startTestSim();
      const origin = sim.origin;
      const { engine, clientFor: learnedClient, asked } = await engineOnSim(origin, 60_000);
      await updateSettings(engine.db, { companyIds: ['8089'] });
      const made = await Promise.all([1, 2, 3].map((n) => createDisbursement(origin, { payouts: [{ beneficiaryName: `Cut Co ${n}` }] })));
      // Procore answers 429 (for an hour) once two details were read in this cycle.
      const variant = await internalEndpointsOf(origin);
      const detail = new RegExp(`/${variant.disbursements}/[^/?]+$`);
      const session = await sessionFetch(origin);
      let detailsLeft = 2;
      const limited: typeof fetch = async (input, init) => {
        const path = new URL(String(input)).pathname;
        if (detail.test(path) && detailsLeft-- <= 0) return new Response('{}', { status: 429, headers: { 'Retry-After': '3600' } });
        asked.push(path);
        return session(input, init);
      };
      const cutClient: ClientFactory = async (e) => procoreClient(e, await e.settings(), new RateGovernor(), limited);
      const start = asked.length;
      await poll(engine, cutClient, { discovery: true });
      expect((await readStatus(engine.db)).lastError?.message).toMatch(/limit/i);
      const firstDetails = await detailsAsked(origin, asked.slice(start));
      expect(firstDetails).toHaveLength(2);
      // What was read before the cut is stored.
      const stored = new Set((await listWatches(engine.db, { companyId: '8089' })).map((w) => w.disbursementId));
      expect(firstDetails.every((id) => stored.has(id))).toBe(true);

      const before = asked.length;
      await poll(engine, learnedClient, { discovery: true });
      const secondDetails = await detailsAsked(origin, asked.slice(before));
      expect(secondDetails.filter((id) => firstDetails.includes(id))).toEqual([]);
      const all = new Set((await listWatches(engine.db, { companyId: '8089' })).map((w) => w.disbursementId));
      expect(made.every((d) => all.has(String(d.id)))).toBe(true);
    });
  });
});
