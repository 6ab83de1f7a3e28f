import { afterEach, describe, expect, it } from 'vitest';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { getWatch } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { internalEndpointsOf, simControl, startTestSim } from '../../sim/testing';
import { createDisbursement, engineOnSim, eventually, payoutIds, sleep } from './sim-engine';

const WINDOW = 3_000;

// A failure's diagnosis is made once, when its export read changes: a diagnosis made without the
// funding account (its read cut short) would keep the record without a suggested check number
// for good, and the page without its Fill in & Export.
describe('a failure diagnosed while the funding accounts could not be read', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("a background cycle cut by a person's poll during the funding-account read stores no diagnosis without them; the person's poll gives the suggestion", async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, clock, asked } = await engineOnSim(sim.origin, WINDOW);
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 60001 });
    const d = await createDisbursement(sim.origin, { firstCheckNumber: 60001, payouts: [{ beneficiaryName: 'Cut Short Drywall', delayFraction: 0.05 }] });
    const [payoutId] = payoutIds(d) as [string];
    await poll(engine, clientFor, { discovery: true });
    // The ERP refuses the duplicate at once; the engine reads it once the window is over.
    await sleep(WINDOW * 0.2);
    clock.advance(WINDOW + 1_000);

    // The background's next funding-account read hangs: a person's poll takes over meanwhile.
    const variant = await internalEndpointsOf(sim.origin);
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: `/${variant.fundingAccounts}$`, delayMs: 60_000, times: 1 });
    const accountReads = () => asked.filter((path) => path.split('?')[0]!.endsWith(`/${variant.fundingAccounts}`)).length;
    const readsBefore = accountReads();
    const background = poll(engine, clientFor, { discovery: false, companyId: '8089' });
    await eventually(async () => accountReads() > readsBefore, 10_000, 20);
    const person = poll(engine, clientFor, { discovery: false, companyId: '8089' }, 'user');
    await Promise.all([background, person]);

    const watch = await getWatch(engine.db, payoutId);
    expect(watch?.state).toBe('failed');
    expect(watch?.diagnosis?.cause).toBe('DUPLICATE_CHECK_NUMBER');
    expect(watch?.diagnosis?.suggested?.checkNumber).toBeGreaterThan(60001);
  }, 30_000);

  it('a funding-account read that failed leaves the diagnosis marked and worded; the next poll makes it again with the suggestion, and then reads the accounts no more', async () => {
    sim = await startTestSim({ windowMs: WINDOW });
    const { engine, clientFor, clock, asked } = await engineOnSim(sim.origin, WINDOW);
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 61001 });
    const d = await createDisbursement(sim.origin, { firstCheckNumber: 61001, payouts: [{ beneficiaryName: 'Read Later Drywall', delayFraction: 0.05 }] });
    const [payoutId] = payoutIds(d) as [string];
    await poll(engine, clientFor, { discovery: true });
    await sleep(WINDOW * 0.2);
    clock.advance(WINDOW + 1_000);

    const variant = await internalEndpointsOf(sim.origin);
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: `/${variant.fundingAccounts}$`, status: 403, times: 1 });
    await poll(engine, clientFor, { discovery: false, companyId: '8089' }, 'user');
    const without = await getWatch(engine.db, payoutId);
    expect(without?.state).toBe('failed');
    expect(without?.diagnosis).toMatchObject({ cause: 'DUPLICATE_CHECK_NUMBER', withoutFundingAccount: true });
    expect(without?.diagnosis?.suggested).toBeUndefined();
    expect(without?.diagnosis?.fix).toContain("once it has read this funding account's Next Check Number");

    await poll(engine, clientFor, { discovery: false, companyId: '8089' }, 'user');
    const made = await getWatch(engine.db, payoutId);
    expect(made?.diagnosis?.withoutFundingAccount).toBeUndefined();
    expect(made?.diagnosis?.suggested?.checkNumber).toBeGreaterThan(61001);
    expect(made?.diagnosis?.fix).not.toContain('once it has read');

    const accountReads = () => asked.filter((path) => path.split('?')[0]!.endsWith(`/${variant.fundingAccounts}`)).length;
    const readsBefore = accountReads();
    await poll(engine, clientFor, { discovery: false, companyId: '8089' }, 'user');
    expect(accountReads()).toBe(readsBefore);
  }, 30_000);
});
