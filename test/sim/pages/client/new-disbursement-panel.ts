import type { FundingAccount } from './types';
import { pagePath, type PageRoute } from '../page-route';
import { h } from './dom';
import { formatCents, parseDollars } from './format';
import { createDataGrid } from './data-grid';
import type { DataGrid, GridColumn } from './grid-column';
import { invoiceLink, pill } from './page-parts';
import { createDisbursement, type InvoiceRow } from './records';
import type { ViewContext } from './view';

interface Line {
  invoice: InvoiceRow;
  paymentAmount: number;
  notes: string;
}

/**
 * The New Disbursement panel on the right of the Subcontractor Invoices tab:
 * #1 Review Invoices (Payment Amount link → Update Payment Amount window, for partial payments),
 * #2 Select Funding Account, #3 Authorize.
 */
export function newDisbursementPanel(
  context: ViewContext<Extract<PageRoute, { kind: 'invoices' }>>,
  invoices: InvoiceRow[],
  accounts: FundingAccount[],
  onClose: () => void,
): HTMLElement {
  const lines: Line[] = invoices.map((invoice) => ({ invoice, paymentAmount: invoice.amountDue, notes: '' }));
  const usable = accounts.filter((a) => !a.deactivated);
  const body = h('div', { class: 'panel-body' });
  const error = h('p', { class: 'inline-error', role: 'alert' });
  const close = h('button', { type: 'button', class: 'button button-plain', 'aria-label': 'Close New Disbursement' }, '✕');
  close.addEventListener('click', () => {
    reviewGrid?.destroy();
    onClose();
  });
  const panel = h(
    'aside',
    { class: 'side-panel', 'aria-labelledby': 'new-disbursement-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'new-disbursement-title' }, 'New Disbursement'), close),
    body,
    error,
  );

  const accountSelect = h(
    'select',
    { id: 'funding-account-select' },
    ...usable.map((a) => h('option', { value: String(a.id), selected: a.isDefault }, `${a.nickname} (${a.bankId})`)),
  );
  const nameInput = h('input', { id: 'disbursement-name', type: 'text', required: true, value: `Disbursement ${new Date().toLocaleDateString('en-US')}` });

  // #1 Review Invoices is a grid like Procore's (Invoice No. links, Payment Amount links), so
  // the extension reads partial amounts here as it would on Procore.
  let reviewGrid: DataGrid<Line> | null = null;
  const total = h('p', { class: 'total', 'aria-live': 'polite' });
  const showTotal = () => (total.textContent = `Total: ${formatCents(lines.reduce((sum, l) => sum + l.paymentAmount, 0))}`);
  const reviewColumns: GridColumn<Line>[] = [
    { id: 'invoice_number', header: 'Invoice No.', text: (l) => l.invoice.invoiceNumber, render: (l) => invoiceLink(l.invoice.projectId, l.invoice.id, l.invoice.invoiceNumber), width: 110 },
    { id: 'beneficiary_name', header: 'Beneficiary Name', text: (l) => l.invoice.beneficiaryName, width: 140 },
    { id: 'amount_due', header: 'Amount Due', text: (l) => formatCents(l.invoice.amountDue), width: 120 },
    {
      id: 'payment_amount',
      header: 'Payment Amount',
      text: (l) => formatCents(l.paymentAmount),
      render: (line) => {
        const link = h('button', { type: 'button', class: 'link-button', 'aria-label': `Payment Amount of ${line.invoice.invoiceNumber}: ${formatCents(line.paymentAmount)}` }, formatCents(line.paymentAmount));
        link.addEventListener('click', () =>
          openUpdatePaymentAmount(line, () => {
            reviewGrid?.refreshRow(line);
            showTotal();
          }),
        );
        return h('span', {}, link, line.paymentAmount < line.invoice.amountDue ? pill('Partial Payment', 'warning') : null);
      },
      width: 220,
      flex: 1,
      interactive: true,
    },
  ];
  const reviewStep = () => {
    const host = h('div', { class: 'review-grid', style: `height:${Math.min(320, 52 + lines.length * 42)}px` });
    reviewGrid?.destroy();
    reviewGrid = createDataGrid(host, { columns: reviewColumns, rowId: (l) => l.invoice.id, rows: lines, label: 'Review Invoices' });
    showTotal();
    return [h('h3', {}, '#1 Review Invoices'), host, total];
  };
  const accountStep = () => [
    h('h3', {}, '#2 Select Funding Account'),
    h('label', { for: 'disbursement-name' }, 'Disbursement Name'),
    nameInput,
    h('label', { for: 'funding-account-select' }, 'Select a Funding Account'),
    accountSelect,
  ];
  const authorizeStep = () => [
    h('h3', {}, '#3 Authorize'),
    h('p', {}, `${lines.length} invoice payment${lines.length === 1 ? '' : 's'}, ${formatCents(lines.reduce((sum, l) => sum + l.paymentAmount, 0))}, from ${accountSelect.selectedOptions[0]?.textContent ?? '--'}.`),
  ];

  const submit = async (authorize: boolean, buttons: HTMLButtonElement[]) => {
    buttons.forEach((b) => (b.disabled = true));
    error.textContent = '';
    try {
      const created = await createDisbursement(context.route.companyId, {
        name: nameInput.value,
        fundingAccountId: accountSelect.value,
        payments: lines.map((l) => ({ invoiceId: l.invoice.id, paymentAmount: l.paymentAmount, notes: l.notes })),
        authorize,
      });
      context.announce(authorize ? 'The disbursement was authorized.' : 'The disbursement was saved as a Draft.', 'success');
      context.navigate(pagePath({ kind: 'disbursement', companyId: context.route.companyId, base: context.route.base, disbursementId: created.id }));
    } catch (e) {
      error.textContent = `Failed to Create Disbursement: ${(e as Error).message}`;
      buttons.forEach((b) => (b.disabled = false));
    }
  };

  const step = (n: 1 | 2 | 3) => {
    error.textContent = '';
    if (n !== 1) {
      reviewGrid?.destroy();
      reviewGrid = null;
    }
    const content = n === 1 ? reviewStep() : n === 2 ? accountStep() : authorizeStep();
    const nav = h('div', { class: 'actions' });
    if (n > 1) {
      const back = h('button', { type: 'button', class: 'button' }, 'Back');
      back.addEventListener('click', () => step((n - 1) as 1 | 2));
      nav.append(back);
    }
    if (n < 3) {
      const next = h('button', { type: 'button', class: 'button button-primary' }, 'Continue');
      next.addEventListener('click', () => {
        if (n === 2 && !nameInput.value.trim()) {
          error.textContent = 'Enter a Disbursement Name.';
          return;
        }
        if (n === 2 && !accountSelect.value) {
          error.textContent = 'There is no active funding account to pay from.';
          return;
        }
        step((n + 1) as 2 | 3);
      });
      nav.append(next);
    } else {
      const draft = h('button', { type: 'button', class: 'button' }, 'Save as Draft');
      const authorize = h('button', { type: 'button', class: 'button button-primary' }, 'Authorize');
      draft.addEventListener('click', () => submit(false, [draft, authorize]));
      authorize.addEventListener('click', () => submit(true, [draft, authorize]));
      nav.append(draft, authorize);
    }
    body.replaceChildren(...content, nav);
  };
  step(1);
  return panel;
}

/** The Update Payment Amount window: Payment Amount (at most the Amount Due), Notes, Update. */
function openUpdatePaymentAmount(line: Line, onUpdated: () => void): void {
  const amount = h('input', { id: 'payment-amount-input', type: 'text', inputmode: 'decimal', value: formatCents(line.paymentAmount) });
  const notes = h('textarea', { id: 'payment-notes', rows: 3 }, line.notes);
  const error = h('p', { class: 'inline-error', role: 'alert' });
  const update = h('button', { type: 'submit', class: 'button button-primary' }, 'Update');
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const dialog = h(
    'dialog',
    { class: 'modal', 'aria-labelledby': 'update-payment-amount-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'update-payment-amount-title' }, 'Update Payment Amount'),
      h('p', {}, `${line.invoice.invoiceNumber} · Amount Due ${formatCents(line.invoice.amountDue)}`),
      h('label', { for: 'payment-amount-input' }, 'Payment Amount'),
      amount,
      h('label', { for: 'payment-notes' }, 'Notes'),
      notes,
      error,
      h('div', { class: 'actions' }, cancel, update),
    ),
  );
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  update.addEventListener('click', (event) => {
    event.preventDefault();
    const cents = parseDollars(amount.value);
    if (cents === null || cents <= 0) {
      error.textContent = 'Invoice payments must be a positive amount.';
      return;
    }
    if (cents > line.invoice.amountDue) {
      error.textContent = `Entries must be less than or equal to the Amount Due (${formatCents(line.invoice.amountDue)}).`;
      return;
    }
    line.paymentAmount = cents;
    line.notes = notes.value;
    dialog.close();
    onUpdated();
  });
  document.body.append(dialog);
  dialog.showModal();
  amount.select();
}
