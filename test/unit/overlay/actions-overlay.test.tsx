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

  it("copies the support summary for a record the fixes could not mend, with the company's name", async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate, notSynced, escalated],
      'page.hints': () => ({ ok: true }),
      'status.get': () => ({ signedIn: true, lastPollAt: null, lastError: null, clockOffsetMs: 0, watchedCompanies: [{ id: escalated.companyId, name: 'Builder Co', erpName: 'QuickBooks Online', paymentSyncEnabled: true }] }),
    });
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(3));
    buttonIn(shadowOf('fix', 2), 'Copy summary for ERP support').click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0]![0];
    for (const fact of [`Company: Builder Co (Procore company ${escalated.companyId})`, 'Invoice: INV-3', 'Payout id: po_93', 'State: escalate']) expect(text).toContain(fact);
    await vi.waitFor(() => expect(hostTexts('fix')[2]).toContain('Summary copied'));
  });

  /** Procore's own Export of row 0, with what the page does when it is pressed, and what had been sent by then. */
  function exportOfRow(onPress: (button: HTMLButtonElement) => void, sent: { name: string }[]) {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.ag-row[row-index="0"] button')].find((b) => b.textContent === 'Export')!;
    const sentAtPress: string[][] = [];
    button.addEventListener('click', () => {
      sentAtPress.push(sent.map((m) => m.name));
      onPress(button);
    });
    return sentAtPress;
  }
  /** The row's Errors words, as the page rewrites them in place (the overlay's host stays). */
  function setRowError(text: string) {
    const walker = document.createTreeWalker(document.querySelector('.ag-row[row-index="0"]')!.parentElement!.parentElement!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent === 'Duplicate Document Number Error' && node.parentElement?.closest('[row-index="0"]')) node.textContent = text;
    }
  }
  const openConfirm = async () => {
    buttonIn(shadowOf('fix'), 'Fill in & Export').click();
    return vi.waitFor(() => rootShadow().querySelector('[role="alertdialog"]') ?? (() => { throw new Error('no confirm'); })());
  };

  it("Fill in & Export fills the row, confirms old → new, stores the intent, then presses the row's own Export once", async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate],
      'page.hints': () => ({ ok: true }),
      'fix.begin': () => ({ ok: true, intentId: 'intent-1' }),
      'fix.pressed': () => ({ ...duplicate, state: 're_exporting', attempts: [{ at: FUNDED, checkNumber: 10044, bankId: 'OPER2', cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'pending', messages: [] }] }),
    });
    // The grid's Export stays busy while Procore exports.
    const presses = exportOfRow((button) => (button.disabled = true), fake.sent);
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    const dialog = await openConfirm();
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect([...dialog.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['Check Number10042→ 10044', 'Bank IDOPER→ OPER2']);
    expect([...document.querySelectorAll<HTMLInputElement>('.ag-row[row-index="0"] input')].map((i) => i.value)).toEqual(['10044', 'OPER2']);
    expect(fake.sent.some((m) => m.name.startsWith('fix.'))).toBe(false);
    expect(presses).toEqual([]);
    buttonIn(dialog, 'Fill in & Export').click();
    await vi.waitFor(() => expect(hostTexts('fix')[0]).toContain('Re-exporting (attempt 1)'), { timeout: 5000 });
    // Pressed once, after the background stored the intent and before it was told the outcome.
    expect(presses).toHaveLength(1);
    expect(presses[0]).toContain('fix.begin');
    expect(presses[0]).not.toContain('fix.pressed');
    expect(fake.sent.find((m) => m.name === 'fix.begin')?.payload).toEqual({ payoutId: 'po_91', checkNumber: 10044, bankId: 'OPER2' });
    expect(fake.sent.find((m) => m.name === 'fix.pressed')?.payload).toEqual({ payoutId: 'po_91', intentId: 'intent-1', outcome: 'pressed' });
    expect(hostTexts('fix')[0]).toContain('Export pressed: checking with');
  });

  it("Procore's refusal of the press is shown in its words and told to the background", async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate],
      'page.hints': () => ({ ok: true }),
      'fix.begin': () => ({ ok: true, intentId: 'intent-2' }),
      'fix.pressed': () => duplicate,
    });
    const refusal = 'Export failed: This payment record has already been exported to the ERP.';
    exportOfRow(() => setRowError(refusal), fake.sent);
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    buttonIn(await openConfirm(), 'Fill in & Export').click();
    await vi.waitFor(() => expect(hostTexts('fix')[0]).toContain(`Procore did not export it: ${refusal}`), { timeout: 5000 });
    expect(fake.sent.find((m) => m.name === 'fix.pressed')?.payload).toEqual({ payoutId: 'po_91', intentId: 'intent-2', outcome: 'page_refused', message: refusal });
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

  it("Escape cancels and puts the row back; the background's refusal is shown in the confirm and nothing is pressed", async () => {
    erpPage();
    const fake = fakeBackend({
      'watches.list': () => [duplicate],
      'page.hints': () => ({ ok: true }),
      'fix.begin': () => ({ ok: false, reason: 'Payment record is not in Failed to Export any more' }),
    });
    const presses = exportOfRow(() => undefined, fake.sent);
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    const inputs = () => [...document.querySelectorAll<HTMLInputElement>('.ag-row[row-index="0"] input')].map((i) => i.value);
    const dialog = await openConfirm();
    expect(inputs()).toEqual(['10044', 'OPER2']);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(rootShadow().querySelector('[role="alertdialog"]')).toBeNull());
    expect(inputs()).toEqual(['10042', 'OPER']);
    expect(fake.sent.some((m) => m.name.startsWith('fix.'))).toBe(false);
    // Enter (focus on the dialog's text, not a button) confirms.
    const again = await openConfirm();
    again.querySelector('table')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(rootShadow().querySelector('[role="alertdialog"] [role="alert"]')?.textContent).toBe('Nothing was exported: Payment record is not in Failed to Export any more'));
    expect(presses).toEqual([]);
    expect(fake.sent.some((m) => m.name === 'fix.pressed')).toBe(false);
  });

  it('Fill in & Export pressed again while its confirm is open changes nothing: Cancel still puts back what the row had', async () => {
    erpPage();
    const fake = fakeBackend({ 'watches.list': () => [duplicate], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations/payments?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(hostTexts('fix')).toHaveLength(1));
    const inputs = () => [...document.querySelectorAll<HTMLInputElement>('.ag-row[row-index="0"] input')].map((i) => i.value);
    const dialog = await openConfirm();
    buttonIn(shadowOf('fix'), 'Fill in & Export').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rootShadow().querySelector('[role="alertdialog"]')).toBe(dialog);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(rootShadow().querySelector('[role="alertdialog"]')).toBeNull());
    expect(inputs()).toEqual(['10042', 'OPER']);
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
  /** Procore's Overflow menu (Edit) and its Edit Account Details form, which closes on Save or Cancel. */
  function editAccountDetails(saved: (checkNumber: string) => void) {
    const toggle = [...document.querySelectorAll<HTMLButtonElement>('.ag-row button')].find((b) => b.textContent === '⋮')!;
    toggle.setAttribute('aria-haspopup', 'menu');
    const menu = Object.assign(document.createElement('div'), { hidden: true });
    menu.setAttribute('role', 'menu');
    const edit = Object.assign(document.createElement('button'), { textContent: 'Edit' });
    edit.setAttribute('role', 'menuitem');
    menu.append(edit);
    document.body.append(menu);
    toggle.addEventListener('click', () => (menu.hidden = false));
    edit.addEventListener('click', () => {
      menu.hidden = true;
      const form = document.createElement('form');
      const element = (tag: string, props: Record<string, string>) => Object.assign(document.createElement(tag), props);
      form.append(
        element('h2', { textContent: 'Edit Account Details' }),
        element('label', { htmlFor: 'cn', textContent: 'Check Number' }),
        element('input', { id: 'cn', value: '101' }),
        element('button', { type: 'button', textContent: 'Cancel' }),
        element('button', { type: 'submit', textContent: 'Save' }),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        saved(form.querySelector('input')!.value);
        form.remove();
      });
      form.querySelector('button[type="button"]')!.addEventListener('click', () => form.remove());
      document.body.append(form);
    });
  }
  const fundingPage = () =>
    gridPage(document, {
      columns: ['Nickname', 'Verification Status', 'Bank ID', 'Next Check No.', ''].map((label) => ({ label })),
      rows: [{ Nickname: 'Operating', 'Bank ID': 'OPER', 'Next Check No.': '101', '': { button: '⋮' } }],
      rowIds: ['fa_1'],
    });
  const recommendation = { erpLastCheckNumber: 100, currentNextCheckNumber: 101, nextCheckNumber: 10000, headroom: 9900, changeNeeded: true, noRoomInField: false, fieldDigits: 21, erpName: 'QuickBooks Online', erpBankIds: ['OPER'] };

  it("Apply opens Procore's Edit Account Details with the number filled; after the user's Save it reads what Procore holds", async () => {
    fundingPage();
    let holds = 101;
    editAccountDetails((value) => (holds = Number(value)));
    const fake = fakeBackend({
      'watches.list': () => [],
      'checkNumbers.recommend': () => recommendation,
      'fundingAccount.verify': (p) => ({ matches: holds === p.expected, nextCheckNumber: holds }),
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
    const input = await vi.waitFor(() => document.querySelector<HTMLInputElement>('form #cn') ?? (() => { throw new Error('no form'); })());
    expect(input.value).toBe('10000');
    // Nothing is saved by the extension: the page's own Save does it.
    expect(holds).toBe(101);
    expect(fake.sent.some((m) => m.name === 'fundingAccount.verify')).toBe(false);
    input.form!.requestSubmit();
    await vi.waitFor(() => expect(hostTexts('advice')[0]).toContain('Saved: 10000'), { timeout: 3000 });
    expect(fake.sent.find((m) => m.name === 'fundingAccount.verify')?.payload).toEqual({ companyId: '8089', fundingAccountId: 'fa_1', expected: 10000 });
  });

  it('says nothing changed when Edit Account Details is closed without Save, and what Procore holds when a save did not take', async () => {
    fundingPage();
    editAccountDetails(() => undefined);
    const fake = fakeBackend({
      'watches.list': () => [],
      'checkNumbers.recommend': () => recommendation,
      'fundingAccount.verify': () => ({ matches: false, nextCheckNumber: 101 }),
    });
    session = startSession('/8089/company/payments/settings/funding_accounts', fake.backend);
    await vi.waitFor(() => expect(hostTexts('advice')[0]).toContain('Use 10000'));
    const apply = async () => {
      shadowOf('advice').querySelector('button')!.click();
      const popover = await vi.waitFor(() => rootShadow().querySelector('[role="dialog"]') ?? (() => { throw new Error('no popover'); })());
      buttonIn(popover, 'Apply: start at 10000').click();
      return vi.waitFor(() => document.querySelector<HTMLFormElement>('form') ?? (() => { throw new Error('no form'); })());
    };
    (await apply()).querySelector<HTMLButtonElement>('button[type="button"]')!.click();
    await vi.waitFor(() => expect(shadowOf('advice').textContent).toContain('closed without Save: nothing changed'), { timeout: 3000 });
    expect(fake.sent.some((m) => m.name === 'fundingAccount.verify')).toBe(false);
    (await apply()).requestSubmit();
    await vi.waitFor(() => expect(shadowOf('advice').textContent).toContain('Not saved: Procore holds 101 Next Check No. for Operating, not 10000'), { timeout: 3000 });
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
    { invoiceId: '11', kind: 'invoice_not_synced', erpName: 'QuickBooks Online', invoice: { number: 'INV-11', erpStatus: 'not_synced' } },
    { invoiceId: '12', kind: 'tax_or_markup', erpName: 'QuickBooks Online' },
    { invoiceId: '12', kind: 'partial_refused', erpName: 'QuickBooks Online' },
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
    expect(mark.getAttribute('aria-label')).toBe('Invoice INV-11 at risk: Invoice INV-11 is not synced to QuickBooks Online (not synced): a payment made now will never export. Sync the invoice first.');
    mark.click();
    const popover = await vi.waitFor(() => rootShadow().querySelector('[role="dialog"]') ?? (() => { throw new Error('no popover'); })());
    expect(popover.querySelector('li')?.textContent).toBe('Invoice INV-11 is not synced to QuickBooks Online (not synced): a payment made now will never export. Sync the invoice first.');
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
      expect(text).toContain('⚠ Not synced to QuickBooks Online: INV-11: Invoice INV-11 is not synced to QuickBooks Online (not synced): a payment made now will never export.');
      expect(text).toContain('⚠ Partial payment refused: INV-12: QuickBooks Online does not accept partial payments through Procore Pay: pay the full amount due or record this payment by hand.');
      expect(text).toContain('⚠ Tax or markup: INV-12');
      // Nothing checks the Next Check Number before a payment on contract v2: no line claims it.
      expect(text).not.toMatch(/Check number/i);
    });
    const asked = fake.sent.find((m) => m.name === 'preflight.check')!.payload as { invoices: unknown[] };
    expect(asked.invoices).toEqual([
      { invoiceId: '11', projectId: '562', paymentAmountCents: 450000, amountDueCents: 450000 },
      { invoiceId: '12', projectId: '562', paymentAmountCents: 100000, amountDueCents: 450000 },
    ]);
  });
});
