import type { z } from 'zod/mini';
import { DisbursementSchema, type Disbursement, type DisbursementStatus } from '../domain/schemas/disbursement';
import { ErpBankAccountSchema, type ErpBankAccount } from '../domain/schemas/erp-bank-account';
import { ErpSettingsSchema, type ErpSettings } from '../domain/schemas/erp-settings';
import type { ExportRequest } from '../domain/schemas/export-request';
import { FundingAccountSchema, type FundingAccount } from '../domain/schemas/funding-account';
import { RequestDetailSchema, type RequestDetail } from '../domain/schemas/request-detail';
import { RequisitionSchema, type Requisition } from '../domain/schemas/requisition';
import { CompanySchema, MeSchema, type Company, type Me } from '../domain/schemas/who';
import { endpoints, MAX_IDS_PER_REQUEST, PER_PAGE } from './endpoints';
import { nextLink } from './link-header';
import { ProcoreError } from './procore-error';
import type { ProcoreHttp, Query } from './procore-http';
import { validateRecords, type SchemaProblem } from './record-validation';

/** Procore's range filter form: `<from>...<to>`. */
export function updatedRange(fromMs: number, toMs: number): string {
  return `${new Date(fromMs).toISOString()}...${new Date(toMs).toISOString()}`;
}

const MAX_PAGES = 200;

/**
 * The contract's endpoints as typed calls. Lists follow `Link` to the last page and validate
 * record by record; problems collect in `problems` (skipped records, reported by the caller).
 */
export class ProcoreClient {
  readonly problems: SchemaProblem[] = [];

  constructor(readonly http: ProcoreHttp) {}

  takeProblems(): SchemaProblem[] {
    return this.problems.splice(0);
  }

  private async one<S extends z.ZodMiniType>(schema: S, path: string, source: string, companyId?: string, signal?: AbortSignal): Promise<z.output<S>> {
    const { body } = await this.http.request(path, { companyId, signal });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ProcoreError('schema', `Procore's ${source} did not have the expected shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }

  /** Every page of a list, following `Link: rel="next"`. */
  async list<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    source: string,
    options: { companyId?: string; query?: Query; signal?: AbortSignal } = {},
  ): Promise<z.output<S>[]> {
    const records: z.output<S>[] = [];
    let next: string | null = path;
    let query: Query | undefined = { per_page: PER_PAGE, page: 1, ...options.query };
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const response = await this.http.request(next, { companyId: options.companyId, query, signal: options.signal });
      records.push(...validateRecords(schema, response.body, source, this.problems));
      next = nextLink(response.headers.get('Link'));
      query = undefined; // the next link carries the query
    }
    return records;
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.one(MeSchema, endpoints.me(), 'user', undefined, signal);
  }

  companies(signal?: AbortSignal): Promise<Company[]> {
    return this.list(CompanySchema, endpoints.companies(), 'companies', { signal });
  }

  erpSettings(companyId: string, signal?: AbortSignal): Promise<ErpSettings> {
    return this.one(ErpSettingsSchema, endpoints.erpSettings(companyId), `ERP settings of company ${companyId}`, companyId, signal);
  }

  disbursements(
    companyId: string,
    filter: { updatedSince?: number; until?: number; statuses?: DisbursementStatus[] } = {},
    signal?: AbortSignal,
  ): Promise<Disbursement[]> {
    const query: Query = {};
    if (filter.statuses) query['filters[status][]'] = filter.statuses;
    if (filter.updatedSince !== undefined) query['filters[updated_at]'] = updatedRange(filter.updatedSince, filter.until ?? Date.now() + 86_400_000);
    return this.list(DisbursementSchema, endpoints.disbursements(companyId), `disbursements of company ${companyId}`, { companyId, query, signal });
  }

  fundingAccounts(companyId: string, signal?: AbortSignal): Promise<FundingAccount[]> {
    return this.list(FundingAccountSchema, endpoints.fundingAccounts(companyId), `funding accounts of company ${companyId}`, { companyId, signal });
  }

  async setNextCheckNumber(companyId: string, fundingAccountId: string, nextCheckNumber: number, signal?: AbortSignal): Promise<FundingAccount> {
    const { body } = await this.http.request(endpoints.fundingAccount(companyId, fundingAccountId), {
      method: 'PATCH',
      companyId,
      body: { nextCheckNumber },
      signal,
    });
    const parsed = FundingAccountSchema.safeParse(body);
    if (!parsed.success) throw new ProcoreError('schema', 'Procore answered the Next Check Number change with data the extension does not understand.');
    return parsed.data;
  }

  erpBankAccounts(companyId: string, signal?: AbortSignal): Promise<ErpBankAccount[]> {
    return this.list(ErpBankAccountSchema, endpoints.erpBankAccounts(companyId), `ERP bank accounts of company ${companyId}`, { companyId, signal });
  }

  /** Latest request details of payment records: by ids in batches of 100, never one per record. */
  async requestDetailsFor(companyId: string, payoutIds: readonly string[], signal?: AbortSignal): Promise<RequestDetail[]> {
    const details: RequestDetail[] = [];
    for (let i = 0; i < payoutIds.length; i += MAX_IDS_PER_REQUEST) {
      const ids = payoutIds.slice(i, i + MAX_IDS_PER_REQUEST);
      details.push(...(await this.requestDetails(companyId, { 'filters[item_id][]': ids }, signal)));
    }
    return details;
  }

  /** Request details changed in a time range (the cheap poll: one request per company). */
  requestDetailsChanged(companyId: string, fromMs: number, toMs: number, signal?: AbortSignal): Promise<RequestDetail[]> {
    return this.requestDetails(companyId, { 'filters[updated_at]': updatedRange(fromMs, toMs) }, signal);
  }

  /** Every export still failed (or stale), whatever its age: the Failed to Export list as the API has it. */
  failedExports(companyId: string, signal?: AbortSignal): Promise<RequestDetail[]> {
    return this.requestDetails(companyId, { 'filters[status][]': ['failed', 'stale'] }, signal);
  }

  private requestDetails(companyId: string, filters: Query, signal?: AbortSignal): Promise<RequestDetail[]> {
    return this.list(RequestDetailSchema, endpoints.requestDetails(companyId), `export status of company ${companyId}`, {
      companyId,
      query: { 'filters[item_type]': 'contract_payment', ...filters },
      signal,
    });
  }

  /** The corrective export: one POST, never repeated after a network error (see ProcoreHttp). */
  async exportPayment(companyId: string, payoutId: string, values: ExportRequest, signal?: AbortSignal): Promise<RequestDetail> {
    const { body } = await this.http.request(endpoints.exportPayment(companyId, payoutId), {
      method: 'POST',
      companyId,
      body: values,
      signal,
      idempotent: false,
    });
    const parsed = RequestDetailSchema.safeParse(body);
    if (!parsed.success) throw new ProcoreError('schema', 'Procore accepted the export but its answer has an unexpected shape; the next poll reads the outcome.');
    return parsed.data;
  }

  requisitions(companyId: string, projectId: string, signal?: AbortSignal): Promise<Requisition[]> {
    return this.list(RequisitionSchema, endpoints.requisitions(), `invoices of project ${projectId}`, {
      companyId,
      query: { project_id: projectId },
      signal,
    });
  }
}
