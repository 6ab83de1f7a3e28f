import { pagePath, type PageRoute } from '../page-route';
import { ApiError } from './api';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import { drawdownStatusLabel, formatCents, formatDateTime, payoutStatusLabel } from './format';
import type { GridColumn } from './grid-column';
import { card, errorBanner, fields, invoiceLink, loading, pill, routeLink } from './page-parts';
import { authorizeDisbursement, loadChangeHistory, loadDisbursement, loadFundingAccounts, loadLookups, type Lookups } from './records';
import type { ChangeHistoryEntry, Disbursement, FundingAccount, Payout } from './types';
import type { View, ViewContext } from './view';

type Route = Extract<PageRoute, { kind: 'disbursement' }>;

interface PayoutRow {
  payout: Payout;
  project: string;
}

const drawdownTone = (label: string) =>
  label === 'Funding Completed' ? 'success' : label === 'Funding Failed' ? 'danger' : label === 'Draft' ? 'neutral' : 'info';

const payoutInvoiceLink = (p: Payout) => invoiceLink(String(p.metadata.projectId), String(p.invoiceId), p.metadata.invoiceNumber);

/**
 * The "Disbursement #" page: General and Change History tabs. Before authorization the General
 * tab holds Disbursement Details and Included Invoices (with Authorize); after it, Disbursement
 * Details, Drawdown and Payments (PROCORE-UI-FACTS.md 1.4).
 */
export const disbursementPage: View<Route> = async (context) => {
  const { route, main, signal } = context;
  main.append(loading('the disbursement'));
  let d: Disbursement;
  let history: ChangeHistoryEntry[];
  let accounts: FundingAccount[];
  let lookups: Lookups;
  try {
    [d, history, accounts, lookups] = await Promise.all([
      loadDisbursement(route.companyId, route.disbursementId),
      loadChangeHistory(route.companyId, route.disbursementId),
      loadFundingAccounts(route.companyId),
      loadLookups(route.companyId),
    ]);
  } catch (error) {
    const missing = error instanceof ApiError && error.status === 404;
    main.replaceChildren(errorBanner(missing ? `No disbursement ${route.disbursementId} in this company.` : `The disbursement could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;
  const account = accounts.find((a) => String(a.id) === String(d.fundingAccountId));
  const drawdown = drawdownStatusLabel(d.status);
  const authorized = d.status !== 'FUNDING_NOT_INITIATED';
  const projectName = (p: Payout) => p.metadata.projectName ?? lookups.projects[String(p.metadata.projectId)] ?? String(p.metadata.projectId);
  const rows: PayoutRow[] = (d.payouts ?? []).map((payout) => ({ payout, project: projectName(payout) }));
  const fundingCompletedOn = history.find((e) => e.changed === 'Drawdown Status' && e.to === 'Funding Completed')?.date ?? null;

  const details = card(
    'Disbursement Details',
    fields([
      ['Disbursement Name', d.name],
      ['Funding Account', account?.nickname ?? '--'],
      ['Aggregate Disbursement Amount', formatCents(d.amount)],
      ['Created By', lookups.disbursementCreators[String(d.id)] ?? '--'],
    ]),
  );
  const general = h('div', { id: 'panel-general', role: 'tabpanel', 'aria-labelledby': 'tab-general' }, details);
  const gridHost = h('div', { class: 'grid-area grid-area-short' });
  if (authorized) {
    general.append(
      card(
        'Drawdown',
        fields([
          ['Drawdown Status', pill(drawdown, drawdownTone(drawdown))],
          ['Authorized On', formatDateTime(d.authorizedOn)],
          ['Funding Completed On', formatDateTime(fundingCompletedOn)],
          ['Status Message', d.statusMessage ?? '--'],
        ]),
      ),
      card('Payments', gridHost),
    );
  } else {
    general.append(card('Included Invoices', gridHost), authorizeBar(context, d));
  }

  const historyPanel = h('div', { id: 'panel-history', role: 'tabpanel', 'aria-labelledby': 'tab-history', hidden: true }, changeHistory(history));
  const tabs = pageTabs([
    { id: 'general', label: 'General', panel: general },
    { id: 'history', label: 'Change History', panel: historyPanel },
  ]);
  main.replaceChildren(
    h(
      'div',
      { class: 'detail-header' },
      routeLink(pagePath({ kind: 'disbursements', companyId: route.companyId, base: route.base }), '‹ Disbursements', { class: 'back-link' }),
      h('h2', { class: 'detail-title' }, `Disbursement #${d.disbursementIdentifier}`),
      pill(drawdown, drawdownTone(drawdown)),
    ),
    tabs,
    general,
    historyPanel,
  );

  const columns: GridColumn<PayoutRow>[] = authorized
    ? [
        { id: 'invoice_number', header: 'Invoice No.', text: (r) => r.payout.metadata.invoiceNumber, render: (r) => payoutInvoiceLink(r.payout), width: 140 },
        { id: 'beneficiary_name', header: 'Beneficiary Name', text: (r) => r.payout.metadata.receivingPaymentsCompanyName, width: 220 },
        { id: 'project', header: 'Project', text: (r) => r.project, width: 200 },
        { id: 'payment_amount', header: 'Payment Amount', text: (r) => formatCents(r.payout.amount), width: 160 },
        { id: 'payment_status', header: 'Payment Status', text: (r) => payoutStatusLabel(r.payout.status), width: 150 },
        { id: 'bank_id', header: 'Bank ID', text: (r) => r.payout.bankId, width: 110 },
        { id: 'check_number', header: 'Check No.', text: (r) => (r.payout.checkNumber === null ? '--' : String(r.payout.checkNumber)), width: 120 },
      ]
    : [
        { id: 'invoice_number', header: 'Invoice No.', text: (r) => r.payout.metadata.invoiceNumber, render: (r) => payoutInvoiceLink(r.payout), width: 140 },
        { id: 'beneficiary_name', header: 'Beneficiary Name', text: (r) => r.payout.metadata.receivingPaymentsCompanyName, width: 220 },
        { id: 'project', header: 'Project', text: (r) => r.project, width: 200 },
        { id: 'amount_due', header: 'Amount Due', text: (r) => formatCents(r.payout.metadata.dueAmount), width: 150 },
        { id: 'payment_amount', header: 'Payment Amount', text: (r) => formatCents(r.payout.amount), width: 160 },
      ];
  const grid = createDataGrid(gridHost, { columns, rowId: (r) => String(r.payout.id), rows, label: authorized ? 'Payments' : 'Included Invoices' });
  signal.addEventListener('abort', () => grid.destroy());
};

function authorizeBar({ route, navigate, announce }: ViewContext<Route>, d: Disbursement): HTMLElement {
  const button = h('button', { type: 'button', class: 'button button-primary' }, 'Authorize');
  const message = h('span', { class: 'inline-error', role: 'alert' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.textContent = '';
    try {
      await authorizeDisbursement(route.companyId, String(d.id));
      announce(`Disbursement #${d.disbursementIdentifier} was authorized.`, 'success');
      navigate(pagePath(route));
    } catch (error) {
      message.textContent = `Authorize failed: ${(error as Error).message}`;
      button.disabled = false;
    }
  });
  return h('div', { class: 'actions' }, button, message);
}

/** In-page tabs (General / Change History): a tablist, arrow keys move between tabs. */
function pageTabs(tabs: { id: string; label: string; panel: HTMLElement }[]): HTMLElement {
  const buttons = tabs.map((tab, i) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': tab.panel.id, 'aria-selected': String(i === 0), tabindex: i === 0 ? 0 : -1 }, tab.label),
  );
  const select = (index: number) => {
    buttons.forEach((button, i) => {
      button.setAttribute('aria-selected', String(i === index));
      button.tabIndex = i === index ? 0 : -1;
      (tabs[i] as { panel: HTMLElement }).panel.hidden = i !== index;
    });
    buttons[index]?.focus();
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(i));
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') select((i + 1) % buttons.length);
      if (event.key === 'ArrowLeft') select((i - 1 + buttons.length) % buttons.length);
    });
  });
  return h('div', { class: 'page-tabs', role: 'tablist', 'aria-label': 'Disbursement' }, ...buttons);
}

/** Change History columns: Date, Action By, Changed, From, To; blanks as "--". */
function changeHistory(entries: ChangeHistoryEntry[]): HTMLElement {
  return h(
    'table',
    { class: 'plain-table' },
    h('caption', {}, 'Change History'),
    h('thead', {}, h('tr', {}, ...['Date', 'Action By', 'Changed', 'From', 'To'].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...entries.map((e) => h('tr', {}, h('td', {}, formatDateTime(e.date)), ...[e.actionBy, e.changed, e.from, e.to].map((text) => h('td', {}, text || '--'))))),
  );
}
