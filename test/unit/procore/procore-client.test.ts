import { describe, expect, it } from 'vitest';
import { sessionAuth } from '../../../utils/procore/auth';
import { nextLink } from '../../../utils/procore/link-header';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { simControl, startTestSim } from '../../sim/testing';
import { sessionFetch } from './sim-session';

const company = (id: number, name: unknown = `Co ${id}`) => ({ id, name, is_active: true });

describe('Procore client', () => {
  it('follows Link rel="next" to the last page and keeps every good record when one is bad', async () => {
    const pages: Record<string, { body: unknown[]; link?: string }> = {
      '1': { body: [company(1), company(2)], link: '<https://p.test/rest/v1.0/companies?page=2&per_page=2>; rel="next", <https://p.test/rest/v1.0/companies?page=3&per_page=2>; rel="last"' },
      '2': { body: [company(3, 42), company(4)], link: '<https://p.test/rest/v1.0/companies?page=3&per_page=2>; rel="next"' },
      '3': { body: [company(5)] },
    };
    const asked: string[] = [];
    const http = new ProcoreHttp({
      origin: 'https://p.test',
      auth: sessionAuth,
      governor: new RateGovernor(),
      fetch: async (input) => {
        const url = new URL(String(input));
        asked.push(url.search);
        const page = pages[url.searchParams.get('page') ?? '1']!;
        return new Response(JSON.stringify(page.body), { status: 200, headers: page.link ? { Link: page.link } : {} });
      },
    });
    const client = new ProcoreClient(http);
    const companies = await client.companies();
    expect(companies.map((c) => c.id)).toEqual(['1', '2', '4', '5']);
    expect(asked[0]).toBe('?per_page=500&page=1');
    expect(client.takeProblems()).toEqual([{ source: 'companies', record: '3', issues: 'name: Invalid input: expected string, received number' }]);
    expect(nextLink(null)).toBeNull();
  });

  it('reads the sim: disbursements with payouts as strings-for-ids, request details in batches, and reports dropped fields', async () => {
    const sim = await startTestSim();
    try {
      const http = new ProcoreHttp({ origin: sim.origin, auth: sessionAuth, governor: new RateGovernor(), fetch: await sessionFetch(sim.origin) });
      const client = new ProcoreClient(http);
      const [me, companies] = await Promise.all([client.me(), client.companies()]);
      expect(me.login).toBe('ap@builder.com');
      expect(companies.map((c) => c.id)).toEqual(['8089']);
      const disbursements = await client.disbursements('8089');
      expect(disbursements.length).toBeGreaterThan(0);
      const payoutIds = disbursements.flatMap((d) => d.payouts.map((p) => p.id));
      const details = await client.requestDetailsFor('8089', payoutIds);
      expect(details.every((d) => payoutIds.includes(d.item_id))).toBe(true);
      await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/disbursements$', dropField: 'payouts.metadata.beneficiaryName', times: 1 });
      expect(await client.disbursements('8089')).toEqual(disbursements.filter((d) => d.payouts.length === 0));
      const problems = client.takeProblems();
      expect(problems.length).toBe(disbursements.filter((d) => d.payouts.length > 0).length);
      expect(problems[0]?.issues).toMatch(/beneficiaryName/);
    } finally {
      await sim.close();
    }
  });

  it('gives up a hung answer with words after the timeout, without retrying it', async () => {
    const sim = await startTestSim();
    try {
      await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/me$', delayMs: 3_000, times: 1 });
      const fetchFn = await sessionFetch(sim.origin);
      const http = new ProcoreHttp({ origin: sim.origin, auth: sessionAuth, governor: new RateGovernor(), fetch: fetchFn, timeoutMs: 300 });
      const started = Date.now();
      await expect(new ProcoreClient(http).me()).rejects.toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not answer in time/) });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await new ProcoreClient(http).me()).toMatchObject({ login: 'ap@builder.com' });
    } finally {
      await sim.close();
    }
  });

  it('turns 401 into "signed out" and error bodies into words', async () => {
    const sim = await startTestSim();
    try {
      const client = new ProcoreClient(new ProcoreHttp({ origin: sim.origin, auth: sessionAuth, governor: new RateGovernor() }));
      await expect(client.me()).rejects.toMatchObject({ kind: 'signed_out', status: 401 });
      const signedIn = new ProcoreClient(new ProcoreHttp({ origin: sim.origin, auth: sessionAuth, governor: new RateGovernor(), fetch: await sessionFetch(sim.origin) }));
      await expect(signedIn.setNextCheckNumber('8089', 'nope', 5)).rejects.toMatchObject({ kind: 'not_found' });
    } finally {
      await sim.close();
    }
  });
});
