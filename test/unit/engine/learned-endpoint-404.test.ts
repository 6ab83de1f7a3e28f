import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_404, confirmObservation, learnedEndpoints, replayLearned } from '../../../utils/engine/learn/learned-endpoints';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { sessionAuth } from '../../../utils/procore/auth';
import { testEngine } from './engine-fixture';

const NOW = Date.parse('2026-11-15T18:00:00Z');
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', Date: new Date(NOW).toUTCString() } });

/** Company 1 lists its disbursements at the learned path; company 2 (another zone) answers 404 there; company 1 too once `moved`. */
function fakeProcore(state: { moved: boolean }): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    if (url.pathname === '/internal/companies/1/disbursements' && !state.moved) return json({ data: [{ id: 'd-1', disbursementIdentifier: 1, status: 'FUNDING_COMPLETED' }] });
    return json({ errors: 'not found' }, 404);
  };
}

describe('a learned endpoint and 404s', () => {
  it("is kept through any number of 404s from a company it never answered for, and forgotten after repeated 404s from one it did", async () => {
    const engine = await testEngine(() => NOW);
    const state = { moved: false };
    const client = new ProcoreClient(new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: fakeProcore(state) }));
    const observation = { companyId: '1', method: 'GET', path: '/internal/companies/1/disbursements', query: '', kind: 'disbursement_list' as const, template: '/internal/companies/{company}/disbursements', at: ['data'] };
    expect(await confirmObservation(engine, client, observation)).toHaveLength(1);

    for (let i = 0; i < FORGET_AFTER_404 + 2; i++) {
      const list = (await learnedEndpoints(engine)).disbursement_list!;
      await expect(replayLearned(engine, client, list, '2')).rejects.toThrow();
    }
    expect((await learnedEndpoints(engine)).disbursement_list?.template).toBe(observation.template);

    state.moved = true;
    for (let i = 0; i < FORGET_AFTER_404; i++) {
      const list = (await learnedEndpoints(engine)).disbursement_list!;
      await expect(replayLearned(engine, client, list, '1')).rejects.toThrow();
    }
    expect((await learnedEndpoints(engine)).disbursement_list).toBeUndefined();
  });
});
