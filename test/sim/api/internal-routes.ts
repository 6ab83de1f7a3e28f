import { SimHttpError } from '../sim-error';
import { internalBase, wrapItem, wrapList, type SimVariant } from '../variant';
import type { ApiRoute, RouteContext } from './api-route';
import type { ApiResult } from './http-io';
import { wholeNumber } from './whole-number';
import { changeHistoryJson, disbursementJson, erpRowJson, erpRowStatus, fundingAccountJson, type ErpRowStatus } from './serialize';

// The internal endpoints the sandbox's own pages call (Procore does not publish them): their
// paths, methods and wrappers come from the variant, their records follow the contract's public
// field names. The company is the one in the path (no Procore-Company-Id needed: a page's request
// replayed with only the cookie works, as it would on Procore). Writes need the page's CSRF token.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Optional paging of an internal list: everything unless the page asks for a page. */
function pageOf<T>(url: URL, all: T[]): { items: T[]; page: number; perPage: number; total: number } {
  const pageRaw = url.searchParams.get('page');
  const perPageRaw = url.searchParams.get('per_page');
  if (pageRaw === null && perPageRaw === null) return { items: all, page: 1, perPage: all.length, total: all.length };
  const page = Number(pageRaw ?? '1');
  const perPage = Number(perPageRaw ?? '100');
  if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(perPage) || perPage < 1 || perPage > 2000) {
    throw new SimHttpError(422, { page: ['page and per_page must be positive integers (per_page at most 2000)'] });
  }
  return { items: all.slice((page - 1) * perPage, page * perPage), page, perPage, total: all.length };
}

function listResult<T>(ctx: RouteContext, resource: string, all: T[], toJson: (item: T) => unknown): ApiResult {
  const page = pageOf(ctx.url, all);
  return { status: 200, body: wrapList(ctx.variant, resource, page.items.map(toJson), page) };
}

const ERP_VIEW_STATUS: Record<string, ErpRowStatus> = { ready_to_export: 'exporting', failed_to_export: 'failed', synced: 'synced' };

export function internalRoutes(variant: SimVariant): ApiRoute[] {
  const base = escape(internalBase(variant, '{company}')).replace(escape('{company}'), '(\\d+)');
  const route = (method: ApiRoute['method'], path: string, handle: ApiRoute['handle'], csrf = false): ApiRoute => ({
    method,
    pattern: new RegExp(`^${base}${path}$`),
    company: 'path',
    paymentsRole: true,
    csrf,
    handle,
  });
  const disbursement = (ctx: RouteContext, id: string) => ctx.store.requireDisbursement(ctx.companyId, id);
  return [
    route(`GET`, `/${variant.disbursements}`, (ctx) =>
      listResult(ctx, variant.disbursements, ctx.store.disbursements(ctx.companyId), (d) => disbursementJson(ctx.store, d, { payouts: variant.listPayouts ?? false })),
    ),
    route('GET', `/${variant.disbursements}/([^/]+)`, (ctx, [id]) => ({
      status: 200,
      body: wrapItem(variant, 'disbursement', disbursementJson(ctx.store, disbursement(ctx, id!))),
    })),
    route('GET', `/${variant.disbursements}/([^/]+)/change_history`, (ctx, [id]) => listResult(ctx, 'change_history', changeHistoryJson(ctx.store, disbursement(ctx, id!)), (e) => e)),
    route('GET', `/${variant.fundingAccounts}`, (ctx) => listResult(ctx, variant.fundingAccounts, ctx.store.fundingAccounts(ctx.companyId), fundingAccountJson)),
    route(
      variant.fundingAccountWrite,
      `/${variant.fundingAccounts}/([^/]+)`,
      (ctx, [id]) => {
        const patch = { nextCheckNumber: wholeNumber(ctx.body.nextCheckNumber), bankId: ctx.body.bankId, nickname: ctx.body.nickname };
        return { status: 200, body: wrapItem(variant, 'funding_account', fundingAccountJson(ctx.store.updateFundingAccount(ctx.companyId, id!, patch))) };
      },
      true,
    ),
    route('GET', `/${variant.erpRows}`, (ctx) => {
      const view = ctx.url.searchParams.get('view');
      const wanted = view === null ? undefined : ERP_VIEW_STATUS[view];
      if (view !== null && view !== 'archived' && wanted === undefined) throw new SimHttpError(422, { view: ['is not a view of this tool'] });
      const rows = ctx.store
        .exportedContractPayments(ctx.companyId)
        .filter((c) => view === null || erpRowStatus(ctx.store.state.requestDetailsByItem.get(c.id)?.at(-1)) === wanted);
      return listResult(ctx, variant.erpRows, rows, (c) => erpRowJson(ctx.store, c));
    }),
    route(
      'POST',
      `/${variant.erpRows}/(\\d+)/${variant.exportVerb}`,
      (ctx, [id]) => {
        const record = ctx.store.reExport(ctx.companyId, id!, { check_number: wholeNumber(ctx.body.check_number), bank_id: ctx.body.bank_id });
        return { status: 202, body: wrapItem(variant, 'erp_payment_record', erpRowJson(ctx.store, ctx.store.contractPayment(record.contractPaymentId)!)) };
      },
      true,
    ),
  ];
}
