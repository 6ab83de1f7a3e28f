import { describe, expect, it } from 'vitest';
import { readCapabilities } from '../../../utils/engine/learn/capability-log';
import { runPollCycle } from '../../../utils/engine/poll/poll-cycle';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import { putWatches, getWatch } from '../../../utils/store/watch-store';
import { sessionAuth } from '../../../utils/procore/auth';
import { sampleWatch, testEngine } from './engine-fixture';

const NOW = Date.parse('2026-11-15T18:00:00Z');
const json = (body: unknown, status = 200) => raw(JSON.stringify(body), status);
const raw = (text: string, status = 200) => new Response(text, { status, headers: { 'Content-Type': 'application/json', Date: new Date(NOW).toUTCString() } });

/** A Procore where company 1 answers 403 to its contract payments and company 2 works. */
function fakeProcore(asked: string[]): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    asked.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/rest/v1.0/companies') return json([{ id: 1, name: 'Gated Co', is_active: true }, { id: 2, name: 'Open Co', is_active: true }]);
    if (url.pathname.endsWith('/uoms/configuration')) return json({ data: { erp_integration_name: 'QuickBooks Online' } });
    if (url.pathname === '/rest/v1.0/contract_payments') {
      if (url.searchParams.get('project_id') === '10') return json({ errors: 'You do not have access' }, 403);
      // The id as a bare JSON number beyond 2^53, as Procore writes it.
      return raw('[{"id": 9223372036854775807, "external_payment_id": "po-open", "requisition_id": 20, "amount": "100.00", "origin_id": "QB-1", "created_at": "2026-11-15T17:55:00Z", "updated_at": "2026-11-15T17:58:00Z"}]');
    }
    return json({ errors: 'not found' }, 404);
  };
}

describe('a company that answers 403 beside a working one', () => {
  it('is marked for that capability and skipped; the other company is read and its record synced', async () => {
    const engine = await testEngine(() => NOW);
    const base = { state: 'syncing' as const, fundingCompletedAt: NOW - 120_000, deadline: NOW + 480_000, amountCents: 10_000, contractPaymentId: null };
    await putWatches(engine.db, [
      sampleWatch({ ...base, payoutId: 'po-gated', companyId: '1', projectId: '10', contractId: '11', invoiceId: '12' }, NOW),
      sampleWatch({ ...base, payoutId: 'po-open', companyId: '2', projectId: '20', contractId: '21', invoiceId: '20' }, NOW),
    ]);
    const asked: string[] = [];
    const client = new ProcoreClient(new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: fakeProcore(asked) }));
    const result = await runPollCycle(engine, client, { discovery: true, forceCompanies: true });

    expect(result.companies).toBe(2);
    expect(result.errors).toEqual([]);
    const open = await getWatch(engine.db, 'po-open');
    expect(open?.state).toBe('synced');
    expect(open?.contractPaymentId).toBe('9223372036854775807');
    expect((await getWatch(engine.db, 'po-gated'))?.state).toBe('syncing');
    const capabilities = await readCapabilities(engine);
    expect(capabilities.link_contract_payments.unavailableIn).toEqual(['1']);
    expect(capabilities.link_contract_payments.source).toBe('public_api');
    // Each company asked once for its contract's payments: the 403 was not retried or spread.
    expect(asked.filter((p) => p.startsWith('/rest/v1.0/contract_payments'))).toHaveLength(2);
  });
});
