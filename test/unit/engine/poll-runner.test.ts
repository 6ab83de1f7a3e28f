import { afterEach, describe, expect, it } from 'vitest';
import { readStatus } from '../../../utils/engine/poll/engine-status';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim, eventually, payoutIds } from './sim-engine';

const CONTRACT_PAYMENTS = '/rest/v1.0/contract_payments';

describe('poll runner: one cycle at a time, and a person never waits behind the background', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  // One record of Builder Co watched on a fresh sandbox: where each test hangs a request.
  const watchingOneRecord = async () => {
    const windowMs = 3_000;
    const started = await startTestSim({ windowMs });
    sim = started;
    const setup = await engineOnSim(started.origin, windowMs);
    await updateSettings(setup.engine.db, { companyIds: ['8089'] });
    const d = await createDisbursement(started.origin, { payouts: [{ beneficiaryName: 'Hung Co', delayFraction: 0.1 }] });
    await poll(setup.engine, setup.clientFor, { discovery: true });
    expect(await getWatch(setup.engine.db, payoutIds(d)[0]!)).toBeDefined();
    return { ...setup, origin: started.origin };
  };

  it("a person's poll cancels a background cycle stuck on a hung request; both callers get the person's result", async () => {
    const { engine, clientFor, asked, origin } = await watchingOneRecord();

    // The next contract read hangs for a minute, longer than the request timeout (20 s).
    await simControl(origin, 'POST', '/faults', { pathPattern: `${CONTRACT_PAYMENTS}$`, delayMs: 60_000, times: 1 });
    const readsBefore = asked.filter((path) => path.startsWith(CONTRACT_PAYMENTS)).length;
    const background = poll(engine, clientFor, { discovery: false, companyId: '8089' });
    await eventually(async () => asked.filter((path) => path.startsWith(CONTRACT_PAYMENTS)).length > readsBefore, 10_000, 20);
    // A page's poll queued behind it is taken over too; one for nothing but another company is not.
    const page = poll(engine, clientFor, { discovery: true, companyId: '8089', paced: true });

    const person = poll(engine, clientFor, { discovery: true, forceCompanies: true, backlog: true }, 'user');
    const [personResult, backgroundResult, pageResult] = await Promise.all([person, background, page]);
    expect(personResult).not.toBeNull();
    expect(backgroundResult).toBe(personResult);
    expect(pageResult).toBe(personResult);
    // The hung read was cancelled, not timed out: the person's cycle read the contract afresh.
    expect((await readStatus(engine.db)).lastError).toBeNull();
    expect(asked.filter((path) => path.startsWith(CONTRACT_PAYMENTS)).length).toBe(readsBefore + 2);
  }, 30_000);

  it("a person's poll for one company cuts a cycle of every company ahead of it, which then runs again after it", async () => {
    const { engine, clientFor, asked, origin } = await watchingOneRecord();

    // The next request, whichever it is, hangs for a minute: the cycle of every company is stuck.
    await simControl(origin, 'POST', '/faults', { pathPattern: '.', delayMs: 60_000, times: 1 });
    const requestsBefore = asked.length;
    const order: string[] = [];
    const everyCompany = poll(engine, clientFor, { discovery: true }).then((result) => {
      order.push('every company');
      return result;
    });
    await eventually(async () => asked.length > requestsBefore, 10_000, 20);
    const person = poll(engine, clientFor, { discovery: true, companyId: '8089' }, 'user').then((result) => {
      order.push('person');
      return result;
    });
    const [everyResult, personResult] = await Promise.all([everyCompany, person]);
    expect(order).toEqual(['person', 'every company']);
    expect(personResult).not.toBeNull();
    // Its own answer, from its second run: not the person's one-company result.
    expect(everyResult).not.toBeNull();
    expect(everyResult).not.toBe(personResult);
    expect((await readStatus(engine.db)).lastError).toBeNull();
  }, 30_000);

  it("a person's poll for one company leaves another company's background cycle alone, and runs after it", async () => {
    const windowMs = 3_000;
    sim = await startTestSim({ windowMs });
    const { engine, clientFor } = await engineOnSim(sim.origin, windowMs);
    await updateSettings(engine.db, { companyIds: ['8089'] });
    const order: string[] = [];
    const other = poll(engine, clientFor, { discovery: false, companyId: '9999' }).then((result) => {
      order.push('other');
      return result;
    });
    const person = poll(engine, clientFor, { discovery: true, companyId: '8089' }, 'user').then((result) => {
      order.push('person');
      return result;
    });
    const [otherResult, personResult] = await Promise.all([other, person]);
    expect(order).toEqual(['other', 'person']);
    expect(otherResult).not.toBe(personResult);
  });

  it("a person's poll asked while the same one waits its turn is that one: one more cycle, not two", async () => {
    const { engine, clientFor, asked, origin } = await watchingOneRecord();
    const person = () => poll(engine, clientFor, { discovery: true, forceCompanies: true, backlog: true }, 'user');

    // The next contract read is slow: the first person's cycle is running while the others ask.
    await simControl(origin, 'POST', '/faults', { pathPattern: `${CONTRACT_PAYMENTS}$`, delayMs: 1_500, times: 1 });
    const readsBefore = asked.filter((path) => path.startsWith(CONTRACT_PAYMENTS)).length;
    // Each cycle of every company reads the company list once.
    const cycles = () => asked.filter((path) => path.startsWith('/rest/v1.0/companies?')).length;
    const cyclesBefore = cycles();
    const running = person();
    await eventually(async () => asked.filter((path) => path.startsWith(CONTRACT_PAYMENTS)).length > readsBefore, 10_000, 20);
    const waiting = person();
    const same = person();
    const [runningResult, waitingResult, sameResult] = await Promise.all([running, waiting, same]);
    expect(sameResult).toBe(waitingResult);
    expect(waitingResult).not.toBe(runningResult);
    expect(cycles()).toBe(cyclesBefore + 2);
    expect((await readStatus(engine.db)).lastError).toBeNull();
  }, 30_000);
});
