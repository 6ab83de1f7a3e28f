import { DISBURSEMENT_STATUSES } from '../../../utils/domain/schemas/disbursement';
import { REQUEST_STATUSES } from '../../../utils/domain/schemas/request-detail';
import { SimHttpError } from '../sim-error';
import type { SimStore } from '../store';
import type { SimUser } from '../store-records';
import { filterValue, filterValues, updatedAtRange } from './filters';
import type { ApiResult } from './http-io';
import { paginate } from './paging';
import {
  companyJson,
  disbursementJson,
  erpBankAccountJson,
  erpSettingsJson,
  fundingAccountJson,
  meJson,
  requestDetailJson,
  requisitionJson,
} from './serialize';

export interface RestContext {
  store: SimStore;
  user: SimUser;
  url: URL;
  origin: string;
  body: Record<string, unknown>;
  /** The company of a company-scoped request, checked against Procore-Company-Id and the user. */
  companyId: number;
}

/**
 * none: any signed-in user; header: needs Procore-Company-Id; company: also a company id in the
 * path matching the header; payments: also a Payments Admin or Disburser of that company.
 */
type Scope = 'none' | 'header' | 'company' | 'payments';

export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH';
  pattern: RegExp;
  scope: Scope;
  handle(ctx: RestContext, params: string[]): ApiResult;
}

const COMPANY = '/rest/v1\\.0/companies/(\\d+)';
const route = (method: RestRoute['method'], path: string, scope: Scope, handle: RestRoute['handle']): RestRoute => ({
  method,
  pattern: new RegExp(`^${path}$`),
  scope,
  handle,
});

const MAX_ITEM_IDS = 100;
const detailNumber = (id: string) => Number(id.replace(/^erd_/, ''));

function list<T>(ctx: RestContext, all: readonly T[], toJson: (item: T) => unknown): ApiResult {
  const page = paginate(all, ctx.url, ctx.origin);
  return { status: 200, body: page.items.map(toJson), headers: page.headers };
}

function oneOf<T extends string>(values: string[], allowed: readonly T[], field: string): T[] {
  for (const v of values) if (!allowed.includes(v as T)) throw new SimHttpError(422, { [field]: [`'${v}' is not one of ${allowed.join(', ')}`] });
  return values as T[];
}

function company(ctx: RestContext) {
  const c = ctx.store.company(ctx.companyId);
  if (!c) throw new SimHttpError(404, 'Company not found');
  return c;
}

/** The contract's endpoints (PROCORE-CONTRACT.md), then the sandbox's page-only ones (README). */
export const REST_ROUTES: RestRoute[] = [
  route('GET', '/rest/v1\\.0/me', 'none', (ctx) => ({ status: 200, body: meJson(ctx.user) })),
  route('GET', '/rest/v1\\.0/companies', 'none', (ctx) => list(ctx, ctx.store.companiesOf(ctx.user), companyJson)),
  route('GET', `${COMPANY}/erp_integrations/settings`, 'payments', (ctx) => ({ status: 200, body: erpSettingsJson(company(ctx)) })),
  route('GET', `${COMPANY}/payments/disbursements`, 'payments', (ctx) => {
    const statuses = oneOf(filterValues(ctx.url, 'status'), DISBURSEMENT_STATUSES, 'filters[status]');
    const inRange = updatedAtRange(ctx.url);
    const all = ctx.store.disbursements(ctx.companyId).filter((d) => (statuses.length === 0 || statuses.includes(d.status)) && (!inRange || inRange(d.updatedAt)));
    return list(ctx, all, (d) => disbursementJson(ctx.store, d));
  }),
  route('GET', `${COMPANY}/payments/funding_accounts`, 'payments', (ctx) => list(ctx, ctx.store.fundingAccounts(ctx.companyId), fundingAccountJson)),
  route('PATCH', `${COMPANY}/payments/funding_accounts/([^/]+)`, 'payments', (ctx, [id]) => ({
    status: 200,
    body: fundingAccountJson(ctx.store.updateFundingAccount(ctx.companyId, id!, ctx.body)),
  })),
  route('GET', `${COMPANY}/erp_integrations/bank_accounts`, 'payments', (ctx) =>
    list(ctx, ctx.store.erpBankAccounts(ctx.companyId), (b) => erpBankAccountJson(ctx.store, b)),
  ),
  route('GET', `${COMPANY}/erp_request_details`, 'payments', (ctx) => {
    const itemType = filterValue(ctx.url, 'item_type');
    const itemIds = [...new Set(filterValues(ctx.url, 'item_id'))];
    if (itemIds.length > MAX_ITEM_IDS) throw new SimHttpError(422, { 'filters[item_id]': [`at most ${MAX_ITEM_IDS} ids per request`] });
    const statuses = oneOf(filterValues(ctx.url, 'status'), REQUEST_STATUSES, 'filters[status]');
    const inRange = updatedAtRange(ctx.url);
    if (itemType !== undefined && itemType !== 'contract_payment') return list(ctx, [], requestDetailJson);
    // Creation order (oldest first): the last detail of an item is its latest.
    const candidates =
      itemIds.length > 0
        ? itemIds.flatMap((id) => ctx.store.requestHistory(id)).filter((r) => r.companyId === ctx.companyId).sort((a, b) => detailNumber(a.id) - detailNumber(b.id))
        : ctx.store.requestDetails(ctx.companyId);
    const all = candidates.filter((r) => (statuses.length === 0 || statuses.includes(r.status)) && (!inRange || inRange(r.updatedAt)));
    return list(ctx, all, requestDetailJson);
  }),
  route('POST', `${COMPANY}/erp_integrations/contract_payments/([^/]+)/export`, 'payments', (ctx, [payoutId]) => ({
    status: 202,
    body: requestDetailJson(ctx.store.reExport(ctx.companyId, decodeURIComponent(payoutId!), ctx.body)),
  })),
  route('GET', '/rest/v1\\.1/requisitions', 'header', (ctx) => {
    const raw = ctx.url.searchParams.get('project_id');
    if (!raw || !/^\d+$/.test(raw)) throw new SimHttpError(422, { project_id: ['is required'] });
    const project = ctx.store.project(Number(raw));
    if (!project || project.companyId !== ctx.companyId) throw new SimHttpError(404, 'Project not found');
    const status = filterValue(ctx.url, 'status');
    const inRange = updatedAtRange(ctx.url);
    const all = ctx.store.invoices(ctx.companyId).filter((i) => i.projectId === project.id && (status === undefined || i.status === status) && (!inRange || inRange(i.updatedAt)));
    return list(ctx, all, requisitionJson);
  }),

  // ---- page-only (the sandbox's Payments tool; not part of the contract) --------------------
  route('GET', `${COMPANY}/payments/disbursements/([^/]+)`, 'payments', (ctx, [id]) => {
    const d = ctx.store.disbursement(ctx.companyId, decodeURIComponent(id!));
    if (!d) throw new SimHttpError(404, 'Disbursement not found');
    return { status: 200, body: disbursementJson(ctx.store, d) };
  }),
  route('POST', `${COMPANY}/payments/disbursements`, 'payments', (ctx) => {
    const invoices = ctx.body.invoices;
    if (!Array.isArray(invoices)) throw new SimHttpError(422, { invoices: ['must be a list of {invoice_id, amount?}'] });
    const items = invoices.map((raw: unknown) => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const invoiceId = Number(item.invoice_id);
      if (!Number.isSafeInteger(invoiceId)) throw new SimHttpError(422, { invoice_id: ['is required'] });
      if (item.amount !== undefined && typeof item.amount !== 'number') throw new SimHttpError(422, { amount: ['must be integer cents'] });
      return {
        invoiceId,
        amount: item.amount as number | undefined,
        partialPaymentReason: typeof item.partial_payment_reason === 'string' ? item.partial_payment_reason : undefined,
      };
    });
    const d = ctx.store.createDisbursement(ctx.companyId, {
      name: typeof ctx.body.name === 'string' ? ctx.body.name : '',
      fundingAccountId: String(ctx.body.funding_account_id ?? ''),
      items,
      userId: ctx.user.id,
    });
    return { status: 201, body: disbursementJson(ctx.store, d) };
  }),
  route('POST', `${COMPANY}/payments/disbursements/([^/]+)/authorize`, 'payments', (ctx, [id]) => ({
    status: 200,
    body: disbursementJson(ctx.store, ctx.store.authorizeDisbursement(ctx.companyId, decodeURIComponent(id!))),
  })),
  route('POST', `${COMPANY}/payments/disbursements/([^/]+)/complete_funding`, 'payments', (ctx, [id]) => ({
    status: 200,
    body: disbursementJson(ctx.store, ctx.store.completeFunding(ctx.companyId, decodeURIComponent(id!))),
  })),
];

export interface RouteMatch {
  route: RestRoute;
  /** The company id in the path of company-scoped routes. */
  pathCompanyId?: number;
  params: string[];
}

export function matchRoute(method: string, path: string): RouteMatch | 'wrong_method' | undefined {
  let pathMatched = false;
  for (const r of REST_ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const inPath = r.scope === 'company' || r.scope === 'payments';
    return { route: r, pathCompanyId: inPath ? Number(m[1]) : undefined, params: m.slice(inPath ? 2 : 1) };
  }
  return pathMatched ? 'wrong_method' : undefined;
}
