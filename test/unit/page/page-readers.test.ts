// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readIncludedInvoices } from '../../../utils/page/disbursement-detail';
import { readDisbursementRows } from '../../../utils/page/disbursements-grid';
import { readFailedExportRows } from '../../../utils/page/failed-exports-grid';
import { readFundingAccountRows } from '../../../utils/page/funding-accounts-grid';
import { readPayableInvoiceRows } from '../../../utils/page/payable-invoices-grid';
import { readPayoutRows } from '../../../utils/page/payments-card-grid';
import { findAuthorizeButton } from '../../../utils/page/authorize-button';
import { DISBURSEMENT_COLUMNS, gridPage } from './ag-grid-page';
import { railsTable } from './rails-table-page';

beforeEach(() => document.body.replaceChildren());
const cols = (...labels: string[]) => labels.map((label) => ({ label }));

describe('Disbursements tab', () => {
  it('keys each row by its Disbursement No. and anchors beside Drawdown Status', () => {
    gridPage(document, {
      columns: cols(...DISBURSEMENT_COLUMNS),
      rows: [
        { 'Disbursement No.': 'D-1', 'Drawdown Status': 'Funding Completed' },
        { 'Disbursement No.': 'D-2', 'Drawdown Status': 'Funding Complete' },
        { 'Disbursement No.': 'D-3', 'Drawdown Status': 'Funding Requested' },
        { 'Disbursement No.': '', 'Drawdown Status': 'Draft' },
      ],
    });
    const read = readDisbursementRows(document);
    if (!read.ok) throw new Error(read.missing.join());
    expect(read.records.map((r) => [r.key, r.data.fundingComplete, r.anchor.textContent])).toEqual([
      ['D-1', true, 'Funding Completed'],
      ['D-2', true, 'Funding Complete'],
      ['D-3', false, 'Funding Requested'],
    ]);
  });

  it('draws once per record even if two rows claim the same number', () => {
    gridPage(document, {
      columns: cols('Disbursement No.', 'Drawdown Status'),
      rows: [
        { 'Disbursement No.': 'D-1', 'Drawdown Status': 'Funding Completed' },
        { 'Disbursement No.': 'D-1', 'Drawdown Status': 'Funding Completed' },
      ],
    });
    const read = readDisbursementRows(document);
    expect(read.ok && read.records.length).toBe(1);
  });
});

describe('Subcontractor Invoices tab', () => {
  it('reads the invoice id from its link, amounts in cents, and the selection', () => {
    gridPage(document, {
      columns: cols('Invoice #', 'Payment Readiness: Requirements', 'Payment Status', 'Beneficiary Name', 'Net Amount'),
      rows: [
        { 'Invoice #': { text: 'INV-2291', href: '/562/project/invoicing/4417' }, 'Beneficiary Name': 'Acme' },
        { 'Invoice #': { text: 'INV-9', href: 'https://us02.procore.com/webclients/host/companies/8089/projects/77/tools/invoicing/18' } },
        { 'Invoice #': 'INV-no-link' },
      ],
      selected: [1],
    });
    const read = readPayableInvoiceRows(document);
    if (!read.ok) throw new Error(read.missing.join());
    expect(read.records.map((r) => r.data)).toEqual([
      { invoiceId: '4417', projectId: '562', invoiceNumber: 'INV-2291', selected: false },
      { invoiceId: '18', projectId: '77', invoiceNumber: 'INV-9', selected: true },
    ]);
  });

  it("falls back on the row's record id (getRowId) when the invoice number has no link", () => {
    gridPage(document, { columns: cols('Invoice #'), rows: [{ 'Invoice #': 'INV-7' }, { 'Invoice #': 'INV-8' }], rowIds: ['4417', '1'] });
    const read = readPayableInvoiceRows(document);
    // Row 1's id equals its index: AG Grid's own node number, not a record id.
    expect(read.ok && read.records.map((r) => [r.key, r.data.invoiceNumber])).toEqual([['4417', 'INV-7']]);
  });

  it("reads a draft's Included Invoices card with its payment amounts", () => {
    gridPage(document, {
      columns: cols('Invoice No.', 'Beneficiary Name', 'Project', 'Amount Due', 'Payment Amount'),
      rows: [{ 'Invoice No.': { text: 'INV-1', href: '/5/project/invoicing/11' }, 'Amount Due': '$4,500.00', 'Payment Amount': '$2,000.00' }],
    });
    const button = document.createElement('button');
    button.textContent = ' Authorize ';
    document.body.append(button);
    const read = readIncludedInvoices(document);
    if (!read.ok) throw new Error(read.missing.join());
    expect(read.records[0]!.data).toEqual({ invoiceId: '11', projectId: '5', invoiceNumber: 'INV-1', amountDueCents: 450000, paymentAmountCents: 200000, selected: false });
    expect(findAuthorizeButton(document)).toBe(button);
  });
});

describe('disbursement detail', () => {
  it("reads the Payments card's payouts by Invoice No.", () => {
    gridPage(document, {
      columns: cols('Invoice No.', 'Beneficiary Name', 'Project', 'Payment Amount', 'Payment Status', 'Bank ID', 'Check No.'),
      rows: [{ 'Invoice No.': 'INV-1', 'Payment Status': 'Requested' }],
    });
    const read = readPayoutRows(document);
    expect(read.ok && read.records.map((r) => [r.key, r.data, r.anchor.textContent])).toEqual([
      ['INV-1', { invoiceNumber: 'INV-1', paymentStatus: 'Requested' }, 'Requested'],
    ]);
    // The authorized page is no draft, though its card has an Invoice No. column too.
    expect(readPayableInvoiceRows(document).ok).toBe(true);
    expect(readIncludedInvoices(document)).toEqual({ ok: false, missing: ['a draft (the Payments card shows: it is authorized)'] });
  });

  it('names what it looked for on an unknown layout', () => {
    gridPage(document, { columns: cols('Reference', 'State'), rows: [] });
    expect(readPayoutRows(document)).toEqual({ ok: false, missing: ['"Invoice No."', '"Payment Status"'] });
    expect(readIncludedInvoices(document)).toEqual({ ok: false, missing: [`the Included Invoices card's "Invoice No."`] });
  });
});

describe('ERP Integrations, Failed to Export', () => {
  it("finds the row's inputs, its Export button and keys it by its own row id", () => {
    gridPage(document, {
      columns: [
        { label: 'Beneficiary', pinned: 'left' },
        ...cols('Invoice No.', 'Disbursement No.', 'Amount', 'Check Number', 'Bank ID', 'Errors'),
        { label: '', pinned: 'right' },
      ],
      rows: [
        {
          Beneficiary: 'Acme',
          'Invoice No.': 'INV-1',
          'Disbursement No.': 'D-7',
          'Check Number': { input: '10042' },
          'Bank ID': { input: 'OPER' },
          Errors: 'Duplicate Document Number Error',
          '': { button: 'Export' },
        },
      ],
      layout: 'legacy',
      rowIds: ['cp_41'],
    });
    const read = readFailedExportRows(document);
    if (!read.ok) throw new Error(read.missing.join());
    const [record] = read.records;
    expect(record!.key).toBe('record cp_41');
    expect(record!.data).toMatchObject({ recordId: 'cp_41', disbursementNumber: 'D-7', invoiceNumber: 'INV-1', beneficiary: 'Acme' });
    expect(record!.data.checkNumberInput?.value).toBe('10042');
    expect(record!.data.bankIdInput?.value).toBe('OPER');
    expect(record!.data.exportButton?.textContent).toBe('Export');
    expect(record!.anchor.textContent).toBe('Duplicate Document Number Error');
  });
});

describe('ERP Integrations, Failed to Export, server-rendered', () => {
  it('reads each row of a plain table by its labels: ids, inputs, the form\'s Export and the red error', () => {
    railsTable(document, [
      { id: '901', payout: 'po-a', invoice: 'INV-1', check: '5003' },
      { id: '902', payout: 'po-b', invoice: 'INV-2', check: '5004' },
    ]);
    const read = readFailedExportRows(document);
    if (!read.ok) throw new Error(read.missing.join());
    expect(read.records.map((r) => r.key)).toEqual(['record 901', 'record 902']);
    const second = read.records[1]!.data;
    expect(second).toMatchObject({ payoutId: 'po-b', recordId: '902', invoiceNumber: 'INV-2', disbursementNumber: '', errorsText: 'The check number is already in use.' });
    expect(second.checkNumberInput?.value).toBe('5004');
    expect(second.exportButton?.type).toBe('submit');
    expect(read.records[1]!.anchor.textContent).toBe('The check number is already in use.');
  });

  it('is not recognised without its Errors column', () => {
    railsTable(document, []);
    document.querySelector('th:nth-child(6)')!.textContent = 'Status';
    const read = readFailedExportRows(document);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.missing).toContain('"Errors"');
  });
});

describe('funding accounts', () => {
  it("reads each account's id from its Edit link and its Next Check No.", () => {
    gridPage(document, {
      columns: cols('Nickname', 'Verification Status', 'Bank ID', 'Next Check No.', 'Default', 'Deactivated', ''),
      rows: [
        { Nickname: 'Operating', 'Bank ID': 'OPER', 'Next Check No.': '10,043', '': { text: 'Edit', href: '/8089/company/payments/settings/funding_accounts/fa_1/edit' } },
        { Nickname: 'No link', 'Bank ID': 'X', 'Next Check No.': '5' },
      ],
    });
    const read = readFundingAccountRows(document);
    expect(read.ok && read.records.map((r) => r.data)).toEqual([{ fundingAccountId: 'fa_1', bankId: 'OPER', nickname: 'Operating', nextCheckNumber: 10043 }]);
  });

  it("uses the row's record id where the row has no Edit link", () => {
    gridPage(document, { columns: cols('Nickname', 'Bank ID', 'Next Check No.'), rows: [{ Nickname: 'Payroll', 'Bank ID': 'PAY', 'Next Check No.': '200' }], rowIds: ['fa_2'] });
    const read = readFundingAccountRows(document);
    expect(read.ok && read.records.map((r) => r.key)).toEqual(['fa_2']);
  });
});
