import { describe, expect, it } from 'vitest';
import { runPollCycle } from '../../../utils/engine/poll/poll-cycle';
import { preflightCheck } from '../../../utils/engine/fix/preflight';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { sessionAuth } from '../../../utils/procore/auth';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

const NOW = Date.parse('2026-11-15T18:00:00Z');
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', Date: new Date(NOW).toUTCString() } });

/** Two companies, neither of whose contract payments has the record yet: both are still in flight. */
const procore: typeof fetch = async (input) => {
  const url = new URL(String(input));
  if (url.pathname === '/rest/v1.0/companies') return json([{ id: 1, name: 'Paper Checks Co', is_active: true }, { id: 2, name: 'Exporting Co', is_active: true }]);
  if (url.pathname.endsWith('/uoms/configuration')) return json({ data: { erp_integration_name: 'Sage Intacct' } });
  return json([]);
};

// No public read says whether a company's payment export is on (PROCORE-CONTRACT.md): only the user can say it is off.
describe('a company the user says does not export payments', () => {
  it('has its records not yet in the ERP marked "will not export", and pre-flight says so, while the other company counts down', async () => {
    const engine = await testEngine(() => NOW);
    await updateSettings(engine.db, { paymentExportOff: ['1'] });
    const base = { state: 'syncing' as const, fundingCompletedAt: NOW - 120_000, deadline: NOW + 480_000, contractPaymentId: null };
    await putWatches(engine.db, [
      sampleWatch({ ...base, payoutId: 'po-off', companyId: '1', projectId: '10', contractId: '11' }, NOW),
      sampleWatch({ ...base, payoutId: 'po-on', companyId: '2', projectId: '20', contractId: '21' }, NOW),
    ]);
    const client = new ProcoreClient(new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: procore }));
    await runPollCycle(engine, client, { discovery: true, forceCompanies: true });

    const off = await getWatch(engine.db, 'po-off');
    expect(off?.state).toBe('not_exportable');
    expect(off?.notExportableReason).toMatch(/^Payment export is off for this company \(as set in ERP Sync Watch's options\)/);
    expect((await getWatch(engine.db, 'po-on'))?.state).toBe('syncing');
    const issues = await preflightCheck(engine, client, '1', [{ invoiceId: '5', projectId: '10' }]);
    expect(issues.map((i) => i.kind)).toEqual(['sync_disabled']);
    expect(await preflightCheck(engine, client, '2', [])).toEqual([]);
  });
});
