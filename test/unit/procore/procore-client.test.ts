import { describe, expect, it } from 'vitest';
import { findRecords, type LearnedKind } from '../../../utils/domain/learn/record-shapes';
import type { ContractPayment } from '../../../utils/domain/schemas/contract-payment';
import { DisbursementSchema, payoutsOf, type Payout } from '../../../utils/domain/schemas/disbursement';
import { isFundingComplete } from '../../../utils/domain/funding-complete';
import { sessionAuth } from '../../../utils/procore/auth';
import { nextLink } from '../../../utils/procore/link-header';
import { ProcoreClient } from '../../../utils/procore/procore-client';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import type { Sim } from '../../sim/server';
import { FIRST_ID_BEYOND_2_53 } from '../../sim/scenarios/gated-company';
import { internalEndpointsOf, simControl, startTestSim } from '../../sim/testing';
import { sessionFetch } from './sim-session';

const company = (id: number, name: unknown = `Co ${id}`) => ({ id, name, is_active: true });

async function signedInClient(origin: string): Promise<ProcoreClient> {
  return new ProcoreClient(new ProcoreHttp({ origin, auth: sessionAuth, governor: new RateGovernor(), fetch: await sessionFetch(origin) }));
}

/** What the engine does once it has learned the Payments page's GETs: replay one, find its records. */
async function learnedRecords(client: ProcoreClient, companyId: string, path: string, kind: LearnedKind) {
  const found = findRecords(await client.learnedGet(companyId, path));
  expect(found?.kind).toBe(kind);
  return found!.records.map((record) => DisbursementSchema.parse(record));
}

/** A funded disbursement's payouts, read as the engine reads them: the sandbox's list, then its detail. */
async function fundedPayouts(client: ProcoreClient, origin: string, companyId: string): Promise<Payout[]> {
  const variant = await internalEndpointsOf(origin);
  const list = `${variant.prefix.replace('{company}', companyId)}/${variant.disbursements}`;
  const disbursements = await learnedRecords(client, companyId, variant.listQuery ? `${list}?${variant.listQuery}` : list, 'disbursement_list');
  // The list shows disbursements without their payouts: unknown (absent), never an invalid record.
  expect(disbursements.map((d) => d.payouts ?? null)).toEqual(disbursements.map(() => null));
  const funded = disbursements.find((d) => isFundingComplete(d.status));
  expect(funded).toBeDefined();
  const [detail] = await learnedRecords(client, companyId, `${list}/${funded!.id}`, 'disbursement_detail');
  return payoutsOf(detail!);
}

interface FundedContract {
  sim: Sim;
  client: ProcoreClient;
  payout: Payout;
  projectId: string;
  contractId: string;
  payments: ContractPayment[];
}

/** A fresh sandbox, signed in, with the first funded payout of the company and its contract's payments. */
async function withFundedContract(companyId: string, test: (funded: FundedContract) => Promise<void>): Promise<void> {
  const sim = await startTestSim();
  try {
    const client = await signedInClient(sim.origin);
    const [payout] = await fundedPayouts(client, sim.origin, companyId);
    const { projectId, contractId } = payout!.metadata;
    const payments = await client.contractPayments(companyId, projectId!, contractId!);
    expect(payments.length).toBeGreaterThan(0);
    await test({ sim, client, payout: payout!, projectId: projectId!, contractId: contractId!, payments });
  } finally {
    await sim.close();
  }
}

describe('Procore client', () => {
  it('follows Link rel="next" onto the origin in use, keeps every record with an identity, and never leaves Procore', async () => {
    const pages: Record<string, { body: unknown[]; link?: string }> = {
      '1': { body: [company(1), company(2)], link: '<https://api.procore.com/rest/v1.0/companies?page=2&per_page=2>; rel="next", <https://api.procore.com/rest/v1.0/companies?page=3&per_page=2>; rel="last"' },
      '2': { body: [company(3, 42), { name: 'No id Co', is_active: true }, company(4)], link: '<https://p.test/rest/v1.0/companies?page=3&per_page=2>; rel="next"' },
      '3': { body: [company(5)], link: '<https://elsewhere.test/rest/v1.0/companies?page=4&per_page=2>; rel="next"' },
    };
    const asked: string[] = [];
    const http = new ProcoreHttp({
      origin: 'https://p.test',
      auth: sessionAuth,
      governor: new RateGovernor(),
      fetch: async (input) => {
        const url = new URL(String(input));
        asked.push(`${url.origin}${url.search}`);
        const page = pages[url.searchParams.get('page') ?? '1']!;
        return new Response(JSON.stringify(page.body), { status: 200, headers: page.link ? { Link: page.link } : {} });
      },
    });
    const client = new ProcoreClient(http);
    const companies = await client.companies();
    expect(companies.map((c) => [c.id, c.name])).toEqual([
      ['1', 'Co 1'],
      ['2', 'Co 2'],
      ['3', null],
      ['4', 'Co 4'],
      ['5', 'Co 5'],
    ]);
    expect(asked).toEqual(['https://p.test?per_page=500&page=1', 'https://p.test?page=2&per_page=2', 'https://p.test?page=3&per_page=2']);
    expect(client.takeProblems()).toEqual([
      { source: 'companies', record: '#1', issues: expect.stringMatching(/^id: /) },
      { source: 'companies', record: '(paging)', issues: 'a paging link pointed off Procore and was not followed' },
    ]);
    expect(nextLink(null)).toBeNull();
  });

  it('reads the sim: a learned disbursement and its payout, the contract payment it links to, its export requests and its invoice (v1.1)', async () => {
    await withFundedContract('8089', async ({ client, payout, projectId, payments }) => {
      const [me, companies] = await Promise.all([client.me(), client.companies()]);
      expect(me.login).toBe('ap@builder.com');
      expect(companies.map((c) => [c.id, c.name])).toEqual([
        ['8089', 'Builder Co'],
        ['8091', 'Keystone Partners'],
      ]);
      const payment = payments.find((p) => p.external_payment_id === payout.id);
      expect(payment).toMatchObject({ requisition_id: payout.invoiceId, amount: payout.amount });
      expect(Number.isInteger(payment!.amount)).toBe(true);

      const details = await client.requestDetailsOf('8089', payment!.id);
      expect(details.map((d) => d.item_id)).toEqual(details.map(() => payment!.id));

      const invoices = await client.requisitions('8089', projectId, { ids: [payout.invoiceId!] });
      expect(invoices.map((i) => i.id)).toEqual([payout.invoiceId]);
      expect(client.takeProblems()).toEqual([]);
    });
  });

  it('keeps a record that lost a field (the fact is unknown) and drops, with words, one that lost its identity', async () => {
    await withFundedContract('8089', async ({ sim, client, projectId, contractId, payments }) => {
      expect(payments.some((p) => p.check_number !== null)).toBe(true);

      await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/contract_payments$', dropField: 'check_number', times: 1 });
      const withoutCheckNumbers = await client.contractPayments('8089', projectId, contractId);
      expect(withoutCheckNumbers.map((p) => [p.id, p.amount, p.check_number ?? null])).toEqual(payments.map((p) => [p.id, p.amount, null]));
      expect(client.takeProblems()).toEqual([]);

      await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/contract_payments$', dropField: 'id', times: 1 });
      expect(await client.contractPayments('8089', projectId, contractId)).toEqual([]);
      expect(client.takeProblems()).toEqual(
        payments.map((_p, index) => ({ source: `contract payments of contract ${contractId}`, record: `#${index}`, issues: expect.stringMatching(/^id: /) })),
      );
    });
  });

  it('keeps contract payment ids beyond 2^53 exact, and a partner-gated company answers its export requests with 403', async () => {
    await withFundedContract('8091', async ({ client, payments }) => {
      for (const payment of payments) expect(BigInt(payment.id) >= FIRST_ID_BEYOND_2_53).toBe(true);
      expect(payments.map((p) => p.id)).toContain(String(FIRST_ID_BEYOND_2_53));

      await expect(client.requestDetailsOf('8091', payments[0]!.id)).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
    });
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
      const signedIn = await signedInClient(sim.origin);
      await expect(signedIn.contractPayments('8089', '999999', '1')).rejects.toMatchObject({ kind: 'not_found', status: 404, message: expect.stringMatching(/Procore says: .*Project not found/) });
      await expect(signedIn.requisitions('8089', 'riverside')).rejects.toMatchObject({ kind: 'invalid', status: 422, message: expect.stringMatching(/Procore says: .*project_id.*integer id/) });
    } finally {
      await sim.close();
    }
  });
});
