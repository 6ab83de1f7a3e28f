import { afterEach, describe, expect, it } from 'vitest';
import { learnedFundingAccounts } from '../../../utils/engine/learn/learned-funding-accounts';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage } from '../../../utils/engine/message-router';
import { listAudit } from '../../../utils/store/audit-log';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import { fakeRuntimeIdentity, OUR_ID, trust } from './engine-fixture';
import { saveNextCheckNumber } from './procore-page-press';
import { engineOnSim } from './sim-engine';

const page = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/options.html` };

describe('check-number messages against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('recommends a Next Check Number from the ERP last number, and verifies by reading what the user saved in Procore', async () => {
    sim = await startTestSim();
    fakeRuntimeIdentity();
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    const handlers = messageHandlers(engine, clientFor);
    const send = (name: string, payload: unknown) => routeMessage(handlers, { name, payload }, page, trust);
    const account = (await learnedFundingAccounts(engine, await clientFor(engine), '8089'))![0]!;
    const current = account.nextCheckNumber!;
    // The ERP's numbers are the synced records' (no public read of the ERP's last check number).
    await poll(engine, clientFor, { discovery: true, backlog: true, forceCompanies: true });

    const onOper = (await listWatches(engine.db, { companyId: '8089' })).filter((w) => w.state === 'synced' && w.bankId === 'OPER').map((w) => w.checkNumber!);
    expect(onOper.length).toBeGreaterThan(0);
    const advice = await send('checkNumbers.recommend', { companyId: '8089', fundingAccountId: account.id });
    expect(advice).toMatchObject({
      ok: true,
      value: {
        erpLastCheckNumber: Math.max(...onOper),
        currentNextCheckNumber: current,
        // QuickBooks Online's Ref No. takes 21 characters.
        fieldDigits: 21,
        erpName: 'QuickBooks Online',
        erpBankIds: ['OPER'],
      },
    });
    const { nextCheckNumber: advised } = (advice as { value: { nextCheckNumber: number } }).value;
    expect(advised).toBeGreaterThan(Math.max(...onOper));

    // Not saved yet: Procore still holds the old number, and the extension says so.
    expect(await send('fundingAccount.verify', { companyId: '8089', fundingAccountId: account.id, expected: advised })).toEqual({ ok: true, value: { matches: false, nextCheckNumber: current } });
    await saveNextCheckNumber(sim.origin, account.id, advised);
    expect(await send('fundingAccount.verify', { companyId: '8089', fundingAccountId: account.id, expected: advised })).toEqual({ ok: true, value: { matches: true, nextCheckNumber: advised } });
    // The engine keeps working meanwhile (deadlines of other records): look for the entry, not the last line.
    expect((await listAudit(engine.db)).filter((a) => a.action === 'next_check_number_set')).toEqual([expect.objectContaining({ actor: 'user', companyId: '8089' })]);
    expect(await send('fundingAccount.verify', { companyId: '8089', fundingAccountId: 'fa_nope', expected: 5 })).toMatchObject({ ok: false, error: expect.stringContaining('no funding account fa_nope') });
  });

  it('has no message that writes the Next Check Number through the API', async () => {
    fakeRuntimeIdentity();
    const handlers = messageHandlers({} as never, async () => ({}) as never);
    const refused = await routeMessage(handlers, { name: 'fundingAccount.setNextCheckNumber', payload: { companyId: '8089', fundingAccountId: 'fa', nextCheckNumber: 5 } }, page, trust);
    expect(refused).toEqual({ ok: false, error: 'Unknown message "fundingAccount.setNextCheckNumber".' });
  });
});
