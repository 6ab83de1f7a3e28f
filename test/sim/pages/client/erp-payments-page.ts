import { isFundingComplete, type Payout } from '../../../../utils/domain/schemas/disbursement';
import type { RequestDetail } from '../../../../utils/domain/schemas/request-detail';
import { ERP_VIEWS, pagePath, type ErpView, type PageRoute } from '../page-route';
import { ApiError } from './api';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import { formatCents, formatDateTime } from './format';
import type { DataGrid, GridColumn } from './grid-column';
import { errorBanner, loading, pill, routeLink } from './page-parts';
import { exportPayout, latestByPayout, loadDisbursements, loadErpSettings, loadRequestDetails } from './records';
import type { View, ViewContext } from './view';

type Route = Extract<PageRoute, { kind: 'erp_payments' }>;

const VIEW_LABELS: Record<ErpView, string> = {
  ready_to_export: 'Ready to Export',
  failed_to_export: 'Failed to Export',
  synced: 'Synced',
  archived: 'Archived',
};
const POLL_MS = 1500;
const MAX_POLLS = 400;

interface PaymentRecord {
  payout: Payout;
  disbursementNumber: string;
  latest: RequestDetail | null;
  /** What the user typed into the row's inputs (kept across redraws). */
  checkNumberDraft: string;
  bankIdDraft: string;
  phase: 'idle' | 'exporting';
  /** An Export the server refused (409/422), in its words. */
  actionError: string | null;
}

function viewOf(record: PaymentRecord): ErpView | null {
  const status = record.latest?.status;
  if (status === 'failed' || status === 'stale') return 'failed_to_export';
  if (status === 'success') return 'synced';
  return 'ready_to_export';
}

/**
 * ERP Integrations tool, Procore Pay payment records, with the right-hand Views links. In
 * Failed to Export the Check Number and Bank ID fields are editable, the Errors column holds the
 * ERP's RED message, and Export calls the contract's export endpoint; the row then shows the
 * new result (PROCORE-UI-FACTS.md 2.2-2.4).
 */
export const erpPaymentsPage: View<Route> = async (context) => {
  const { route, main, signal } = context;
  main.append(loading('payment records'));
  let records: PaymentRecord[];
  let syncEnabled = true;
  try {
    const [disbursements, details, settings] = await Promise.all([
      loadDisbursements(route.companyId),
      loadRequestDetails(route.companyId),
      loadErpSettings(route.companyId),
    ]);
    const latest = latestByPayout(details);
    syncEnabled = settings.payment_sync_enabled;
    records = disbursements
      // With payment record syncing off, Procore exports nothing: only records it ever tried remain.
      .filter((d) => isFundingComplete(d.status))
      .flatMap((d) =>
        d.payouts.map((payout) => ({
          payout,
          disbursementNumber: d.disbursementIdentifier,
          latest: latest.get(String(payout.id)) ?? null,
          checkNumberDraft: payout.checkNumber === null ? '' : String(payout.checkNumber),
          bankIdDraft: payout.bankId,
          phase: 'idle' as const,
          actionError: null,
        })),
      )
      .filter((record) => syncEnabled || record.latest !== null);
  } catch (error) {
    main.replaceChildren(errorBanner(`Payment records could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;

  const inView = records.filter((r) => viewOf(r) === route.view);
  const gridHost = h('div', { class: 'grid-area' });
  const views = h(
    'nav',
    { class: 'views', 'aria-label': 'Views' },
    h('h2', {}, 'Views'),
    h(
      'ul',
      {},
      ...ERP_VIEWS.map((view) => {
        const count = records.filter((r) => viewOf(r) === view).length;
        const link = routeLink(pagePath({ ...route, view }), `${VIEW_LABELS[view]} (${count})`);
        if (view === route.view) link.setAttribute('aria-current', 'page');
        return h('li', {}, link);
      }),
    ),
  );
  main.replaceChildren(
    h(
      'div',
      { class: 'with-views' },
      h(
        'div',
        { class: 'views-content' },
        h('h2', { class: 'section-title' }, `Payments: ${VIEW_LABELS[route.view]}`),
        syncEnabled ? null : h('div', { class: 'banner banner-info', role: 'status' }, 'Payment record syncing is not enabled for this company: Procore Pay payments are not exported to the ERP.'),
        gridHost,
      ),
      views,
    ),
  );

  let grid: DataGrid<PaymentRecord> | null = null;
  const refresh = (record: PaymentRecord) => grid?.refreshRow(record);
  const columns = columnsFor(route.view, (record) => exportRecord(context, record, refresh));
  grid = createDataGrid(gridHost, { columns, rowId: (r) => String(r.payout.id), rows: inView, label: `Payments, ${VIEW_LABELS[route.view]}`, rowHeight: route.view === 'failed_to_export' ? 56 : 42 });
  signal.addEventListener('abort', () => grid?.destroy());
};

function columnsFor(view: ErpView, onExport: (record: PaymentRecord) => void): GridColumn<PaymentRecord>[] {
  const base: GridColumn<PaymentRecord>[] = [
    { id: 'beneficiary', header: 'Beneficiary', text: (r) => r.payout.metadata.beneficiaryName, width: 140 },
    { id: 'invoice_number', header: 'Invoice No.', text: (r) => r.payout.metadata.invoiceNumber, width: 110 },
    { id: 'disbursement_number', header: 'Disbursement No.', text: (r) => r.disbursementNumber, width: 130 },
    { id: 'amount', header: 'Amount', text: (r) => formatCents(r.payout.amount), width: 110 },
  ];
  if (view !== 'failed_to_export') {
    return [
      ...base,
      { id: 'check_number', header: 'Check Number', text: (r) => (r.payout.checkNumber === null ? '--' : String(r.payout.checkNumber)), width: 140 },
      { id: 'bank_id', header: 'Bank ID', text: (r) => r.payout.bankId, width: 110 },
      { id: 'status', header: 'Status', text: (r) => statusText(r), width: 160 },
      { id: 'updated_at', header: 'Last Updated', text: (r) => formatDateTime(r.latest?.updated_at), width: 190 },
    ];
  }
  return [
    ...base,
    {
      id: 'check_number',
      header: 'Check Number',
      text: (r) => r.checkNumberDraft,
      render: (r) => draftInput(r, 'checkNumberDraft', 'Check Number', 'numeric'),
      width: 110,
      interactive: true,
    },
    {
      id: 'bank_id',
      header: 'Bank ID',
      text: (r) => r.bankIdDraft,
      render: (r) => draftInput(r, 'bankIdDraft', 'Bank ID', 'text'),
      width: 95,
      interactive: true,
    },
    { id: 'errors', header: 'Errors', text: (r) => errorsText(r), render: (r) => errorsCell(r), width: 320, flex: 1, autoHeight: true },
    {
      id: 'export',
      header: 'Actions',
      headerHidden: true,
      text: () => 'Export',
      render: (r) => {
        const button = h('button', { type: 'button', class: 'button button-primary button-small', 'aria-label': `Export ${r.payout.metadata.invoiceNumber} to ERP` }, r.phase === 'exporting' ? 'Exporting…' : 'Export');
        button.disabled = r.phase === 'exporting' || r.latest?.status === 'success';
        button.addEventListener('click', () => onExport(r));
        return button;
      },
      width: 104,
      interactive: true,
    },
  ];
}

function statusText(record: PaymentRecord): string {
  switch (record.latest?.status) {
    case 'success':
      return 'Synced';
    case 'in_progress':
      return 'Export in progress';
    case 'failed':
    case 'stale':
      return 'Failed to Export';
    default:
      return 'Ready to Export';
  }
}

function errorsText(record: PaymentRecord): string {
  if (record.actionError) return record.actionError;
  if (record.phase === 'exporting' || record.latest?.status === 'in_progress') return 'Export in progress';
  if (record.latest?.status === 'success') return 'Synced';
  if (record.latest?.status === 'stale') return record.latest.messages.join(' ') || 'The ERP connector did not respond.';
  return record.latest?.messages.join(' ') ?? '';
}

function errorsCell(record: PaymentRecord): HTMLElement {
  const text = errorsText(record);
  const status = record.latest?.status;
  const failed = record.phase !== 'exporting' && (record.actionError !== null || status === 'failed' || status === 'stale');
  if (failed) return h('span', { class: 'error-text' }, text);
  if (status === 'success') return pill('Synced', 'success');
  return h('span', { class: 'progress-text', role: 'status' }, text);
}

function draftInput(record: PaymentRecord, field: 'checkNumberDraft' | 'bankIdDraft', label: string, mode: 'numeric' | 'text'): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    class: 'cell-input',
    inputmode: mode,
    value: record[field],
    'aria-label': `${label} for ${record.payout.metadata.invoiceNumber}`,
    name: field === 'checkNumberDraft' ? 'check_number' : 'bank_id',
  });
  input.disabled = record.phase === 'exporting' || record.latest?.status === 'success';
  input.addEventListener('input', () => {
    record[field] = input.value;
  });
  return input;
}

async function exportRecord({ route, announce, signal }: ViewContext<Route>, record: PaymentRecord, refresh: (r: PaymentRecord) => void): Promise<void> {
  const checkText = record.checkNumberDraft.trim();
  const bankId = record.bankIdDraft.trim();
  const checkNumber = Number(checkText);
  if (!/^\d+$/.test(checkText) || !Number.isSafeInteger(checkNumber) || checkNumber <= 0) {
    record.actionError = 'Check Number must be a positive whole number.';
    refresh(record);
    return;
  }
  if (!bankId) {
    record.actionError = 'Bank ID is required.';
    refresh(record);
    return;
  }
  const body: { check_number?: number; bank_id?: string } = {};
  if (checkNumber !== record.payout.checkNumber) body.check_number = checkNumber;
  if (bankId !== record.payout.bankId) body.bank_id = bankId;
  record.phase = 'exporting';
  record.actionError = null;
  refresh(record);
  try {
    record.latest = await exportPayout(route.companyId, String(record.payout.id), body);
    record.payout = { ...record.payout, checkNumber, bankId };
  } catch (error) {
    record.phase = 'idle';
    record.actionError = error instanceof ApiError ? `Export failed: ${error.message}` : `Export failed: ${String(error)}`;
    refresh(record);
    return;
  }
  refresh(record);
  for (let poll = 0; poll < MAX_POLLS && !signal.aborted && record.latest?.status === 'in_progress'; poll++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      const latest = latestByPayout(await loadRequestDetails(route.companyId, [String(record.payout.id)])).get(String(record.payout.id));
      if (latest) record.latest = latest;
    } catch {
      // A missed poll (rate limit, load) is retried on the next beat; the row keeps its state.
    }
  }
  record.phase = 'idle';
  refresh(record);
  const status = record.latest?.status;
  if (status === 'success') announce(`${record.payout.metadata.invoiceNumber} was exported to the ERP.`, 'success');
  else if (status === 'failed' || status === 'stale') announce(`${record.payout.metadata.invoiceNumber} failed to export again.`, 'error');
}
