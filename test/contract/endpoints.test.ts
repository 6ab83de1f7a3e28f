import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractTarget, expectContractShape } from './contract-target';
import {
  CompanySchema,
  ContractPaymentSchema,
  ExternalDataSchema,
  MeSchema,
  ProjectSchema,
  ProjectShowSchema,
  RequestDetailSchema,
  RequisitionSchema,
  UomsConfigurationSchema,
} from './contract-schemas';

// The public and documented endpoints of PROCORE-CONTRACT.md (v2), exactly as written there.

const target = contractTarget();
const GATED_COMPANY = 8091;

async function json(path: string, companyId: number | null = target.companyId): Promise<unknown> {
  const response = await target.api(path, { companyId });
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return response.json();
}

interface Funded {
  payouts: { id: string; invoiceId: string; amount: number; metadata: { projectId: number; contractId: number } }[];
  contractPaymentIds: string[];
}

/** A funded disbursement made for the test, with the contract payment id of each payout. */
const funded = (payouts: Record<string, unknown>[], extra: Record<string, unknown> = {}) => target.control<Funded>('POST', '/disbursements', { payouts, ...extra });

const contractPayments = async (projectId: number, contractId: number, companyId = target.companyId) =>
  expectContractShape(z.array(ContractPaymentSchema), await json(`/rest/v1.0/contract_payments?project_id=${projectId}&contract_id=${contractId}`, companyId));

const requestDetails = async (itemId: string) =>
  expectContractShape(z.array(RequestDetailSchema), await json(`/rest/v1.0/companies/${target.companyId}/erp_request_details?filters[item_id]=${itemId}&filters[item_type]=contract_payment`));

describe('who and where', () => {
  it('GET /rest/v1.0/me answers the signed-in user without a company header, ids as JSON numbers', async () => {
    expect(expectContractShape(MeSchema, await json('/rest/v1.0/me', null))).toEqual({ id: 1, login: 'ap@builder.com', name: 'Ana Park' });
  });

  it('GET /rest/v1.0/companies lists the companies of the user, the gated one included', async () => {
    const companies = expectContractShape(z.array(CompanySchema), await json('/rest/v1.0/companies', null));
    expect(companies.map((c) => c.id)).toEqual([target.companyId, GATED_COMPANY]);
  });

  it('projects of a company (company_id must be the header company), and project show with is_erp_integrated', async () => {
    const projects = expectContractShape(z.array(ProjectSchema), await json(`/rest/v1.0/projects?company_id=${target.companyId}`));
    expect(projects.length).toBeGreaterThan(0);
    const show = expectContractShape(ProjectShowSchema, await json(`/rest/v1.0/projects/${projects[0]!.id}`));
    expect(show).toMatchObject({ id: projects[0]!.id, is_erp_integrated: true });
    expect((await target.api('/rest/v1.0/projects')).status).toBe(422);
    expect((await target.api(`/rest/v1.0/projects?company_id=${GATED_COMPANY}`)).status).toBe(422);
    expect((await target.api(`/rest/v1.0/projects/${projects[0]!.id}`, { companyId: GATED_COMPANY })).status).toBe(404);
  });

  it('uoms/configuration names the ERP in data.erp_integration_name', async () => {
    const config = expectContractShape(UomsConfigurationSchema, await json(`/rest/v2.0/companies/${target.companyId}/uoms/configuration`));
    expect(config.data.erp_integration_name).toBe('QuickBooks Online');
  });
});

describe('contract payments', () => {
  it('one per payout at Funding Complete: integer id, the payout UUID, string dollars and check number', async () => {
    const d = await funded([{ beneficiaryName: 'Cedar Roofing', dueAmount: 123_456, delayFraction: 0 }]);
    const payout = d.payouts[0]!;
    const list = await contractPayments(payout.metadata.projectId, payout.metadata.contractId);
    const record = list.find((c) => c.external_payment_id === payout.id);
    expect(record).toMatchObject({ id: Number(d.contractPaymentIds[0]), requisition_id: Number(payout.invoiceId), amount: '1234.56' });
    expect(record?.check_number).toMatch(/^\d+$/);
    expect(record?.origin_id).toBeTruthy();
  });

  it('project_id and contract_id are both required; a contract of another project is 404', async () => {
    const d = await funded([{}]);
    const { projectId, contractId } = d.payouts[0]!.metadata;
    expect((await target.api(`/rest/v1.0/contract_payments?project_id=${projectId}`)).status).toBe(422);
    expect((await target.api(`/rest/v1.0/contract_payments?contract_id=${contractId}`)).status).toBe(422);
    expect((await target.api(`/rest/v1.0/contract_payments?project_id=${projectId}&contract_id=1`)).status).toBe(404);
    expect((await target.api(`/rest/v1.0/contract_payments?project_id=${projectId}&contract_id=${contractId}`, { companyId: null })).status).toBe(422);
  });

  it('origin_id is set once the ERP created the record, and not before', async () => {
    const d = await funded([{ delayFraction: 5 }, { vendorSynced: false, delayFraction: 0 }]);
    for (const payout of d.payouts) {
      const record = (await contractPayments(payout.metadata.projectId, payout.metadata.contractId)).find((c) => c.external_payment_id === payout.id);
      expect(record?.origin_id).toBeNull();
    }
  });

  it('a check the ERP wrote itself comes back as an imported bill payment: no payout, its origin id and bank', async () => {
    await target.control('POST', `/companies/${target.companyId}/erp/checks`, { bankId: 'OPER', checkNumber: 4242 });
    const projects = (await json(`/rest/v1.0/projects?company_id=${target.companyId}`)) as { id: number }[];
    const found: z.infer<typeof ContractPaymentSchema>[] = [];
    for (const project of projects) {
      const requisitions = (await json(`/rest/v1.1/requisitions?project_id=${project.id}&per_page=2000`)) as { commitment_id: number }[];
      for (const contractId of new Set(requisitions.map((r) => r.commitment_id))) {
        found.push(...(await contractPayments(project.id, contractId)).filter((c) => c.check_number === '4242'));
      }
    }
    expect(found).toEqual([expect.objectContaining({ external_payment_id: null, origin_code: 'OPER', origin_id: expect.any(String), date_payment_settled: expect.any(String) })]);
  });

  it('an id beyond 2^53 is written as a bare JSON number, digit for digit', async () => {
    const response = await target.api(`/rest/v1.0/projects?company_id=${GATED_COMPANY}`, { companyId: GATED_COMPANY });
    const [project] = (await response.json()) as { id: number }[];
    const requisitions = (await json(`/rest/v1.1/requisitions?project_id=${project!.id}`, GATED_COMPANY)) as { commitment_id: number }[];
    const raw = await (await target.api(`/rest/v1.0/contract_payments?project_id=${project!.id}&contract_id=${requisitions[0]!.commitment_id}`, { companyId: GATED_COMPANY })).text();
    expect(raw).toMatch(/"id":9007199254740993[,}]/);
    expect(Number.isSafeInteger((JSON.parse(raw) as { id: number }[])[0]!.id)).toBe(false);
  });
});

describe('export results (erp_request_details) and external_data', () => {
  it('one contract payment at a time: a JSON array of its exports, oldest first, status words and messages', async () => {
    const d = await funded([{ vendorSynced: false, delayFraction: 0 }, { delayFraction: 5 }, { delayFraction: 0 }]);
    const [failedId, runningId, syncedId] = d.contractPaymentIds as [string, string, string];
    const failed = await requestDetails(failedId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ item_id: Number(failedId), status: 'failed', request_name: 'create_contract_payment' });
    expect(failed[0]!.messages[0]).toMatch(/Vendor assigned to Id \d+ does not exist/);
    const running = await requestDetails(runningId);
    expect(running[0]!.status).not.toMatch(/^(success|failed)$/);
    expect(running[0]!.messages).toEqual([]);
    expect((await requestDetails(syncedId))[0]!.status).toBe('success');
  });

  it('a payout UUID, several ids, or none is refused; another item_type is empty', async () => {
    const d = await funded([{}, {}]);
    const base = `/rest/v1.0/companies/${target.companyId}/erp_request_details`;
    expect((await target.api(`${base}?filters[item_id]=${d.payouts[0]!.id}`)).status).toBe(422);
    expect((await target.api(`${base}?filters[item_id][]=${d.contractPaymentIds[0]}&filters[item_id][]=${d.contractPaymentIds[1]}`)).status).toBe(422);
    expect((await target.api(base)).status).toBe(422);
    expect(await json(`${base}?filters[item_id]=${d.contractPaymentIds[0]}&filters[item_type]=commitment`)).toEqual([]);
  });

  it('external_data carries the origin id of a synced contract payment, nothing for one still exporting', async () => {
    const d = await funded([{ vendorSynced: true, delayFraction: 0 }, { delayFraction: 5 }]);
    const base = `/rest/v1.0/companies/${target.companyId}/external_data?item_type=contract_payment`;
    const synced = expectContractShape(z.array(ExternalDataSchema), await json(`${base}&item_id=${d.contractPaymentIds[0]}`));
    expect(synced).toEqual([expect.objectContaining({ item_id: Number(d.contractPaymentIds[0]), origin_id: expect.any(String) })]);
    expect(await json(`${base}&item_id=${d.contractPaymentIds[1]}`)).toEqual([]);
    expect((await target.api(`/rest/v1.0/companies/${target.companyId}/external_data?item_type=contract_payment`)).status).toBe(422);
  });

  it('the partner-gated ERP API answers 403 for a company without access, while its public endpoints work', async () => {
    const gated = `/rest/v1.0/companies/${GATED_COMPANY}`;
    const denied = await target.api(`${gated}/erp_request_details?filters[item_id]=9007199254740993`, { companyId: GATED_COMPANY });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toHaveProperty('errors');
    expect((await target.api(`${gated}/external_data?item_type=contract_payment&item_id=9007199254740993`, { companyId: GATED_COMPANY })).status).toBe(403);
    expect((await target.api(`/rest/v2.0/companies/${GATED_COMPANY}/uoms/configuration`, { companyId: GATED_COMPANY })).status).toBe(200);
    expect((await target.api(`/rest/v1.0/companies/${target.companyId}/erp_request_details?filters[item_id]=1`)).status).toBe(200);
  });
});

describe('subcontractor invoices (v1.1 requisitions)', () => {
  async function projectWithTax(): Promise<{ projectId: number; taxed: number; plain: number }> {
    const d = await funded([{ hasTaxOrMarkup: true }, { beneficiaryName: 'Plain Co' }], { status: 'draft' });
    return { projectId: d.payouts[0]!.metadata.projectId, taxed: Number(d.payouts[0]!.invoiceId), plain: Number(d.payouts[1]!.invoiceId) };
  }

  it('vendor_id, vendor_name, free-text erp_status, origin_id, and the tax of the payment', async () => {
    const { projectId, taxed, plain } = await projectWithTax();
    const list = expectContractShape(z.array(RequisitionSchema), await json(`/rest/v1.1/requisitions?project_id=${projectId}&per_page=200`));
    const byId = new Map(list.map((r) => [r.id, r]));
    expect(Number(byId.get(taxed)?.summary.tax_applicable_to_this_payment)).toBeGreaterThan(0);
    expect(byId.get(plain)?.summary.tax_applicable_to_this_payment).toBe('0.00');
    expect(byId.get(plain)?.vendor_name).toBe('Plain Co');
    const synced = list.filter((r) => r.erp_status === 'synced');
    expect(synced.length).toBeGreaterThan(0);
    for (const r of synced) expect(r.origin_id).toBeTruthy();
    expect(list.every((r) => r.items === undefined)).toBe(true);
  });

  it('filters id[], status, origin_id; view=items gives items[].taxes; per_page defaults to 30', async () => {
    const { projectId, taxed, plain } = await projectWithTax();
    const q = (query: string) => json(`/rest/v1.1/requisitions?project_id=${projectId}&${query}`) as Promise<z.infer<typeof RequisitionSchema>[]>;
    expect((await q(`filters[id][]=${taxed}&filters[id][]=${plain}`)).map((r) => r.id).sort()).toEqual([taxed, plain].sort());
    for (const r of await q('filters[status]=approved')) expect(r.status).toBe('approved');
    const withOrigin = (await q('per_page=200')).find((r) => r.origin_id !== null)!;
    expect((await q(`filters[origin_id]=${withOrigin.origin_id}`)).map((r) => r.id)).toEqual([withOrigin.id]);
    const itemsView = expectContractShape(z.array(RequisitionSchema), await q(`view=items&filters[id][]=${taxed}`));
    expect(itemsView[0]!.items![0]!.taxes.length).toBeGreaterThan(0);
    const everything = await target.api(`/rest/v1.1/requisitions?project_id=${projectId}`);
    expect(everything.headers.get('per-page')).toBe('30');
    expect((await target.api(`/rest/v1.1/requisitions?project_id=${projectId}&filters[status]=paid_out`)).status).toBe(422);
    expect((await target.api(`/rest/v1.1/requisitions?project_id=${projectId}&view=everything`)).status).toBe(422);
    expect((await target.api('/rest/v1.1/requisitions')).status).toBe(422);
    expect((await target.api('/rest/v1.1/requisitions?project_id=999999')).status).toBe(404);
  });
});
