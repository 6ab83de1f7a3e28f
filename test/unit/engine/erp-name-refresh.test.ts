import { describe, expect, it } from 'vitest';
import { COMPANY_REFRESH_MS, ERP_NAME_REFRESH_MS, refreshCompanies } from '../../../utils/engine/poll/company-directory';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { sessionAuth } from '../../../utils/procore/auth';
import { writeMeta } from '../../../utils/store/meta-store';
import { testClock, testEngine } from './engine-fixture';

/** A Procore of two companies whose ERP names the test may change; it records what was asked. */
function fakeProcore(asked: string[], erpNames: Record<string, string>): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/rest/v1.0/companies') return json([{ id: 1, name: 'One', is_active: true }, { id: 2, name: 'Two', is_active: true }]);
    const company = /companies\/(\d+)\/uoms\/configuration$/.exec(url.pathname)?.[1];
    if (company) return json({ data: { erp_integration_name: erpNames[company] } });
    return new Response('{}', { status: 404 });
  };
}

describe("a company's ERP name", () => {
  it('is read at the first refresh, kept by the ten-minute refreshes of the hour, read again after the hour or when the user asks', async () => {
    const clock = testClock();
    const engine = await testEngine(clock.now);
    const asked: string[] = [];
    const names: Record<string, string> = { '1': 'QuickBooks Online', '2': 'Sage Intacct' };
    const client = new ProcoreClient(new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: fakeProcore(asked, names) }));
    const settings = await engine.settings();
    const erpReads = () => asked.filter((p) => p.endsWith('/uoms/configuration')).length;

    const first = await refreshCompanies(engine, client, settings, false);
    expect(first.map((c) => c.erp.connector)).toEqual(['quickbooks_online', 'sage_intacct']);
    expect(erpReads()).toBe(2);

    // Company 1 moved to another ERP: not seen within the hour...
    names['1'] = 'Acumatica';
    clock.advance(COMPANY_REFRESH_MS);
    const within = await refreshCompanies(engine, client, settings, false);
    expect(erpReads()).toBe(2);
    expect(within[0]!.erp.connector).toBe('quickbooks_online');
    expect(asked.filter((p) => p === '/rest/v1.0/companies')).toHaveLength(2);

    // ...at once when the user asks for a check...
    const onAsk = await refreshCompanies(engine, client, settings, true);
    expect(erpReads()).toBe(4);
    expect(onAsk[0]!.erp.connector).toBe('acumatica');

    // ...and an hour after the last read otherwise.
    names['2'] = 'CMiC';
    clock.advance(ERP_NAME_REFRESH_MS - 1_000);
    await refreshCompanies(engine, client, settings, false);
    expect(erpReads()).toBe(4);
    clock.advance(1_000);
    const afterHour = await refreshCompanies(engine, client, settings, false);
    expect(erpReads()).toBe(6);
    expect(afterHour[1]!.erp.connector).toBe('cmic');
  });

  it("named by the ERP Integrations page's own title: not asked of Procore at all", async () => {
    const engine = await testEngine();
    const asked: string[] = [];
    const client = new ProcoreClient(new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: fakeProcore(asked, { '1': 'QuickBooks Online', '2': 'Yardi' }) }));
    await writeMeta(engine.db, 'erpPageTitle:1', 'Sage 300 CRE');
    const companies = await refreshCompanies(engine, client, await engine.settings(), true);
    expect(companies.map((c) => c.erp.connector)).toEqual(['sage_300_cre', 'yardi']);
    expect(asked.filter((p) => p.endsWith('/uoms/configuration'))).toEqual(['/rest/v2.0/companies/2/uoms/configuration']);
  });
});
