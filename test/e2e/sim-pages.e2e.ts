import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium-path';
import { XSS_BENEFICIARY } from '../sim/scenarios/demo';
import { startSim, type Sim } from '../sim/server';
import { internalEndpointsOf, signInContext, simControl } from '../sim/testing';
import { DISBURSEMENT_COLUMNS } from '../unit/page/ag-grid-page';

// The sandbox's Procore pages in plain Chromium (no extension): labels and column order, the
// client-side router, the flows that change data, 5,000-row virtualisation, the older split-row
// layout, the ERP Integrations tab both server-rendered and as a grid, and that a beneficiary
// named like markup stays text.

const COMPANY = 8089;
const LONG_COMPANY = 9100;
const LONG_ROWS = 5000;

let sim: Sim;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
/** Requests to anywhere but the sandbox: the pages load nothing from the internet. */
const foreignRequests: string[] = [];

/** Column labels as Procore's header markup carries them: the label span, not the select-all or "More Options" (⋮). */
const headers = (p: Page, scope = 'body') =>
  p.$$eval(`${scope} [role="columnheader"][col-id]`, (cells) =>
    cells.map((cell) => cell.querySelector('.data-table-header-display-name')?.textContent?.trim() ?? '').filter(Boolean),
  );

const erpPath = (company: number, view: string) => `/${company}/company/erp_integrations/contract_payments?view=${view}`;
const ERP_FAILED_COLUMNS = ['Beneficiary', 'Invoice No.', 'Project', 'Payment Date', 'Amount', 'Check Number', 'Bank ID', 'Errors', 'Actions'];

async function open(path: string, p: Page = page): Promise<void> {
  await p.goto(`${sim.origin}${path}`);
  await p.waitForSelector('.ag-row[row-index]', { timeout: 20_000 });
}

/** 5,000 disbursements in a company of their own, seen by a user of its own. */
function seedLongCompany(): void {
  const store = sim.store;
  const company = store.addCompany({ id: LONG_COMPANY, name: 'Long List Co', connector: 'sage_intacct' });
  store.addUser({ id: 91, login: 'long@list.co', name: 'Lena List', companyIds: [company.id], paymentsRole: 'admin' });
  const project = store.addProject(company.id, 'Tower One');
  const vendor = store.addVendor(company.id, 'Steady Subcontracting');
  const account = store.addFundingAccount({ companyId: company.id, nickname: 'Main', bankId: 'MAIN', nextCheckNumber: 50_000 });
  const at = Date.now() - 86_400_000;
  for (let i = 0; i < LONG_ROWS; i++) {
    const invoice = store.addInvoice({ companyId: company.id, projectId: project.id, vendorId: vendor.id, grossAmount: 10_000 + i, erpStatus: 'synced', submittedAt: at });
    store.createDisbursement(company.id, { name: `Draw ${i + 1}`, fundingAccountId: account.id, items: [{ invoiceId: invoice.id }], userId: 91 }, at + i);
  }
}

/** ERP Integrations' title and its right-hand Views (PROCORE-UI-FACTS.md 2.2). */
async function expectErpChrome(p: Page): Promise<void> {
  expect(await p.locator('.tool-title').textContent()).toBe('ERP Integrations');
  expect(await p.locator('nav.views a').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Ready to Export/), expect.stringMatching(/^Failed to Export/), expect.stringMatching(/^Synced/), expect.stringMatching(/^Archived/)]),
  );
}

/** A payment record whose latest export failed with the ERP's words, and that export. */
function failedRecord(s: Sim) {
  const record = s.store.exportedContractPayments(COMPANY).find((c) => {
    const latest = c.payoutId ? s.store.latestRequestDetail(c.payoutId) : undefined;
    return latest?.status === 'failed' && latest.messages.length > 0;
  })!;
  expect(record).toBeDefined();
  return { record, before: s.store.latestRequestDetail(record.payoutId!)! };
}

/** The Errors column holds the ERP's message in red. */
async function expectRedError(errors: Locator, messages: string[]): Promise<void> {
  expect(await errors.textContent()).toBe(messages.join(' '));
  expect(await errors.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(180, 35, 24)');
}

describe('the sandbox Procore pages', () => {
  beforeAll(async () => {
    sim = await startSim({ port: 0, scenario: 'demo', windowMs: 60_000, rateLimit: { hourly: 100_000, tenSecond: 1_000 } });
    seedLongCompany();
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await signInContext(context, sim.origin);
    page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(`${sim.origin}/`)) foreignRequests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const anonymous = await browser.newContext();
    try {
      const response = await anonymous.request.get(`${sim.origin}/${COMPANY}/company/payments/disbursements`, { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toMatch(/^\/login\?return_to=/);
    } finally {
      await anonymous.close();
    }
  });

  it('renders the Disbursements tab with Procore\'s columns in order, one row per disbursement keyed by its id', async () => {
    await open(`/${COMPANY}/company/payments/disbursements`);
    expect(await headers(page)).toEqual(DISBURSEMENT_COLUMNS);
    const expected = sim.store.disbursements(COMPANY);
    const rowIds = await page.$$eval('.ag-row[row-id]', (rows) => rows.map((r) => r.getAttribute('row-id')));
    expect(new Set(rowIds)).toEqual(new Set(expected.map((d) => d.id)));
    const statuses = await page.$$eval('[role="gridcell"][col-id="drawdown_status"]', (cells) => cells.map((c) => c.textContent));
    for (const status of statuses) expect(['Draft', 'Funding Requested', 'Funding Failed', 'Funding Completed']).toContain(status);
    expect(await page.locator('.tool-title').textContent()).toBe('Payments');

    await page.getByLabel('Drawdown Status').selectOption('Draft');
    const drafts = expected.filter((d) => d.status === 'FUNDING_NOT_INITIATED').map((d) => d.id);
    await expect.poll(() => page.$$eval('.ag-row[row-id]', (rows) => rows.map((r) => r.getAttribute('row-id')))).toEqual(drafts);

    await open(`/webclients/host/companies/${COMPANY}/tools/payments/disbursements`);
    expect(await headers(page)).toEqual(DISBURSEMENT_COLUMNS);
    expect(await page.locator('.ag-row [col-id="disbursement_number"] a').first().getAttribute('href')).toMatch(
      new RegExp(`^/webclients/host/companies/${COMPANY}/tools/payments/disbursements/`),
    );
  });

  it('switches tabs with history.pushState, without reloading; back and forward work', async () => {
    await open(`/${COMPANY}/company/payments/disbursements`);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('link', { name: 'Subcontractor Invoices' }).click();
    await page.waitForURL(/\/payments\/invoices$/);
    await page.waitForFunction(() => [...document.querySelectorAll('.data-table-header-display-name')].some((e) => e.textContent === 'Invoice #'));
    await page.goBack();
    await page.waitForURL(/\/payments\/disbursements$/);
    await page.waitForFunction(() => [...document.querySelectorAll('.data-table-header-display-name')].some((e) => e.textContent === 'Disbursement No.'));
    await page.goForward();
    await page.waitForURL(/\/payments\/invoices$/);
    await page.waitForSelector('#add-to-disbursement');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('renders the disbursement page: Drawdown and Payments cards after authorization, Included Invoices and Authorize before', async () => {
    const funded = sim.store.disbursements(COMPANY).find((d) => d.status !== 'FUNDING_NOT_INITIATED' && d.payoutIds.length > 0)!;
    await open(`/${COMPANY}/company/payments/disbursements/${funded.id}`);
    expect(await page.locator('.detail-title').textContent()).toBe(`Disbursement #${funded.identifier}`);
    expect(await page.locator('.card-title').allTextContents()).toEqual(['Disbursement Details', 'Drawdown', 'Payments']);
    expect(await headers(page)).toEqual(['Invoice No.', 'Beneficiary Name', 'Project', 'Payment Amount', 'Payment Status', 'Bank ID', 'Check No.']);
    expect(new Set(await page.$$eval('.ag-row[row-id]', (rows) => rows.map((r) => r.getAttribute('row-id'))))).toEqual(new Set(funded.payoutIds));
    await page.getByRole('tab', { name: 'Change History' }).click();
    expect(await page.locator('#panel-history th').allTextContents()).toEqual(['Date', 'Action By', 'Changed', 'From', 'To']);

    const draft = sim.store.disbursements(COMPANY).find((d) => d.status === 'FUNDING_NOT_INITIATED')!;
    await open(`/${COMPANY}/company/payments/disbursements/${draft.id}`);
    expect(await page.locator('.card-title').allTextContents()).toEqual(['Disbursement Details', 'Included Invoices']);
    expect(await page.getByRole('button', { name: 'Authorize' }).isVisible()).toBe(true);
  });

  it('creates a disbursement from the Subcontractor Invoices tab with a partial Payment Amount', async () => {
    const invoice = sim.store
      .invoices(COMPANY)
      .find((i) => i.status === 'approved' && i.erpStatus === 'synced' && sim.store.invoiceDue(i) > 10_000 && i.paidAmount === 0)!;
    const due = sim.store.invoiceDue(invoice);
    const partial = due - 5_000;
    await open(`/${COMPANY}/company/payments/invoices`);
    const row = page.locator(`.ag-row[row-id="${invoice.id}"]`);
    await row.locator('input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Add to Disbursement' }).click();
    await page.getByRole('button', { name: new RegExp(`Payment Amount of ${invoice.invoiceNumber}`) }).click();
    const dialog = page.getByRole('dialog', { name: 'Update Payment Amount' });
    await dialog.getByLabel('Payment Amount').fill(String(due + 100));
    await dialog.getByRole('button', { name: 'Update' }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('less than or equal to the Amount Due');
    await dialog.getByLabel('Payment Amount').fill(`${Math.floor(partial / 100)}.${String(partial % 100).padStart(2, '0')}`);
    await dialog.getByLabel('Notes').fill('Retention dispute');
    await dialog.getByRole('button', { name: 'Update' }).click();
    await page.getByText('Partial Payment').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Disbursement Name').fill('E2E partial draw');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL(/\/payments\/disbursements\/[^/]+$/);

    const created = sim.store.disbursements(COMPANY).find((d) => d.name === 'E2E partial draw')!;
    expect(created).toBeDefined();
    expect(page.url()).toContain(created.id);
    expect(created.status).not.toBe('FUNDING_NOT_INITIATED');
    const [payout] = sim.store.payoutsOf(created);
    expect(payout).toMatchObject({ invoiceId: invoice.id, amount: partial, partialPayment: true, partialPaymentReason: 'Retention dispute' });
    await page.waitForSelector(`.ag-row[row-id="${payout!.id}"]`);
  });

  it('edits a funding account\'s Next Check Number through Edit Account Details', async () => {
    const account = sim.store.fundingAccounts(COMPANY).find((a) => a.nickname === 'Operating')!;
    await open(`/${COMPANY}/company/payments/settings/funding_accounts`);
    expect(await headers(page)).toEqual(['Nickname', 'Verification Status', 'Bank ID', 'Next Check No.', 'Default', 'Deactivated', 'Actions']);
    await page.getByRole('button', { name: 'Overflow menu for Operating' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByLabel('Check Number').fill('12x');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.edit-form [role="alert"]').textContent()).toContain('positive whole number');
    expect(account.nextCheckNumber).not.toBe(20_000);
    await page.getByLabel('Check Number').fill('20000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(
      (id) => document.querySelector(`.ag-row[row-id="${id}"] [col-id="next_check_number"]`)?.textContent === '20000',
      account.id,
    );
    expect(sim.store.fundingAccount(COMPANY, account.id)?.nextCheckNumber).toBe(20_000);
  });

  it('shows Failed to Export records with inputs and a red error, and Export re-exports with the new check number (server-rendered tab)', async () => {
    await page.goto(`${sim.origin}${erpPath(COMPANY, 'failed_to_export')}`);
    await expectErpChrome(page);
    expect(await page.locator('table.erp-table thead th').allTextContents()).toEqual(ERP_FAILED_COLUMNS);
    const { record, before } = failedRecord(sim);
    const row = page.locator(`tr[data-id="${record.id}"]`);
    await expectRedError(row.locator('.error-text'), before.messages);
    await row.getByLabel(/^Check Number for/).fill('987653');
    await row.getByRole('button', { name: /^Export / }).click();
    // Post/redirect/get: back on the view with the outcome in words, the record moved on.
    const invoiceNumber = sim.store.invoice(record.invoiceId)!.invoiceNumber;
    const flash = page.locator('main [role="status"]');
    expect(await flash.textContent()).toMatch(/ is being exported to .+\. It can take up to 10 minutes to appear there\.$/);
    expect((await flash.textContent())?.startsWith(`${invoiceNumber} is being exported`)).toBe(true);
    expect(await row.count()).toBe(0);
    expect(sim.store.latestRequestDetail(record.payoutId!)!.id).not.toBe(before.id);
    // Export corrects the payment record the ERP books (PROCORE-UI-FACTS.md 2.3), not the payout.
    expect(sim.store.contractPayment(record.id)?.checkNumber).toBe(987_653);
  });

  it('shows the same Failed to Export records as an AG Grid (erpTab grid): the row follows its new export', async () => {
    const gridSim = await startSim({ port: 0, scenario: 'demo', windowMs: 60_000, erpTab: 'grid', rateLimit: { hourly: 100_000, tenSecond: 1_000 } });
    const gridContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await signInContext(gridContext, gridSim.origin);
      const p = await gridContext.newPage();
      await p.goto(`${gridSim.origin}${erpPath(COMPANY, 'failed_to_export')}`);
      await p.waitForSelector('.ag-row[row-index]', { timeout: 20_000 });
      await expectErpChrome(p);
      expect(await headers(p)).toEqual(ERP_FAILED_COLUMNS);
      const { record, before } = failedRecord(gridSim);
      const row = p.locator(`.ag-row[row-id="${record.id}"]`);
      await expectRedError(row.locator('[col-id="errors"] .error-text'), before.messages);
      await row.getByLabel(/^Check Number for/).fill('987654');
      await row.getByRole('button', { name: /^Export / }).click();
      // The row follows the record: in progress, then the ERP's new answer (synced or a new error).
      const cell = row.locator('[col-id="errors"]');
      const shown = (status: string, messages: string[]) => (status === 'in_progress' ? 'Export in progress' : status === 'success' ? 'Synced' : messages.join(' '));
      await expect
        .poll(
          async () => {
            const latest = gridSim.store.latestRequestDetail(record.payoutId!)!;
            return latest.id !== before.id && (await cell.textContent()) === shown(latest.status, latest.messages);
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(gridSim.store.contractPayment(record.id)?.checkNumber).toBe(987_654);
    } finally {
      await gridContext.close();
      await gridSim.close();
    }
  });

  it('says what went wrong where the user looks when the API answers badly, and rides out one 503', async () => {
    // The pages' own endpoint for funding accounts, as this run of the sandbox places it.
    const variant = await internalEndpointsOf(sim.origin);
    const fundingAccounts = `${variant.prefix.replace('{company}', String(COMPANY))}/${variant.fundingAccounts}`;
    const pathPattern = `^${fundingAccounts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?|$)`;
    await simControl(sim.origin, 'POST', '/faults', { pathPattern, malformed: true, times: 1 });
    await page.goto(`${sim.origin}/${COMPANY}/company/payments/settings/funding_accounts`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Funding accounts could not be loaded: The server sent a response that is not JSON/);

    await simControl(sim.origin, 'POST', '/faults', { pathPattern, status: 503, retryAfter: 1, times: 1 });
    await open(`/${COMPANY}/company/payments/settings/funding_accounts`);
    expect(await page.locator('.ag-row[row-id]').count()).toBe(sim.store.fundingAccounts(COMPANY).length);
  });

  it('keeps a 5,000-row Disbursements table virtualised while it scrolls', async () => {
    const long = await context.browser()!.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await signInContext(long, sim.origin, 'long@list.co');
      const p = await long.newPage();
      await open(`/${LONG_COMPANY}/company/payments/disbursements`, p);
      expect(await p.locator('.toolbar .count').textContent()).toBe(`${LONG_ROWS} disbursements`);
      const rendered = await p.locator('.ag-row[row-index]').count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(80);
      for (const fraction of [0.25, 0.5, 0.99]) {
        const started = Date.now();
        const target = Math.floor((LONG_ROWS - 1) * fraction);
        await p.evaluate((f) => {
          const scroller = [...document.querySelectorAll('.ag-root-wrapper *')].find((e) => e.scrollHeight > e.clientHeight + 10_000)!;
          scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
        }, fraction);
        await p.waitForFunction((t) => [...document.querySelectorAll('.ag-row[row-index]')].some((r) => Math.abs(Number(r.getAttribute('row-index')) - t) < 40), target);
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(await p.locator('.ag-row[row-index]').count()).toBeLessThan(80);
      }
    } finally {
      await long.close();
    }
  });

  it('says so on ERP Integrations when the company does not sync payment records', async () => {
    sim.store.updateErpSettings(LONG_COMPANY, { paymentSyncEnabled: false });
    const long = await browser.newContext();
    try {
      await signInContext(long, sim.origin, 'long@list.co');
      const p = await long.newPage();
      await p.goto(`${sim.origin}${erpPath(LONG_COMPANY, 'ready_to_export')}`);
      const status = p.locator('.views-content [role="status"]');
      await status.waitFor();
      expect(await status.textContent()).toContain('Payment record syncing is not enabled');
    } finally {
      await long.close();
      sim.store.updateErpSettings(LONG_COMPANY, { paymentSyncEnabled: true });
    }
  });

  it('draws the older AG Grid layout on request: rows split per pinned container, row elements reused while scrolling', async () => {
    const long = await context.browser()!.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await signInContext(long, sim.origin, 'long@list.co');
      const p = await long.newPage();
      await open(`/${LONG_COMPANY}/company/payments/disbursements?grid=legacy`, p);
      expect(await headers(p)).toEqual(DISBURSEMENT_COLUMNS);
      const parts = await p.$$eval('.ag-row[row-index="0"]', (rows) =>
        rows.map((r) => ({ container: r.parentElement?.className, rowId: r.getAttribute('row-id'), cols: [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.getAttribute('col-id')) })),
      );
      expect(parts).toHaveLength(2);
      expect(parts.map((x) => x.container)).toEqual(['ag-pinned-left-cols-container', 'ag-center-cols-container']);
      expect(parts[0]!.rowId).toBe(parts[1]!.rowId);
      expect(parts[0]!.cols).toEqual(['disbursement_number']);

      const first = await p.$('.ag-pinned-left-cols-container .ag-row[row-index="0"]');
      const firstId = await first!.getAttribute('row-id');
      await p.evaluate(() => {
        const viewport = document.querySelector('.ag-body-viewport')!;
        viewport.scrollTop = 42 * 300;
      });
      await p.waitForFunction(() => !document.querySelector('.ag-row[row-index="0"]'));
      const reused = await first!.evaluate((element) => ({ connected: element.isConnected, rowIndex: element.getAttribute('row-index'), rowId: element.getAttribute('row-id') }));
      expect(reused.connected).toBe(true);
      expect(Number(reused.rowIndex)).toBeGreaterThan(250);
      expect(reused.rowId).not.toBe(firstId);
    } finally {
      await long.close();
    }
  });

  it('passes axe on every page (labels, landmarks, contrast, table headers)', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const funded = sim.store.disbursements(COMPANY).find((d) => d.status !== 'FUNDING_NOT_INITIATED' && d.payoutIds.length > 0)!;
    const paths = [
      `/${COMPANY}/company/payments/invoices`,
      `/${COMPANY}/company/payments/disbursements`,
      `/${COMPANY}/company/payments/disbursements?grid=legacy`,
      `/${COMPANY}/company/payments/disbursements/${funded.id}`,
      `/${COMPANY}/company/payments/settings/funding_accounts`,
    ];
    const serverRendered = [erpPath(COMPANY, 'failed_to_export'), erpPath(COMPANY, 'synced')];
    for (const path of [...paths, ...serverRendered]) {
      if (serverRendered.includes(path)) await page.goto(`${sim.origin}${path}`);
      else await open(path);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
  });

  it('renders the beneficiary named like markup as text; no alert fired and nothing loaded from outside the sandbox all along', async () => {
    const payout = [...sim.store.state.payouts.values()].find((po) => {
      const invoice = sim.store.invoice(po.invoiceId);
      return invoice && sim.store.vendor(invoice.vendorId)?.name === XSS_BENEFICIARY && sim.store.disbursement(COMPANY, po.disbursementId);
    })!;
    await open(`/${COMPANY}/company/payments/disbursements/${payout.disbursementId}`);
    const cell = page.locator(`.ag-row[row-id="${payout.id}"] [col-id="beneficiary_name"]`);
    expect(await cell.textContent()).toBe(XSS_BENEFICIARY);
    await open(`/${COMPANY}/company/payments/invoices`);
    expect(await page.$$eval('[col-id="beneficiary_name"]', (cells) => cells.some((c) => c.textContent === '<img src=x onerror=alert(1)>'))).toBe(true);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
