import { erpRowStatus, type ErpRowStatus } from '../api/serialize';
import { CONNECTOR_PROFILES } from '../connector-profiles';
import { escapeHtml } from '../html-escape';
import type { SimStore } from '../store';
import type { SimCompany, SimContractPayment, SimUser } from '../store-records';
import { ERP_VIEWS, erpExportFormPath, pagePath, type ErpView, type PageRoute } from './page-route';
import { procoreHead } from './page-shell';

type Route = Extract<PageRoute, { kind: 'erp_payments' }>;

export const ERP_VIEW_LABELS: Record<ErpView, string> = {
  ready_to_export: 'Ready to Export',
  failed_to_export: 'Failed to Export',
  synced: 'Synced',
  archived: 'Archived',
};
const VIEW_OF: Record<ErpRowStatus, ErpView> = { exporting: 'ready_to_export', failed: 'failed_to_export', synced: 'synced' };

export interface ErpHtmlPageInput {
  store: SimStore;
  company: SimCompany;
  user: SimUser;
  route: Route;
  csrfToken: string;
  flash: { tone: 'success' | 'error'; text: string } | null;
}

const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The ERP Integrations tool's payment records as a server-rendered Rails page (`--erp-tab html`):
 * the right-hand Views, a plain table, and in Failed to Export a form per row whose Check Number
 * and Bank ID inputs and Export button post back here with the page's authenticity token.
 */
export function erpHtmlPage(input: ErpHtmlPageInput): string {
  const { store, company, user, route } = input;
  const erpName = CONNECTOR_PROFILES[company.erp.connector].erpName;
  const records = store.exportedContractPayments(company.id);
  const viewOf = (c: SimContractPayment) => VIEW_OF[erpRowStatus(store.state.requestDetailsByItem.get(c.id)?.at(-1))];
  const shown = records.filter((c) => viewOf(c) === route.view);
  const failedView = route.view === 'failed_to_export';
  const views = ERP_VIEWS.map((view) => {
    const count = records.filter((c) => viewOf(c) === view).length;
    const current = view === route.view ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(pagePath({ ...route, view }))}"${current}>${ERP_VIEW_LABELS[view]} (${count})</a></li>`;
  }).join('');
  const headers = ['Beneficiary', 'Invoice No.', 'Project', 'Payment Date', 'Amount', 'Check Number', 'Bank ID', failedView ? 'Errors' : 'Status', ...(failedView ? ['Actions'] : [])];
  const rows = shown.map((c) => row(input, c, failedView)).join('\n');
  const flash = input.flash
    ? `<div class="banner banner-${input.flash.tone === 'success' ? 'success' : 'error'}" role="${input.flash.tone === 'success' ? 'status' : 'alert'}">${escapeHtml(input.flash.text)}</div>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
${procoreHead({ csrfToken: input.csrfToken, companyId: String(company.id), title: `ERP Integrations - ${erpName} - Procore` })}
</head>
<body>
<header>
<div class="global-nav"><span class="brand">Procore</span><span class="company-name">${escapeHtml(company.name)}</span><span class="spacer"></span><span class="user-name">${escapeHtml(user.name)}</span><form method="post" action="/logout" class="sign-out"><button type="submit" class="button button-dark">Sign Out</button></form></div>
<div class="tool-header"><div class="tool-title-row"><div><h1 class="tool-title">ERP Integrations</h1><p class="tool-subtitle">${escapeHtml(erpName)}</p></div>
<div class="tool-actions"><a class="settings-link" href="${escapeHtml(`${route.base}/payments/invoices`)}">Payments tool</a></div></div>
<nav class="tool-tabs" aria-label="ERP Integrations tabs"><a class="tab tab-active" aria-current="page" href="${escapeHtml(pagePath(route))}">Payments</a></nav></div>
</header>
<main id="main" class="tool-body">
${flash}
<div class="with-views">
<div class="views-content">
<h2 class="section-title">Payments: ${ERP_VIEW_LABELS[route.view]}</h2>
${company.erp.paymentSyncEnabled ? '' : '<div class="banner banner-info" role="status">Payment record syncing is not enabled for this company: Procore Pay payments are not exported to the ERP.</div>'}
<table class="erp-table" aria-label="Payments, ${ERP_VIEW_LABELS[route.view]}">
<thead><tr>${headers.map((h) => `<th scope="col">${h === 'Actions' ? '<span class="visually-hidden">Actions</span>' : h}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${headers.length}">No records to show</td></tr>`}
</tbody>
</table>
</div>
<nav class="views" aria-label="Views"><h2>Views</h2><ul>${views}</ul></nav>
</div>
</main>
</body>
</html>
`;
}

function row({ store, route, csrfToken }: ErpHtmlPageInput, c: SimContractPayment, failedView: boolean): string {
  const invoice = store.invoice(c.invoiceId);
  const vendor = invoice && store.vendor(invoice.vendorId);
  const project = invoice && store.project(invoice.projectId);
  const latest = store.state.requestDetailsByItem.get(c.id)?.at(-1);
  const invoiceNumber = invoice?.invoiceNumber ?? String(c.invoiceId);
  const check = c.checkNumber === null ? '' : String(c.checkNumber);
  const cells = [vendor?.name ?? '--', invoiceNumber, project?.name ?? '--', new Date(c.date).toISOString().slice(0, 10), money(c.amount)].map((text) => `<td>${escapeHtml(text)}</td>`);
  if (!failedView) {
    const status = latest?.status === 'success' ? 'Synced' : 'Export in progress';
    cells.push(`<td>${escapeHtml(check || '--')}</td>`, `<td>${escapeHtml(c.bankId)}</td>`, `<td>${status}</td>`);
  } else {
    const form = `export-${c.id}`;
    const errors = latest?.messages.length ? latest.messages.join(' ') : 'The ERP connector did not respond.';
    cells.push(
      `<td><input type="text" inputmode="numeric" name="check_number" form="${form}" value="${escapeHtml(check)}" aria-label="Check Number for ${escapeHtml(invoiceNumber)}" class="cell-input"></td>`,
      `<td><input type="text" name="bank_id" form="${form}" value="${escapeHtml(c.bankId)}" aria-label="Bank ID for ${escapeHtml(invoiceNumber)}" class="cell-input"></td>`,
      `<td><span class="error-text">${escapeHtml(errors)}</span></td>`,
      `<td><form id="${form}" method="post" action="${escapeHtml(erpExportFormPath(route.base, c.id))}"><input type="hidden" name="authenticity_token" value="${escapeHtml(csrfToken)}"><input type="hidden" name="view" value="${route.view}"><button type="submit" class="button button-primary button-small" aria-label="Export ${escapeHtml(invoiceNumber)} to ERP">Export</button></form></td>`,
    );
  }
  return `<tr data-id="${c.id}" data-external-payment-id="${escapeHtml(c.payoutId ?? '')}">${cells.join('')}</tr>`;
}
