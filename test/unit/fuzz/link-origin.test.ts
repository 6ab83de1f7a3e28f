import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompanySchema } from '../../../utils/domain/schemas/who';
import type { Auth } from '../../../utils/procore/auth';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';

/*
 * "No data leaves the browser except to the configured Procore origin" (SECURITY.md, T4): the
 * paging client follows `Link: rel="next"`, so whatever that header names must stay on the
 * origin the client was built for. A bearer token sent to another host is a leaked token.
 */
const ORIGIN = 'https://api.procore.com';
const bearer: Auth = { mode: 'oauth', headers: async () => ({ Authorization: 'Bearer secret-token' }), refresh: async () => false };

function clientWithPages(nextLink: string) {
  const requested: { url: string; headers: Record<string, string> }[] = [];
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requested.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    const first = requested.length === 1;
    return new Response(JSON.stringify([{ id: requested.length, name: `Co ${requested.length}`, is_active: true }]), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...(first ? { Link: `<${nextLink}>; rel="next"` } : {}) },
    });
  }) as typeof fetch;
  const http = new ProcoreHttp({ origin: ORIGIN, auth: bearer, governor: new RateGovernor({ sleep: async () => undefined }), fetch: fakeFetch, sleep: async () => undefined });
  return { client: new ProcoreClient(http), requested };
}

describe('paging never leaves the configured origin', () => {
  it('follows a same-origin next link', async () => {
    const { client, requested } = clientWithPages(`${ORIGIN}/rest/v1.0/companies?page=2&per_page=500`);
    const companies = await client.list(CompanySchema, '/rest/v1.0/companies', 'companies');
    expect(companies.map((c) => c.id)).toEqual(['1', '2']);
    expect(requested.map((r) => new URL(r.url).origin)).toEqual([ORIGIN, ORIGIN]);
  });

  it('never sends a request (or the token) to an origin a Link header names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ validSchemes: ['https', 'http'] }), async (foreign) => {
        fc.pre(new URL(foreign).origin !== ORIGIN);
        const { client, requested } = clientWithPages(foreign);
        await client.list(CompanySchema, '/rest/v1.0/companies', 'companies').catch(() => undefined);
        for (const request of requested) expect(new URL(request.url).origin).toBe(ORIGIN);
      }),
      { numRuns: 50 },
    );
  });
});
