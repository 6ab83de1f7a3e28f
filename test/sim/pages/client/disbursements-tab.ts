import { pagePath, type PageRoute } from '../page-route';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import { drawdownStatusLabel, formatCents, formatDateTime } from './format';
import type { GridColumn } from './grid-column';
import { errorBanner, loading, routeLink } from './page-parts';
import { loadDisbursements, loadFundingAccounts, loadLookups, type Lookups } from './records';
import type { Disbursement, FundingAccount } from './types';
import type { View } from './view';

type Route = Extract<PageRoute, { kind: 'disbursements' }>;

interface DisbursementRow {
  id: string;
  number: string;
  name: string;
  fundingAccount: string;
  amountCents: number;
  drawdownStatus: string;
  createdBy: string;
  createdAt: string;
  href: string;
}

const DRAWDOWN_STATUSES = ['Draft', 'Funding Requested', 'Funding Failed', 'Funding Completed'];
const DAY_MS = 86_400_000;

/** The Created On filter's ranges (PROCORE-UI-FACTS.md 1.2), as the earliest time each admits. */
const CREATED_ON: Record<string, (now: Date) => number> = {
  'Last 30 Days': (now) => now.getTime() - 30 * DAY_MS,
  'Last 60 Days': (now) => now.getTime() - 60 * DAY_MS,
  'Year to Date': (now) => new Date(now.getFullYear(), 0, 1).getTime(),
};

/** Payments tool, Disbursements tab: columns in Procore's documented order. */
export const disbursementsTab: View<Route> = async ({ route, main, signal }) => {
  main.append(loading('disbursements'));
  let disbursements: Disbursement[];
  let accounts: FundingAccount[];
  let lookups: Lookups;
  try {
    [disbursements, accounts, lookups] = await Promise.all([
      loadDisbursements(route.companyId),
      loadFundingAccounts(route.companyId),
      loadLookups(route.companyId),
    ]);
  } catch (error) {
    main.replaceChildren(errorBanner(`Disbursements could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;
  const nickname = new Map(accounts.map((a) => [String(a.id), a.nickname]));
  const all: DisbursementRow[] = disbursements.map((d) => ({
    id: String(d.id),
    number: String(d.disbursementIdentifier),
    name: d.name,
    fundingAccount: nickname.get(String(d.fundingAccountId)) ?? '--',
    amountCents: d.amount,
    drawdownStatus: drawdownStatusLabel(d.status),
    createdBy: lookups.disbursementCreators[String(d.id)] ?? '--',
    createdAt: d.createdAt,
    href: pagePath({ kind: 'disbursement', companyId: route.companyId, base: route.base, disbursementId: String(d.id) }),
  }));

  const columns: GridColumn<DisbursementRow>[] = [
    { id: 'disbursement_number', header: 'Disbursement No.', text: (r) => r.number, render: (r) => routeLink(r.href, r.number), pinned: 'left', width: 160 },
    { id: 'name', header: 'Name', text: (r) => r.name, width: 180 },
    { id: 'funding_account', header: 'Funding Account', text: (r) => r.fundingAccount, width: 150 },
    { id: 'aggregate_amount', header: 'Aggregate Disbursement Amount', text: (r) => formatCents(r.amountCents), width: 200 },
    { id: 'drawdown_status', header: 'Drawdown Status', text: (r) => r.drawdownStatus, width: 290 },
    { id: 'created_by', header: 'Created By', text: (r) => r.createdBy, width: 140 },
    { id: 'created_on', header: 'Created On', text: (r) => formatDateTime(r.createdAt), width: 190 },
  ];

  const statusFilter = h(
    'select',
    { id: 'filter-drawdown-status' },
    h('option', { value: '' }, 'All'),
    ...DRAWDOWN_STATUSES.map((s) => h('option', { value: s }, s)),
  );
  const accountFilter = h(
    'select',
    { id: 'filter-funding-account' },
    h('option', { value: '' }, 'All'),
    ...accounts.map((a) => h('option', { value: a.nickname }, a.nickname)),
  );
  const createdFilter = h(
    'select',
    { id: 'filter-created-on' },
    h('option', { value: '' }, 'All'),
    ...Object.keys(CREATED_ON).map((label) => h('option', { value: label }, label)),
  );
  const count = h('span', { class: 'count', 'aria-live': 'polite' });
  const gridHost = h('div', { class: 'grid-area' });
  main.replaceChildren(
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Filters' },
      h('label', { for: 'filter-created-on' }, 'Created On'),
      createdFilter,
      h('label', { for: 'filter-funding-account' }, 'Funding Account'),
      accountFilter,
      h('label', { for: 'filter-drawdown-status' }, 'Drawdown Status'),
      statusFilter,
      count,
    ),
    gridHost,
  );
  const visible = () => {
    const since = CREATED_ON[createdFilter.value]?.(new Date()) ?? -Infinity;
    return all.filter(
      (r) =>
        (!statusFilter.value || r.drawdownStatus === statusFilter.value) &&
        (!accountFilter.value || r.fundingAccount === accountFilter.value) &&
        Date.parse(r.createdAt) >= since,
    );
  };
  const grid = createDataGrid(gridHost, { columns, rowId: (r) => r.id, rows: visible(), label: 'Disbursements' });
  const refresh = () => {
    const rows = visible();
    grid.setRows(rows);
    count.textContent = `${rows.length} disbursement${rows.length === 1 ? '' : 's'}`;
  };
  statusFilter.addEventListener('change', refresh);
  createdFilter.addEventListener('change', refresh);
  accountFilter.addEventListener('change', refresh);
  count.textContent = `${all.length} disbursement${all.length === 1 ? '' : 's'}`;
  signal.addEventListener('abort', () => grid.destroy());
};
