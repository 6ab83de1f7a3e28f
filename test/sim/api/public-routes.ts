import { SimHttpError } from '../sim-error';
import type { ApiRoute, RouteContext } from './api-route';
import { filterValue, filterValues, updatedAtRange } from './filters';
import type { ApiResult } from './http-io';
import { paginate } from './paging';
import {
  companyJson,
  contractPaymentJson,
  externalDataJson,
  meJson,
  projectJson,
  projectShowJson,
  requestDetailJson,
  requisitionJson,
  uomsConfigurationJson,
} from './serialize';

// The public and documented endpoints, exactly as PROCORE-CONTRACT.md (v2) writes them.

const route = (method: ApiRoute['method'], path: string, company: ApiRoute['company'], handle: ApiRoute['handle'], extra: Partial<ApiRoute> = {}): ApiRoute => ({
  method,
  pattern: new RegExp(`^${path}$`),
  company,
  handle,
  ...extra,
});

function list<T>(ctx: RouteContext, all: readonly T[], toJson: (item: T) => unknown, defaultPerPage?: number): ApiResult {
  const page = paginate(all, ctx.url, ctx.origin, defaultPerPage);
  return { status: 200, body: page.items.map(toJson), headers: page.headers };
}

/** A required integer query parameter (422 when missing or not an integer). */
function requiredId(url: URL, name: string): number {
  const raw = url.searchParams.get(name);
  if (!raw || !/^\d+$/.test(raw)) throw new SimHttpError(422, { [name]: ['is required (an integer id)'] });
  return Number(raw);
}

function projectOf(ctx: RouteContext, id: number) {
  const project = ctx.store.project(id);
  if (!project || project.companyId !== ctx.companyId) throw new SimHttpError(404, 'Project not found');
  return project;
}

const REQUISITION_STATUSES = ['draft', 'under_review', 'revise_and_resubmit', 'approved', 'approved_as_noted', 'pending_owner_approval'];
const REQUISITION_VIEWS = ['default', 'extended', 'items'] as const;
/** The requisitions list's own default page size (the contract: per_page default 30). */
const REQUISITIONS_PER_PAGE = 30;

/** The one contract payment a `filters[item_id]` names, or a 422 for none or several. */
function singleItemId(url: URL): string {
  const ids = filterValues(url, 'item_id');
  if (ids.length !== 1 || !/^\d+$/.test(ids[0]!)) throw new SimHttpError(422, { 'filters[item_id]': ['give exactly one contract payment id'] });
  return ids[0]!.replace(/^0+(?=\d)/, '');
}

export const PUBLIC_ROUTES: ApiRoute[] = [
  route('GET', '/rest/v1\\.0/me', 'none', (ctx) => ({ status: 200, body: meJson(ctx.user) })),
  route('GET', '/rest/v1\\.0/companies', 'none', (ctx) => list(ctx, ctx.store.companiesOf(ctx.user), companyJson)),
  route('GET', '/rest/v1\\.0/projects', 'header', (ctx) => {
    if (requiredId(ctx.url, 'company_id') !== ctx.companyId) throw new SimHttpError(422, { company_id: ['does not match Procore-Company-Id'] });
    return list(ctx, ctx.store.projects(ctx.companyId), (p) => projectJson(ctx.store, p));
  }),
  route('GET', '/rest/v1\\.0/projects/(\\d+)', 'header', (ctx, [id]) => ({ status: 200, body: projectShowJson(ctx.store, projectOf(ctx, Number(id))) })),
  route('GET', '/rest/v1\\.0/contract_payments', 'header', (ctx) => {
    const project = projectOf(ctx, requiredId(ctx.url, 'project_id'));
    const contract = ctx.store.contract(requiredId(ctx.url, 'contract_id'));
    if (!contract || contract.projectId !== project.id) throw new SimHttpError(404, 'Contract not found');
    return list(ctx, ctx.store.contractPaymentsOf(contract.id), (c) => contractPaymentJson(ctx.store, c));
  }),
  route(
    'GET',
    '/rest/v1\\.0/companies/(\\d+)/erp_request_details',
    'path+header',
    (ctx) => {
      const itemId = singleItemId(ctx.url);
      const itemType = filterValue(ctx.url, 'item_type');
      const record = ctx.store.contractPayment(itemId);
      const mine = itemType === undefined || itemType === 'contract_payment' ? (record?.companyId === ctx.companyId ? ctx.store.state.requestDetailsByItem.get(itemId) : undefined) : undefined;
      // Creation order (oldest first): the last one is the latest export.
      return list(ctx, mine ?? [], (r) => requestDetailJson(ctx.variant, r));
    },
    { erpApi: true },
  ),
  route(
    'GET',
    '/rest/v1\\.0/companies/(\\d+)/external_data',
    'path+header',
    (ctx) => {
      const itemType = ctx.url.searchParams.get('item_type');
      if (!itemType) throw new SimHttpError(422, { item_type: ['is required'] });
      const itemId = String(requiredId(ctx.url, 'item_id'));
      const record = itemType === 'contract_payment' ? ctx.store.contractPayment(itemId) : undefined;
      const synced = record && record.companyId === ctx.companyId && record.originId !== null ? [record] : [];
      return list(ctx, synced, externalDataJson);
    },
    { erpApi: true },
  ),
  route('GET', '/rest/v1\\.1/requisitions', 'header', (ctx) => {
    const project = projectOf(ctx, requiredId(ctx.url, 'project_id'));
    const view = ctx.url.searchParams.get('view') ?? 'default';
    if (!REQUISITION_VIEWS.includes(view as (typeof REQUISITION_VIEWS)[number])) throw new SimHttpError(422, { view: [`must be one of ${REQUISITION_VIEWS.join(', ')}`] });
    const ids = filterValues(ctx.url, 'id').map(Number);
    const status = filterValue(ctx.url, 'status');
    if (status !== undefined && !REQUISITION_STATUSES.includes(status)) throw new SimHttpError(422, { 'filters[status]': [`'${status}' is not one of ${REQUISITION_STATUSES.join(', ')}`] });
    const originId = filterValue(ctx.url, 'origin_id');
    const inRange = updatedAtRange(ctx.url);
    const all = ctx.store
      .invoices(ctx.companyId)
      .filter(
        (i) =>
          i.projectId === project.id &&
          (ids.length === 0 || ids.includes(i.id)) &&
          (status === undefined || i.status === status) &&
          (originId === undefined || i.originId === originId) &&
          (!inRange || inRange(i.updatedAt)),
      );
    return list(ctx, all, (i) => requisitionJson(ctx.store, i, view as (typeof REQUISITION_VIEWS)[number]), REQUISITIONS_PER_PAGE);
  }),
  route('GET', '/rest/v2\\.0/companies/(\\d+)/uoms/configuration', 'path+header', (ctx) => {
    const company = ctx.store.requireCompany(ctx.companyId);
    return { status: 200, body: uomsConfigurationJson(company) };
  }),
];
