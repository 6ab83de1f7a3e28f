import { afterEach, describe, expect, it } from 'vitest';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage } from '../../../utils/engine/message-router';
import { listAudit } from '../../../utils/store/audit-log';
import type { Sim } from '../../sim/server';
import { simControl, startTestSim } from '../../sim/testing';
import { fakeRuntimeIdentity, OUR_ID, trust } from './engine-fixture';
import { engineOnSim } from './sim-engine';

const page = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/options.html` };

describe('check-number messages against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('recommends a Next Check Number from the ERP last number, sets it, and audits the change', async () => {
    sim = await startTestSim();
    fakeRuntimeIdentity();
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    const handlers = messageHandlers(engine, clientFor);
    const send = (name: string, payload: unknown) => routeMessage(handlers, { name, payload }, page, trust);
    const account = (await (await clientFor(engine)).fundingAccounts('8089'))[0]!;

    expect(await send('checkNumbers.recommend', { companyId: '8089', fundingAccountId: account.id })).toEqual({
      ok: true,
      value: {
        erpLastCheckNumber: 1187,
        currentNextCheckNumber: account.nextCheckNumber,
        nextCheckNumber: account.nextCheckNumber,
        headroom: account.nextCheckNumber - 1187,
        changeNeeded: false,
        noRoomInField: false,
        // QuickBooks Online's Ref No. takes 21 characters.
        fieldDigits: 21,
        erpName: 'QuickBooks Online',
        erpBankIds: ['OPER'],
      },
    });
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: account.nextCheckNumber + 5 });
    const advice = await send('checkNumbers.recommend', { companyId: '8089', fundingAccountId: account.id });
    // The ERP in the five-digit range: the guidance's room above it, rounded up, not a million.
    expect(advice).toMatchObject({ ok: true, value: { changeNeeded: true, nextCheckNumber: 20_000 } });

    expect(await send('fundingAccount.setNextCheckNumber', { companyId: '8089', fundingAccountId: account.id, nextCheckNumber: 20_000 })).toEqual({ ok: true, value: { nextCheckNumber: 20_000 } });
    expect((await listAudit(engine.db)).at(-1)).toMatchObject({ actor: 'user', action: 'next_check_number_set', companyId: '8089' });
    const refused = await send('fundingAccount.setNextCheckNumber', { companyId: '8089', fundingAccountId: 'fa_nope', nextCheckNumber: 5 });
    expect(refused.ok).toBe(false);
  });
});
