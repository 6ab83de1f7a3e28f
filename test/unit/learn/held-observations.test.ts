import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnedEndpoints } from '../../../utils/engine/learn/learned-endpoints';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { procoreClient } from '../../../utils/engine/poll/procore-connection';
import { findRecords } from '../../../utils/domain/learn/record-shapes';
import { learnedQuery, pathTemplate } from '../../../utils/domain/learn/path-template';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import type { Sim } from '../../sim/server';
import { internalEndpointsOf, startTestSim } from '../../sim/testing';
import { sessionFetch } from '../procore/sim-session';
import { eventually } from '../engine/sim-engine';
import { testEngine } from '../engine/engine-fixture';

// Issue 17 point 2 on contract v2: the user signed in to Procore and opened its Payments pages
// before setting the extension up. What that tab showed must teach the extension once the
// connection is saved, without the user reloading the page.

describe('a Procore tab open before the connection is saved', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startTestSim({ scenario: 'basic' });
  });
  afterAll(async () => sim?.close());

  it('is learned from once the connection reaches it, not before', async () => {
    const engine = await testEngine();
    const fetchFn = await sessionFetch(sim.origin);
    const asked: string[] = [];
    const governor = new RateGovernor({ spikeMax: 45 });
    const clientFor: ClientFactory = async (e) =>
      procoreClient(e, await e.settings(), governor, (input, init) => (asked.push(String(input)), fetchFn(input, init)));
    const handlers = messageHandlers(engine, clientFor);

    // The page's own GET of the disbursement list, as the content script reports it.
    const variant = await internalEndpointsOf(sim.origin);
    const path = `${variant.prefix.replace('{company}', '8089')}/${variant.disbursements}`;
    const found = findRecords(await (await fetchFn(`${sim.origin}${path}?${variant.listQuery}`)).json())!;
    const observation = { companyId: '8089', method: 'GET' as const, path, query: learnedQuery(variant.listQuery), kind: found.kind, template: pathTemplate(path, '8089'), at: found.at };

    const accountsPath = `${variant.prefix.replace('{company}', '8089')}/${variant.fundingAccounts}`;
    const accounts = findRecords(await (await fetchFn(`${sim.origin}${accountsPath}?${variant.listQuery}`)).json())!;
    const accountsObservation = { ...observation, path: accountsPath, kind: accounts.kind, template: pathTemplate(accountsPath, '8089'), at: accounts.at };
    // The page reports its list and its funding accounts at the same moment.
    expect(
      await Promise.all([
        handlers['learn.observed'](observation, 'content_script', sim.origin),
        handlers['learn.observed'](accountsObservation, 'content_script', sim.origin),
      ]),
    ).toEqual([{ learned: false }, { learned: false }]);
    // Not replayed against a Procore the extension is not set up for.
    expect(asked).toEqual([]);
    expect(await learnedEndpoints(engine)).toEqual({});

    await handlers['settings.update']({ patch: { environment: 'custom', apiOrigin: sim.origin, authMode: 'session' } }, 'extension_page', null);
    const learned = await eventually(async () => (await learnedEndpoints(engine)).disbursement_list);
    expect(learned.template).toBe(observation.template);
    expect((await learnedEndpoints(engine)).funding_accounts?.template).toBe(accountsObservation.template);
  });
});
