// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreflightIssue } from '../../../utils/messaging';
import { HOST_ATTRIBUTE } from '../../../utils/overlay/row-host';
import { gridPage } from '../page/ag-grid-page';
import { fakeBackend, hostTexts, rootShadow, startSession } from './overlay-harness';
import { FUNDED, pageWatch as watch } from '../fixtures/make-watch';

let session: ReturnType<typeof startSession> | null = null;
beforeEach(() => {
  document.body.replaceChildren();
  vi.useFakeTimers({ toFake: ['Date'], now: FUNDED + 700_000 });
});
afterEach(() => {
  session?.stop();
  session = null;
  vi.useRealTimers();
});

const shadowOf = (kind: string, index = 0) => document.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)[index]!.shadowRoot!;
const buttonIn = (root: ShadowRoot | Element, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) ?? (() => { throw new Error(`no button ${name}`); })();

describe('ERP Integrations, Failed to Export', () => {
  const duplicate = watch({
    payoutId: 'po_91',
    disbursementNumber: 'D-7',
    invoiceNumber: 'INV-1',
    state: 'failed',
    diagnosis: {
      cause: 'DUPLICATE_CHECK_NUMBER',
      summary: 'Check number 10042 is already used in QuickBooks Online.',
      fix: 'Export it again with the next free check number.',
      retryable: true,
      suggested: { checkNumber: 10044, bankId: 'OPER2' },
    },
  });
  const notSynced = watch({
    payoutId: 'po_92',
    disbursementNumber: 'D-7',
    invoiceNumber: 'INV-2',
    state: 'not_exportable',
    notExportableReason: 'The invoice was not synced to QuickBooks Online when it was paid.',
  });
  const escalated = watch({ payoutId: 'po_93', disbursementNumber: 'D-7', invoiceNumber: 'INV-3', state: 'escalate' });

  function erpPage() {
    const row = (invoice: string, check: string) => ({
      Beneficiary: 'Acme',
      'Invoice No.': invoice,
      'Disbursement No.': 'D-7',
      'Check Number': { input: check },
      'Bank ID': { input: 'OPER' },
      Errors: 'Duplicate Document Number Error',
      '': { button: 'Export' },
    });
    gridPage(document, {
      columns: ['Beneficiary', 'Invoice No.', 'Disbursement No.', 'Amount', 'Check Number', 'Bank ID', 'Errors', ''].map((label) => ({ label })),
      rows: [row('INV-1', '10042'), row('INV-2', '10043'), row('INV-3', '10045')],
    });
  }

  it('explains each row and fills the suggested values into the row inputs with input events', async () => {
    erpPage();
    const fake = fakeBackend({ 'watches.list': () => [duplicate, notSynced, escalated], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(3));
    const [first, second, third] = hostTexts('fix');
    expect(first).toContain('Check number 10042 is already used in QuickBooks Online.');
    expect(first).toContain('Suggested: Check Number 10044, Bank ID OPER2');
    expect(second).toContain('The invoice was not synced to QuickBooks Online when it was paid.');
    expect(second).not.toContain('Export');
    // One export action of ours, for the one record an export can cure, and never a second "Export".
    expect(first).toContain('Fill in & Export');
    expect([second, third].some((text) => /Fill in & Export|Export again|Fix & export/.test(text ?? ''))).toBe(false);
    expect(third).toContain('Contact ERP support');
    expect(third).toContain('Copy summary for ERP support');

    const inputs = [...document.querySelectorAll<HTMLInputElement>('.ag-row[row-index="0"] input')];
    const events: string[] = [];
    for (const input of inputs) input.addEventListener('input', () => events.push(`${input.value}`));
    buttonIn(shadowOf('fix', 0), 'Fill in').click();
    expect(inputs.map((i) => i.value)).toEqual(['10044', 'OPER2']);
    expect(events).toEqual(['10044', 'OPER2']);
  });

  it('Fill in & Export fills the row, confirms old → new, then goes through the background', async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate],
      'page.hints': () => ({ ok: true }),
      reexport: (payload) => ({ ...duplicate, state: 're_exporting', attempts: [{ at: FUNDED, checkNumber: payload.checkNumber ?? null, bankId: payload.bankId ?? null, cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'pending', messages: [] }] }),
    });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    buttonIn(shadowOf('fix'), 'Fill in & Export').click();
    const dialog = await vi.waitFor(() => rootShadow().querySelector('[role="alertdialog"]') ?? (() => { throw new Error('no confirm'); })());
    expect([...dialog.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['Check Number10042→ 10044', 'Bank IDOPER→ OPER2']);
    expect([...document.querySelectorAll<HTMLInputElement>('.ag-row[row-index="0"] input')].map((i) => i.value)).toEqual(['10044', 'OPER2']);
    expect(fake.sent.some((m) => m.name === 'reexport')).toBe(false);
    buttonIn(dialog, 'Fill in & Export').click();
    await vi.waitFor(() => expect(hostTexts('fix')[0]).toContain('Re-exporting (attempt 1)'));
    expect(fake.sent.find((m) => m.name === 'reexport')?.payload).toEqual({ payoutId: 'po_91', checkNumber: 10044, bankId: 'OPER2' });
  });

  it("an unrecognised message: the ERP's words in full, Procore's unchanged Export as the only thing left, no fix of ours", async () => {
    erpPage();
    const unknown = watch({
      payoutId: 'po_94',
      disbursementNumber: 'D-7',
      invoiceNumber: 'INV-1',
      state: 'failed',
      diagnosis: { cause: 'UNKNOWN', summary: 'QuickBooks Online refused the payment record for a reason the extension does not recognise.', fix: 'Read its message.', retryable: false },
      request: { id: 'r9', status: 'failed', messages: ['Business Validation Error: rule 77 "Owner review" holds payments to Acme'], updatedAt: FUNDED },
    });
    const fake = fakeBackend({ 'watches.list': () => [unknown], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    const text = hostTexts('fix')[0]!;
    expect(text).toContain('ERP Sync Watch does not recognise this message yet.');
    expect(text).toContain('Business Validation Error: rule 77 "Owner review" holds payments to Acme');
    expect(text).toMatch(/export it again unchanged with Procore.s Export/);
    expect(text).not.toMatch(/Fill in & Export|Fix & export|Suggested:|What to do:|will not help/);
    const copy = buttonIn(shadowOf('fix'), 'Copy for us');
    expect(copy.getAttribute('aria-describedby')).toBeTruthy();
    buttonIn(shadowOf('fix'), 'Details').click();
    await vi.waitFor(() => expect(rootShadow().textContent).toContain('pressing Export in this row unchanged is the only thing left to try'));
    expect(rootShadow().textContent).not.toContain('Exporting it again will not help');
  });

  it('Cancel sends nothing; a refusal is shown in words', async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate],
      'page.hints': () => ({ ok: true }),
      reexport: () => Promise.reject(new Error('Payment record is not in Failed to Export')),
    });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    buttonIn(shadowOf('fix'), 'Fill in & Export').click();
    await vi.waitFor(() => buttonIn(rootShadow().querySelector('[role="alertdialog"]')!, 'Cancel').click());
    expect(rootShadow().querySelector('[role="alertdialog"]')).toBeNull();
    expect(fake.sent.some((m) => m.name === 'reexport')).toBe(false);
    buttonIn(shadowOf('fix'), 'Fill in & Export').click();
    await vi.waitFor(() => buttonIn(rootShadow().querySelector('[role="alertdialog"]')!, 'Fill in & Export').click());
    await vi.waitFor(() => expect(hostTexts('fix')[0]).toContain('Fill in & Export did not run: Payment record is not in Failed to Export'));
  });

  it('draws nothing on another view, and starts when the Failed to Export table shows without a URL change', async () => {
    const other = gridPage(document, { columns: [{ label: 'Invoice No.' }, { label: 'Disbursement No.' }], rows: [] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeBackend({ 'watches.list': () => [duplicate], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations/payments', fake.backend);
    // Let the router look at the page and React commit before asserting that nothing started.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(fake.sent).toEqual([]);
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]:not([${HOST_ATTRIBUTE}="root"])`)).toBeNull();
    // Procore switches views as client state: the old table goes, the failed records' table comes.
    other.remove();
    erpPage();
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    expect(hostTexts('fix')[0]).toContain('Check number 10042 is already used in QuickBooks Online.');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('funding accounts', () => {
  it('shows the recommendation and applies it through the background after a confirm', async () => {
    gridPage(document, {
      columns: ['Nickname', 'Verification Status', 'Bank ID', 'Next Check No.'].map((label) => ({ label })),
      rows: [{ Nickname: 'Operating', 'Bank ID': 'OPER', 'Next Check No.': '101' }],
      rowIds: ['fa_1'],
    });
    const fake = fakeBackend({
      'watches.list': () => [],
      'checkNumbers.recommend': () => ({ erpLastCheckNumber: 100, currentNextCheckNumber: 101, nextCheckNumber: 10000, headroom: 9900, changeNeeded: true, noRoomInField: false, fieldDigits: 21, erpName: 'QuickBooks Online', erpBankIds: ['OPER'] }),
      'fundingAccount.setNextCheckNumber': (p) => ({ nextCheckNumber: p.nextCheckNumber }),
    });
    session = startSession('/8089/company/payments/settings/funding_accounts', fake.backend);
    await vi.waitFor(() => expect(hostTexts('advice')[0]).toContain('Use 10000'));
    const pill = shadowOf('advice').querySelector('button')!;
    expect(pill.getAttribute('aria-label')).toBe("ERP's last check is 100: start at 10000, room for 9,900 checks");
    pill.click();
    const popover = await vi.waitFor(() => rootShadow().querySelector('[role="dialog"]') ?? (() => { throw new Error('no popover'); })());
    expect(popover.textContent).toContain("Procore's rule of thumb: if the ERP's latest check number is 100, start Procore Pay at 10000");
    expect(popover.textContent).toContain("It fits QuickBooks Online's check-number field (up to 21 digits).");
    buttonIn(popover, 'Apply: start at 10000').click();
    const dialog = await vi.waitFor(() => rootShadow().querySelector('[role="alertdialog"]') ?? (() => { throw new Error('no confirm'); })());
    expect(dialog.querySelector('tbody')!.textContent).toBe('Next Check No.101→ 10000');
    buttonIn(dialog, 'Apply').click();
    await vi.waitFor(() => expect(hostTexts('advice')[0]).toContain('Applied: 10000'));
    expect(fake.sent.find((m) => m.name === 'fundingAccount.setNextCheckNumber')?.payload).toEqual({ companyId: '8089', fundingAccountId: 'fa_1', nextCheckNumber: 10000 });
  });

  it('is not "Clear" for an account whose payments fail with a wrong Bank ID', async () => {
    gridPage(document, {
      columns: ['Nickname', 'Verification Status', 'Bank ID', 'Next Check No.'].map((label) => ({ label })),
      rows: [{ Nickname: 'Payroll Clearing', 'Bank ID': 'PAYRL', 'Next Check No.': '303' }],
      rowIds: ['fa_9'],
    });
    const failing = watch({ payoutId: 'po_9', fundingAccountId: 'fa_9', bankId: 'PAYRL', state: 'failed', diagnosis: { cause: 'INVALID_BANK_ID', summary: 's', retryable: true, suggested: { bankId: 'PAYROLL' } } });
    const fake = fakeBackend({
      'watches.list': () => [failing],
      'checkNumbers.recommend': () => ({ erpLastCheckNumber: null, currentNextCheckNumber: 303, nextCheckNumber: 303, headroom: 303, changeNeeded: false, noRoomInField: false, fieldDigits: 21, erpName: 'QuickBooks Online', erpBankIds: [] }),
    });
    session = startSession('/8089/company/payments/settings/funding_accounts', fake.backend);
    await vi.waitFor(() => expect(hostTexts('advice')[0]).toContain('Needs attention'));
    expect(shadowOf('advice').querySelector('button')!.getAttribute('aria-label')).toMatch(/^1 payment from this account failed: QuickBooks Online does not take Bank ID PAYRL; its Bank ID is probably PAYROLL/);
  });
});

describe('pre-flight', () => {
  const issues: PreflightIssue[] = [
    { invoiceId: '11', kind: 'invoice_not_synced', message: 'Not synced to QuickBooks Online: a payment made now will never export. Sync it first.', link: 'http://localhost:3000/8089/company/erp_integrations/invoices' },
    { invoiceId: '12', kind: 'tax_or_markup', message: 'This invoice has tax or markup.' },
    { invoiceId: '12', kind: 'partial_refused', message: 'QuickBooks Online does not accept partial payments.' },
  ];
  const status = { signedIn: true, lastPollAt: 1, lastError: null, clockOffsetMs: 0, watchedCompanies: [{ id: '8089', name: 'B', erpName: 'QuickBooks Online', paymentSyncEnabled: true }] };

  it('marks invoices at risk and sums up the selection in a banner', async () => {
    gridPage(document, {
      columns: ['Invoice #', 'Payment Status', 'Beneficiary Name', 'Net Amount'].map((label) => ({ label })),
      rows: [{ 'Invoice #': 'INV-11' }, { 'Invoice #': 'INV-12' }, { 'Invoice #': 'INV-13' }],
      rowIds: ['11', '12', '13'],
      selected: [0, 1, 2],
    });
    const fake = fakeBackend({ 'watches.list': () => [], 'preflight.check': (p) => issues.filter((i) => p.invoices.some((x) => x.invoiceId === i.invoiceId)) });
    session = startSession('/8089/company/payments/invoices', fake.backend);
    fake.push({ type: 'status', status });
    await vi.waitFor(() => expect(hostTexts('mark')).toEqual(['⚠', '⚠2']));
    expect(shadowOf('mark', 1).querySelector('button')!.title).toBe('Tax/markup, Partial');
    const mark = shadowOf('mark').querySelector('button')!;
    expect(mark.getAttribute('aria-label')).toBe('Invoice INV-11 at risk: Not synced to QuickBooks Online: a payment made now will never export. Sync it first.');
    mark.click();
    const popover = await vi.waitFor(() => rootShadow().querySelector('[role="dialog"]') ?? (() => { throw new Error('no popover'); })());
    expect(popover.querySelector('a')?.textContent).toBe('Sync it in ERP Integrations');
    await vi.waitFor(() =>
      expect(hostTexts('banner')[0]).toContain('2 of 3 selected invoices are at risk: 1 not synced to QuickBooks Online, 1 tax or markup, 1 partial payment refused.'),
    );
    expect(fake.sent.filter((m) => m.name === 'preflight.check')).toHaveLength(1);
  });

  it("runs the same checks on a draft disbursement as a checklist beside Authorize", async () => {
    gridPage(document, {
      columns: ['Invoice No.', 'Beneficiary Name', 'Amount Due', 'Payment Amount'].map((label) => ({ label })),
      rows: [
        { 'Invoice No.': { text: 'INV-11', href: '/562/project/invoicing/11' }, 'Amount Due': '$4,500.00', 'Payment Amount': '$4,500.00' },
        { 'Invoice No.': { text: 'INV-12', href: '/562/project/invoicing/12' }, 'Amount Due': '$4,500.00', 'Payment Amount': '$1,000.00' },
      ],
    });
    const authorize = document.createElement('button');
    authorize.textContent = 'Authorize';
    document.body.append(authorize);
    const fake = fakeBackend({ 'watches.list': () => [], 'preflight.check': (p) => issues.filter((i) => p.invoices.some((x) => x.invoiceId === i.invoiceId)) });
    session = startSession('/8089/company/payments/disbursements/uuid-9', fake.backend);
    fake.push({ type: 'status', status });
    await vi.waitFor(() => expect(authorize.nextElementSibling?.getAttribute(HOST_ATTRIBUTE)).toBe('checklist'));
    await vi.waitFor(() => {
      const text = hostTexts('checklist')[0]!;
      expect(text).toContain('Once authorized, Procore cannot cancel this disbursement.');
      expect(text).toContain('⚠ Not synced to QuickBooks Online: INV-11: Not synced to QuickBooks Online: a payment made now will never export.');
      expect(text).toContain('⚠ Partial payment refused: INV-12: QuickBooks Online does not accept partial payments.');
      expect(text).toContain('⚠ Tax or markup: INV-12');
      expect(text).toContain('Check numbers are free in QuickBooks Online');
    });
    const asked = fake.sent.find((m) => m.name === 'preflight.check')!.payload as { invoices: unknown[] };
    expect(asked.invoices).toEqual([
      { invoiceId: '11', projectId: '562', paymentAmountCents: 450000, amountDueCents: 450000 },
      { invoiceId: '12', projectId: '562', paymentAmountCents: 100000, amountDueCents: 450000 },
    ]);
  });
});
