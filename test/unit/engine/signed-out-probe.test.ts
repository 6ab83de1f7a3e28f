import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { alarmHandler } from '../../../utils/engine/poll/on-alarm';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim } from './sim-engine';

const WINDOW = 60_000;

describe('signed out is a state', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('probes /me while signed out, and its first success resumes tracking with no one asking', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor } = await engineOnSim(sim.origin, WINDOW);
    // The session expires: every request is refused with 401.
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '.', status: 401 });
    expect(await poll(engine, clientFor, { discovery: true })).toBeNull();
    expect((await readStatus(engine.db)).signedIn).toBe(false);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['probe']);

    // Still signed out: the probe changes nothing.
    await alarmHandler(clientFor)(engine, 'probe');
    expect((await readStatus(engine.db)).signedIn).toBe(false);

    // Restored in Procore; a disbursement funded meanwhile. The next probe alone brings it in.
    await simControl(sim.origin, 'DELETE', '/faults');
    const d = await createDisbursement(sim.origin, { payouts: [{ delayFraction: 0.9 }] });
    await alarmHandler(clientFor)(engine, 'probe');
    expect(await readStatus(engine.db)).toMatchObject({ signedIn: true, lastError: null });
    expect((await listWatches(engine.db, { disbursementId: String(d.id) })).map((w) => w.state)).toEqual(['syncing']);
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name);
    expect(names).toContain('discovery');
    expect(names).not.toContain('probe');
  });
});
