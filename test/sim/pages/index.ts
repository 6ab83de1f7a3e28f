import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, writeText } from '../api/http-io';
import { wholeNumber } from '../api/whole-number';
import { CONNECTOR_PROFILES } from '../connector-profiles';
import type { PageContext } from '../page-context';
import { SimHttpError } from '../sim-error';
import { erpHtmlPage } from './erp-html-page';
import { pageShell, type GridLayoutSetting } from './page-shell';
import { ERP_VIEWS, pagePath, parseErpExportForm, parsePageRoute } from './page-route';
import { handlePagesApi } from './pages-api';
import { staticAsset } from './static-assets';

/** The server's context, and the sandbox's setting for the tables' layout. */
export type PageRequestContext = PageContext & { gridLayout?: GridLayoutSetting };

const text = (res: ServerResponse, status: number, body: string) => writeText(res, status, body, { 'Content-Type': 'text/plain; charset=utf-8' });
const html = (res: ServerResponse, status: number, body: string) => writeText(res, status, body, { 'Content-Type': 'text/html; charset=utf-8' });
const redirect = (res: ServerResponse, location: string, status = 302) => {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
};

/** Rails' public/422.html, which Procore's server-rendered forms answer a bad authenticity token with. */
const REJECTED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The change you wanted was rejected (422)</title></head>
<body><main><h1>The change you wanted was rejected.</h1><p>Maybe you tried to change something you didn't have access to.</p></main></body></html>`;

/**
 * The sandbox's Procore pages: page shells for the Payments and ERP Integrations URL shapes,
 * the server-rendered ERP Integrations tab and its Export form, the scripts and styles, and the
 * page-only endpoints under `/pages-api/`. The server hands it every request it does not answer
 * itself; anything else is a 404.
 */
export async function handlePageRequest(req: IncomingMessage, res: ServerResponse, ctx: PageRequestContext): Promise<void> {
  const { url, store, user } = ctx;
  if (await handlePagesApi(req, res, url, ctx)) return;
  if (req.method === 'POST' && parseErpExportForm(url.pathname)) return handleErpExportForm(req, res, ctx);
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 404, 'Not found');

  const asset = await staticAsset(url.pathname, ctx.variant.n);
  if (asset) return writeText(res, 200, asset.body, { 'Content-Type': asset.type });
  const route = parsePageRoute(url.pathname, url.search);
  if (!route) return text(res, 404, 'This page is not part of the Procore sandbox.');
  if (!user) return redirect(res, `/login?return_to=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  const company = store.company(Number(route.companyId));
  if (!company || !user.companyIds.includes(company.id)) return text(res, 404, 'This company is not in the Procore sandbox, or you cannot see it.');
  // A company lives in one zone: its pages are served on that zone's host (app. vs us02.).
  if (company.zone !== ctx.zone) return redirect(res, `${ctx.zones[company.zone]}${url.pathname}${url.search}`);
  const csrfToken = ctx.sessions.csrfTokenOf(req) ?? '';
  if (route.kind === 'erp_payments' && ctx.erpTab === 'html') {
    return html(res, 200, erpHtmlPage({ store, company, user, route, csrfToken, flash: ctx.sessions.takeFlash(req) }));
  }
  html(res, 200, pageShell({ gridLayout: ctx.gridLayout ?? 'current', erpTab: ctx.erpTab, csrfToken, companyId: route.companyId }));
}

const FIELD_LABELS: Record<string, string> = { check_number: 'Check Number', bank_id: 'Bank ID' };

function sentence(error: SimHttpError): string {
  if (typeof error.errors === 'string') return error.errors;
  return Object.entries(error.errors)
    .map(([field, messages]) => `${FIELD_LABELS[field] ?? field} ${messages.join(', ')}.`)
    .join(' ');
}

/**
 * The Export button of a Failed to Export row (server-rendered tab): checks the session and its
 * authenticity token, asks Procore's guard to re-export, and goes back to the view with the
 * outcome in words (Rails' post/redirect/get with a flash).
 */
async function handleErpExportForm(req: IncomingMessage, res: ServerResponse, ctx: PageRequestContext): Promise<void> {
  const target = parseErpExportForm(ctx.url.pathname)!;
  const body = await readBody(req);
  if (!ctx.user) return redirect(res, '/login', 303);
  const company = ctx.store.company(Number(target.companyId));
  if (!company || !ctx.user.companyIds.includes(company.id) || company.zone !== ctx.zone) return text(res, 404, 'Not found');
  if (ctx.user.paymentsRole === 'none') return text(res, 403, 'Only a Payments Admin or Payments Disburser can export payment records.');
  if (!ctx.sessions.csrfValid(req, body.authenticity_token)) return html(res, 422, REJECTED_PAGE);
  const view = ERP_VIEWS.find((v) => v === body.view) ?? 'failed_to_export';
  const back = pagePath({ kind: 'erp_payments', companyId: target.companyId, base: target.base, view });
  const record = ctx.store.contractPayment(target.contractPaymentId);
  const invoiceNumber = (record && ctx.store.invoice(record.invoiceId)?.invoiceNumber) ?? 'The payment record';
  try {
    ctx.store.reExport(company.id, target.contractPaymentId, { check_number: wholeNumber(body.check_number), bank_id: body.bank_id });
    const erpName = CONNECTOR_PROFILES[company.erp.connector].erpName;
    ctx.sessions.setFlash(req, { tone: 'success', text: `${invoiceNumber} is being exported to ${erpName}. It can take up to 10 minutes to appear there.` });
  } catch (error) {
    if (!(error instanceof SimHttpError)) throw error;
    ctx.sessions.setFlash(req, { tone: 'error', text: `${invoiceNumber} was not exported: ${sentence(error)}` });
  }
  redirect(res, back, 303);
}
