import { type PageRoute } from '../page-route';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import { formatCents } from './format';
import type { GridColumn } from './grid-column';
import { newDisbursementPanel } from './new-disbursement-panel';
import { errorBanner, invoiceLink, loading } from './page-parts';
import { loadFundingAccounts, loadInvoices, type InvoiceRow } from './records';
import type { View } from './view';

type Route = Extract<PageRoute, { kind: 'invoices' }>;

const payable = (row: InvoiceRow) => row.amountDue > 0 && row.invoiceStatus === 'Approved';

/**
 * Payments tool, Subcontractor Invoices tab (the tool's default tab): tick invoices and
 * **Add to Disbursement** opens the New Disbursement panel (PROCORE-UI-FACTS.md 1.5, 1.6).
 */
export const invoicesTab: View<Route> = async (context) => {
  const { route, main, signal } = context;
  main.append(loading('subcontractor invoices'));
  let invoices: InvoiceRow[];
  try {
    // Invoices that can be paid first, as the tab's default "Unpaid" focus puts them.
    const all = await loadInvoices(route.companyId);
    invoices = [...all.filter(payable), ...all.filter((row) => !payable(row))];
  } catch (error) {
    main.replaceChildren(errorBanner(`Subcontractor invoices could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;

  const columns: GridColumn<InvoiceRow>[] = [
    { id: 'invoice_number', header: 'Invoice #', text: (r) => r.invoiceNumber, render: (r) => invoiceLink(r.projectId, r.id, r.invoiceNumber), width: 150 },
    { id: 'requirements', header: 'Payment Readiness: Requirements', text: (r) => `${r.requirementsComplete}/${r.requirementsTotal}`, width: 150 },
    { id: 'holds', header: 'Payment Readiness: Holds', text: (r) => String(r.holds), width: 120 },
    { id: 'payment_status', header: 'Payment Status', text: (r) => r.paymentStatus, width: 140 },
    { id: 'disbursement_number', header: 'Disbursement No.', text: (r) => (r.disbursementNumber === null ? '--' : String(r.disbursementNumber)), width: 150 },
    { id: 'invoice_status', header: 'Invoice Status', text: (r) => r.invoiceStatus, width: 130 },
    { id: 'beneficiary_name', header: 'Beneficiary Name', text: (r) => r.beneficiaryName, width: 220 },
    { id: 'beneficiary_account_status', header: 'Beneficiary Account Status', text: (r) => r.beneficiaryAccountStatus, width: 150 },
    { id: 'project', header: 'Project', text: (r) => r.projectName, width: 200 },
    { id: 'billing_period', header: 'Billing Period', text: (r) => r.billingPeriod, width: 200 },
    { id: 'gross_amount', header: 'Gross Amount', text: (r) => formatCents(r.grossAmount), width: 140 },
    { id: 'net_amount', header: 'Net Amount', text: (r) => formatCents(r.netAmount), width: 140 },
    { id: 'paid_amount', header: 'Paid Amount', text: (r) => formatCents(r.paidAmount), width: 140 },
    { id: 'amount_due', header: 'Amount Due', text: (r) => formatCents(r.amountDue), width: 140 },
    { id: 'contract', header: 'Contract', text: (r) => r.contractNumber, width: 120 },
  ];

  const addButton = h('button', { type: 'button', class: 'button button-primary', disabled: true, id: 'add-to-disbursement' }, 'Add to Disbursement');
  const selectedCount = h('span', { class: 'count', 'aria-live': 'polite' }, 'No invoices selected');
  const gridHost = h('div', { class: 'grid-area' });
  const panelSlot = h('div', { class: 'panel-slot' });
  main.replaceChildren(
    h('div', { class: 'toolbar' }, addButton, selectedCount),
    h('div', { class: 'with-panel' }, gridHost, panelSlot),
  );
  const grid = createDataGrid(gridHost, {
    columns,
    rowId: (r) => r.id,
    rows: invoices,
    label: 'Subcontractor Invoices',
    selectable: payable,
    onSelectionChanged(selected) {
      addButton.disabled = selected.length === 0;
      selectedCount.textContent = selected.length ? `${selected.length} invoice${selected.length === 1 ? '' : 's'} selected` : 'No invoices selected';
    },
  });
  addButton.addEventListener('click', async () => {
    addButton.disabled = true;
    try {
      const accounts = await loadFundingAccounts(route.companyId);
      panelSlot.replaceChildren(
        newDisbursementPanel(context, grid.selected(), accounts, () => {
          panelSlot.replaceChildren();
          addButton.disabled = grid.selected().length === 0;
          addButton.focus();
        }),
      );
    } catch (error) {
      panelSlot.replaceChildren(errorBanner(`Funding accounts could not be loaded: ${(error as Error).message}`));
      addButton.disabled = false;
    }
  });
  signal.addEventListener('abort', () => grid.destroy());
};
