import type * as z from '../schema/z';
import { ContractPaymentSchema, type ContractPayment } from '../domain/schemas/contract-payment';
import { ProjectShowSchema, UomsConfigurationSchema } from '../domain/schemas/erp-name-sources';
import { RequestDetailSchema, type RequestDetail } from '../domain/schemas/request-detail';
import { RequisitionSchema, type Requisition } from '../domain/schemas/requisition';
import { CompanySchema, MeSchema, type Company, type Me } from '../domain/schemas/who';
import { endpoints, PER_PAGE } from './endpoints';
import { nextLink, rebaseLink } from './link-header';
import { ProcoreError } from './procore-error';
import type { ProcoreHttp, Query } from './procore-http';
import { validateRecords, type SchemaProblem } from './record-validation';

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

  async #one<S extends z.AnySchema>(schema: S, path: string, source: string, companyId?: string, signal?: AbortSignal): Promise<z.output<S>> {
    const { body } = await this.http.request(path, { companyId, signal });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ProcoreError('schema', `Procore's ${source} did not have the expected shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }

  /** Every page of a list, following `Link: rel="next"`. */
  async list<S extends z.AnySchema>(
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
      const link = nextLink(response.headers.get('Link'));
      next = link === null ? null : rebaseLink(link, this.http.origin);
      if (link !== null && next === null) this.problems.push({ source, record: '(paging)', issues: 'a paging link pointed off Procore and was not followed' });
      query = undefined; // the next link carries the query
    }
    return records;
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.#one(MeSchema, endpoints.me(), 'user', undefined, signal);
  }

  companies(signal?: AbortSignal): Promise<Company[]> {
    return this.list(CompanySchema, endpoints.companies(), 'companies', { signal });
  }

  /** The ERP's name as the company's UOM configuration gives it (public; meaning inferred). */
  async erpIntegrationName(companyId: string, signal?: AbortSignal): Promise<string | null> {
    const config = await this.#one(UomsConfigurationSchema, endpoints.uomsConfiguration(companyId), `UOM configuration of company ${companyId}`, companyId, signal);
    return config.data?.erp_integration_name ?? null;
  }

  /** Whether a project is linked to the company's ERP (public project show). */
  async projectErpIntegrated(companyId: string, projectId: string, signal?: AbortSignal): Promise<boolean | null> {
    return (await this.#one(ProjectShowSchema, endpoints.project(projectId), `project ${projectId}`, companyId, signal)).is_erp_integrated ?? null;
  }

  /** One contract's payments (public; both ids required, no company-wide list). */
  contractPayments(companyId: string, projectId: string, contractId: string, signal?: AbortSignal): Promise<ContractPayment[]> {
    return this.list(ContractPaymentSchema, endpoints.contractPayments(), `contract payments of contract ${contractId}`, {
      companyId,
      query: { project_id: projectId, contract_id: contractId },
      signal,
    });
  }

  /**
   * The export requests of one contract payment (seen; partner-gated: 403/404 where the company's
   * account may not read them). Items that name another type are dropped.
   */
  async requestDetailsOf(companyId: string, contractPaymentId: string, signal?: AbortSignal): Promise<RequestDetail[]> {
    const details = await this.list(RequestDetailSchema, endpoints.requestDetails(companyId), `export status of company ${companyId}`, {
      companyId,
      query: { 'filters[item_id]': contractPaymentId, 'filters[item_type]': 'contract_payment' },
      signal,
    });
    return details.filter((d) => (d.item_type ?? 'contract_payment') === 'contract_payment' && (d.item_id ?? contractPaymentId) === contractPaymentId);
  }

  /** A learned GET replayed (same origin, through the governor): the raw JSON, validated by the caller. */
  async learnedGet(companyId: string, pathAndQuery: string, signal?: AbortSignal): Promise<unknown> {
    return (await this.http.request(pathAndQuery, { companyId, signal })).body;
  }

  /** Subcontractor invoices of a project (public v1.1). */
  requisitions(companyId: string, projectId: string, filters: { ids?: readonly string[] } = {}, signal?: AbortSignal): Promise<Requisition[]> {
    return this.list(RequisitionSchema, endpoints.requisitions(), `invoices of project ${projectId}`, {
      companyId,
      query: { project_id: projectId, ...(filters.ids?.length ? { 'filters[id][]': filters.ids } : {}) },
      signal,
    });
  }
}
