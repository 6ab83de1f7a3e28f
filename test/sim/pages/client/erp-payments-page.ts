import { ERP_VIEWS, pagePath, type ErpView, type PageRoute } from '../page-route';
import { ApiError } from './api';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import { formatCents, formatDate, parseDollars } from './format';
import type { DataGrid, GridColumn } from './grid-column';
import { errorBanner, loading, pill, routeLink } from './page-parts';
import { exportErpRow, loadErpRows } from './records';
import type { ErpRow } from './types';
import type { View, ViewContext } from './view';

type Route = Extract<PageRoute, { kind: 'erp_payments' }>;

const VIEW_LABELS: Record<ErpView, string> = {
  ready_to_export: 'Ready to Export',
  failed_to_export: 'Failed to Export',
  synced: 'Synced',
  archived: 'Archived',
};
const VIEW_OF: Record<ErpRow['export_status'], ErpView> = { exporting: 'ready_to_export', failed: 'failed_to_export', synced: 'synced' };
const POLL_MS = 1500;
const MAX_POLLS = 400;

interface PaymentRecord {
  row: ErpRow;
  /** What the user typed into the row's inputs (kept across redraws). */
  checkNumberDraft: string;
  bankIdDraft: string;
  phase: 'idle' | 'exporting';
  /** An Export the server refused, in its words. */
  actionError: string | null;
}

const amountText = (row: ErpRow) => {
  const cents = parseDollars(row.amount);
  return cents === null ? row.amount : formatCents(cents);
};

/**
 * ERP Integrations tool, Procore Pay payment records as an AG Grid (`--erp-tab grid`), with the
 * right-hand Views links. In Failed to Export the Check Number and Bank ID fields are editable,
 * the Errors column holds the ERP's RED message, and Export posts to the tool's own endpoint with
 * the page's CSRF token; the row then follows its new export (PROCORE-UI-FACTS.md 2.2-2.4).
 */
export const erpPaymentsPage: View<Route> = async (context) => {
  const { route, main, signal } = context;
  main.append(loading('payment records'));
  let records: PaymentRecord[];
  try {
    records = (await loadErpRows(route.companyId)).map((row) => ({ row, checkNumberDraft: row.check_number ?? '', bankIdDraft: row.bank_id, phase: 'idle' as const, actionError: null }));
  } catch (error) {
    main.replaceChildren(errorBanner(`Payment records could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;

  const inView = records.filter((r) => VIEW_OF[r.row.export_status] === route.view);
  const gridHost = h('div', { class: 'grid-area' });
  const views = h(
    'nav',
    { class: 'views', 'aria-label': 'Views' },
    h('h2', {}, 'Views'),
    h(
      'ul',
      {},
      ...ERP_VIEWS.map((view) => {
        const count = records.filter((r) => VIEW_OF[r.row.export_status] === view).length;
        const link = routeLink(pagePath({ ...route, view }), `${VIEW_LABELS[view]} (${count})`);
        if (view === route.view) link.setAttribute('aria-current', 'page');
        return h('li', {}, link);
      }),
    ),
  );
  main.replaceChildren(
    h('div', { class: 'with-views' }, h('div', { class: 'views-content' }, h('h2', { class: 'section-title' }, `Payments: ${VIEW_LABELS[route.view]}`), gridHost), views),
  );

  let grid: DataGrid<PaymentRecord> | null = null;
  const refresh = (record: PaymentRecord) => grid?.refreshRow(record);
  const columns = columnsFor(route.view, (record) => exportRecord(context, record, refresh));
  grid = createDataGrid(gridHost, { columns, rowId: (r) => r.row.id, rows: inView, label: `Payments, ${VIEW_LABELS[route.view]}`, rowHeight: route.view === 'failed_to_export' ? 56 : 42 });
  signal.addEventListener('abort', () => grid?.destroy());
};

function columnsFor(view: ErpView, onExport: (record: PaymentRecord) => void): GridColumn<PaymentRecord>[] {
  const base: GridColumn<PaymentRecord>[] = [
    { id: 'beneficiary', header: 'Beneficiary', text: (r) => r.row.vendor_name ?? '--', width: 160 },
    { id: 'invoice_number', header: 'Invoice No.', text: (r) => r.row.invoice_number ?? '--', width: 110 },
    { id: 'project', header: 'Project', text: (r) => r.row.project_name ?? '--', width: 160 },
    { id: 'payment_date', header: 'Payment Date', text: (r) => formatDate(r.row.date), width: 120 },
    { id: 'amount', header: 'Amount', text: (r) => amountText(r.row), width: 110 },
  ];
  if (view !== 'failed_to_export') {
    return [
      ...base,
      { id: 'check_number', header: 'Check Number', text: (r) => r.row.check_number ?? '--', width: 130 },
      { id: 'bank_id', header: 'Bank ID', text: (r) => r.row.bank_id, width: 110 },
      { id: 'status', header: 'Status', text: (r) => (r.row.export_status === 'synced' ? 'Synced' : 'Export in progress'), width: 170 },
    ];
  }
  return [
    ...base,
    { id: 'check_number', header: 'Check Number', text: (r) => r.checkNumberDraft, render: (r) => draftInput(r, 'checkNumberDraft', 'Check Number', 'numeric'), width: 110, interactive: true },
    { id: 'bank_id', header: 'Bank ID', text: (r) => r.bankIdDraft, render: (r) => draftInput(r, 'bankIdDraft', 'Bank ID', 'text'), width: 95, interactive: true },
    { id: 'errors', header: 'Errors', text: (r) => errorsText(r), render: (r) => errorsCell(r), width: 320, flex: 1, autoHeight: true },
    {
      id: 'export',
      header: 'Actions',
      headerHidden: true,
      text: () => 'Export',
      render: (r) => {
        const button = h('button', { type: 'button', class: 'button button-primary button-small', 'aria-label': `Export ${r.row.invoice_number ?? ''} to ERP` }, r.phase === 'exporting' ? 'Exporting…' : 'Export');
        button.disabled = r.phase === 'exporting' || r.row.export_status === 'synced';
        button.addEventListener('click', () => onExport(r));
        return button;
      },
      width: 104,
      interactive: true,
    },
  ];
}

function errorsText(record: PaymentRecord): string {
  if (record.actionError) return record.actionError;
  if (record.phase === 'exporting' || record.row.export_status === 'exporting') return 'Export in progress';
  if (record.row.export_status === 'synced') return 'Synced';
  return record.row.errors.join(' ');
}

function errorsCell(record: PaymentRecord): HTMLElement {
  const text = errorsText(record);
  if (record.phase !== 'exporting' && (record.actionError !== null || record.row.export_status === 'failed')) return h('span', { class: 'error-text' }, text);
  if (record.row.export_status === 'synced') return pill('Synced', 'success');
  return h('span', { class: 'progress-text', role: 'status' }, text);
}

function draftInput(record: PaymentRecord, field: 'checkNumberDraft' | 'bankIdDraft', label: string, mode: 'numeric' | 'text'): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    class: 'cell-input',
    inputmode: mode,
    value: record[field],
    'aria-label': `${label} for ${record.row.invoice_number ?? ''}`,
    name: field === 'checkNumberDraft' ? 'check_number' : 'bank_id',
  });
  input.disabled = record.phase === 'exporting' || record.row.export_status === 'synced';
  input.addEventListener('input', () => {
    record[field] = input.value;
  });
  return input;
}

/** Export: Procore checks the values and refuses a record already exported or exporting, in words. */
async function exportRecord({ route, announce, signal }: ViewContext<Route>, record: PaymentRecord, refresh: (r: PaymentRecord) => void): Promise<void> {
  record.phase = 'exporting';
  record.actionError = null;
  refresh(record);
  try {
    record.row = await exportErpRow(route.companyId, record.row.id, { check_number: record.checkNumberDraft.trim(), bank_id: record.bankIdDraft.trim() });
  } catch (error) {
    record.phase = 'idle';
    record.actionError = `Export failed: ${error instanceof ApiError ? error.message : String(error)}`;
    refresh(record);
    announce(record.actionError, 'error');
    return;
  }
  refresh(record);
  for (let poll = 0; poll < MAX_POLLS && !signal.aborted && record.row.export_status === 'exporting'; poll++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      const latest = (await loadErpRows(route.companyId)).find((row) => row.id === record.row.id);
      if (latest) record.row = latest;
    } catch {
      // A missed poll (rate limit, load) is retried on the next beat; the row keeps its state.
    }
  }
  record.phase = 'idle';
  refresh(record);
  const invoice = record.row.invoice_number ?? 'The payment record';
  if (record.row.export_status === 'synced') announce(`${invoice} was exported to the ERP.`, 'success');
  else if (record.row.export_status === 'failed') announce(`${invoice} failed to export again.`, 'error');
}
