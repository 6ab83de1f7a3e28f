import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { XSS_BENEFICIARY } from '../sim/scenarios/demo';
import { startSim, type Sim } from '../sim/server';
import type { SimStore } from '../sim/store';
import { ledger } from '../sim/testing';
import { configureExtension } from './configure';
import { launchExtension, type LaunchedExtension } from './launch';

// The overlays of the built extension on the sandbox's Procore pages, in Chromium: what the
// accountant sees on each page, and the actions that end in the ERP (asserted on its ledger).

const WINDOW = 120_000;
const DEMO = 8089;
const OVERLAY_CO = 8200;
const SYNC_OFF_CO = 8201;
const SHOTS = '.output/screenshots';

let sim: Sim;
let ext: LaunchedExtension;
let page: Page;
const dialogs: string[] = [];
const seeded: Record<string, string> = {};

/** A company with one disbursement per badge state, and one whose sync is off. */
function seedOverlayCompanies(store: SimStore): void {
  const now = store.now();
  const ana = store.user(1)!;
  const company = store.addCompany({ id: OVERLAY_CO, name: 'Overlay Builders', connector: 'quickbooks_online' });
  const off = store.addCompany({ id: SYNC_OFF_CO, name: 'Paper Checks Inc', connector: 'sage_intacct', paymentSyncEnabled: false });
  ana.companyIds.push(company.id, off.id);
  const project = store.addProject(company.id, 'Overlay Tower');
  const vendor = store.addVendor(company.id, 'Steady Framing');
  const account = store.addFundingAccount({ companyId: company.id, nickname: 'Overlay Operating', bankId: 'OVR', nextCheckNumber: 700 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'OVR', name: 'Overlay - 9911', lastCheckNumber: 650 });
  const disburse = (name: string, delay: number, fundedAgo: number, prepare?: (payoutCheck: number) => void) => {
    const invoice = store.addInvoice({ companyId: company.id, projectId: project.id, vendorId: vendor.id, grossAmount: 250_000, erpStatus: 'synced', submittedAt: now - 86_400_000 });
    const d = store.createDisbursement(company.id, { name, fundingAccountId: account.id, items: [{ invoiceId: invoice.id }], userId: ana.id }, now - fundedAgo - 60_000);
    store.authorizeDisbursement(company.id, d.id, { at: now - fundedAgo - 30_000, fundAt: null });
    const payout = store.state.payouts.get(d.payoutIds[0]!)!;
    payout.exportDelayFraction = delay;
    prepare?.(payout.checkNumber!);
    store.completeFunding(company.id, d.id, now - fundedAgo);
    seeded[name] = d.identifier;
    return d;
  };
  disburse('Syncing draw', 5, 0);
  const estimated = disburse('Estimated draw', 5, 0);
  // Procore does not always say when funding completed: the extension estimates it.
  estimated.fundingCompletedAt = null;
  disburse('Synced draw', 0.1, 0.5 * WINDOW);
  disburse('Late draw', 10, 1.2 * WINDOW);
  disburse('Duplicate draw', 0.05, 0.5 * WINDOW, (check) => store.issueErpCheck(company.id, 'OVR', check));

  const offProject = store.addProject(off.id, 'Paper Yard');
  const offVendor = store.addVendor(off.id, 'Ink Supply');
  const offAccount = store.addFundingAccount({ companyId: off.id, nickname: 'Paper', bankId: 'PPR', nextCheckNumber: 10 });
  const offInvoice = store.addInvoice({ companyId: off.id, projectId: offProject.id, vendorId: offVendor.id, grossAmount: 90_000, erpStatus: 'synced', submittedAt: now - 86_400_000 });
  const offDraw = store.createDisbursement(off.id, { name: 'Paper draw', fundingAccountId: offAccount.id, items: [{ invoiceId: offInvoice.id }], userId: ana.id }, now - 120_000);
  store.completeFunding(off.id, offDraw.id, now - 60_000);
  seeded['Paper draw'] = offDraw.identifier;
}

async function open(path: string): Promise<void> {
  await page.goto(`${sim.origin}${path}`);
  await page.waitForSelector('.ag-row[row-index]', { timeout: 20_000 });
}

/** The overlay drawn in the row that shows `text` (a disbursement or invoice number). */
function rowWith(text: string): Locator {
  return page.locator('.ag-row[row-index]').filter({ hasText: text });
}

/** Visible words of the badge in the row of disbursement `number` (icons are aria-hidden). */
async function badgeOf(number: string): Promise<{ text: string; label: string }> {
  const index = await rowWith(number).first().getAttribute('row-index');
  const button = page.locator(`.ag-row[row-index="${index}"] [data-erp-sync-watch="badge"] button`);
  await button.waitFor({ timeout: 30_000 });
  const text = (await button.locator('span').nth(1).textContent()) ?? '';
  return { text, label: (await button.getAttribute('aria-label')) ?? '' };
}

async function expectBadge(number: string, text: RegExp, label?: RegExp): Promise<void> {
  await expect.poll(async () => (await badgeOf(number)).text, { timeout: 30_000 }).toMatch(text);
  if (label) expect((await badgeOf(number)).label).toMatch(label);
}

/**
 * axe-core's WCAG A/AA findings on the overlays only (the page around them is the sandbox's),
 * and how many overlay nodes it checked (so an empty list means something).
 */
async function overlayAccessibility(p: Page): Promise<{ violations: string[]; checked: number }> {
  await p.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(async () => {
    type Found = { id: string; nodes: { target: unknown }[] }[];
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Found; passes: Found }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
  });
  const ours = (n: { target: unknown }) => JSON.stringify(n.target).includes('data-erp-sync-watch');
  return {
    violations: results.violations.flatMap((v) => v.nodes.filter(ours).map((n) => `${v.id} ${JSON.stringify(n.target)}`)),
    checked: results.passes.reduce((sum, rule) => sum + rule.nodes.filter(ours).length, 0),
  };
}

const popover = () => page.locator('[data-erp-sync-watch="root"] [role="dialog"]');
const confirm = () => page.locator('[data-erp-sync-watch="root"] [role="alertdialog"]');
const shot = (name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/overlays-${name}.png`, fullPage });

describe('overlays on the sandbox Procore pages', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sim = await startSim({ port: 0, scenario: 'demo', windowMs: WINDOW, rateLimit: { hourly: 100_000, tenSecond: 2_000 } });
    seedOverlayCompanies(sim.store);
    ext = await launchExtension();
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW });
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 820 });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('shows every badge state on the Disbursements tab, with accessible names', async () => {
    await open(`/${OVERLAY_CO}/company/payments/disbursements`);
    await expectBadge(seeded['Syncing draw']!, /^ERP sync [0-2]:\d\d$/, /^ERP sync, (\d+ minutes? )?\d+ seconds? left$|^ERP sync, \d+ minutes? left$/);
    await expectBadge(seeded['Estimated draw']!, /^ERP sync [0-2]:\d\d est\.$/, /\(start estimated\)$/);
    await expectBadge(seeded['Synced draw']!, /^In ERP in 0:12$/, /^In ERP, took 12 seconds$/);
    await expectBadge(seeded['Late draw']!, /^Not in ERP after 2 min$/, /check Failed to Export/);
    await expectBadge(seeded['Duplicate draw']!, /^1 of 1 failed$/);
    // The countdown is live.
    const before = (await badgeOf(seeded['Syncing draw']!)).text;
    await expect.poll(async () => (await badgeOf(seeded['Syncing draw']!)).text, { timeout: 5_000 }).not.toBe(before);
    await shot('disbursements-states');

    await open(`/${SYNC_OFF_CO}/company/payments/disbursements`);
    await expectBadge(seeded['Paper draw']!, /^Sync off$/, /does not export payment records/);

    await open(`/${DEMO}/company/payments/disbursements`);
    await expectBadge('D-000387', /^2 of 4 failed$/);
    await expectBadge('D-000388', /^\d of 5 failed$/);
  });

  it('opens the records popover by keyboard, shows page data as text, and closes on Escape', async () => {
    await open(`/${DEMO}/company/payments/disbursements`);
    await expectBadge('D-000387', /failed/);
    const index = await rowWith('D-000387').first().getAttribute('row-index');
    const button = page.locator(`.ag-row[row-index="${index}"] [data-erp-sync-watch="badge"] button`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => popover().count()).toBe(1);
    expect(await popover().getAttribute('aria-label')).toBe('Disbursement D-000387: payment records');
    const text = (await popover().textContent()) ?? '';
    expect(text).toContain(XSS_BENEFICIARY);
    expect(text).toContain('Fix it in ERP Integrations, Failed to Export');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await shot('disbursement-popover');
    const access = await overlayAccessibility(page);
    expect(access.violations).toEqual([]);
    expect(access.checked).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover().count()).toBe(0);
    expect(await button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    expect(dialogs).toEqual([]);
  });

  it("gives each payout on a disbursement's page its own state, cause and fix link", async () => {
    const d = sim.store.disbursements(DEMO).find((x) => x.identifier === 'D-000388')!;
    await open(`/${DEMO}/company/payments/disbursements/${d.id}`);
    const pills = page.locator('[data-erp-sync-watch="detail"] button');
    await expect.poll(() => pills.count(), { timeout: 30_000 }).toBe(5);
    const texts = await pills.evaluateAll((buttons) => buttons.map((b) => b.querySelectorAll('span')[1]?.textContent));
    expect(texts.filter((t) => t === 'Failed to export').length).toBeGreaterThan(0);
    const failed = pills.filter({ hasText: 'Failed to export' }).first();
    await failed.click();
    await expect.poll(() => popover().count()).toBe(1);
    expect(await popover().locator('a').first().textContent()).toBe('Fix it in ERP Integrations, Failed to Export');
    expect(await popover().locator('a').first().getAttribute('href')).toBe(`${sim.origin}/${DEMO}/company/erp_integrations/payments?view=failed_to_export`);
    await shot('disbursement-detail');
    await page.keyboard.press('Escape');
  });

  it('marks invoices at risk before paying and sums up the selection', async () => {
    await open(`/${DEMO}/company/payments/invoices`);
    const marks = page.locator('[data-erp-sync-watch="mark"] button');
    await expect.poll(() => marks.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const notSynced = page.locator('.ag-row[row-index]').filter({ has: page.locator('[data-erp-sync-watch="mark"] button[title="Not synced"]') }).first();
    const label = await notSynced.locator('[data-erp-sync-watch="mark"] button').getAttribute('aria-label');
    expect(label).toMatch(/not synced to QuickBooks Online/);
    const index = await notSynced.getAttribute('row-index');
    await page.locator(`.ag-row[row-index="${index}"] input[type="checkbox"]`).first().check();
    const banner = page.locator('[data-erp-sync-watch="banner"] [data-testid="esw-banner"]');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/1 of 1 selected invoice is at risk: 1 not synced to QuickBooks Online/);
    await shot('invoices-preflight');
  });

  it("checks a draft disbursement beside Authorize, check numbers included", async () => {
    const draft = sim.store.disbursements(DEMO).find((x) => x.status === 'FUNDING_NOT_INITIATED')!;
    await open(`/${DEMO}/company/payments/disbursements/${draft.id}`);
    const checklist = page.locator('[data-erp-sync-watch="checklist"] [data-testid="esw-checklist"]');
    await expect.poll(() => checklist.textContent(), { timeout: 30_000 }).toContain('Not synced to QuickBooks Online:');
    const text = (await checklist.textContent()) ?? '';
    expect(text).toContain('Partial payment refused:');
    expect(text).toMatch(/Check number used in ERP: .*Next Check Number/);
    expect(await page.locator('button', { hasText: /^Authorize$/ }).evaluate((b) => b.nextElementSibling?.getAttribute('data-erp-sync-watch'))).toBe('checklist');
    await shot('draft-checklist', true);
  });

  it('Fill in puts the suggested values in the row, and the page\'s own Export sends them to the ERP', async () => {
    await open(`/${DEMO}/company/erp_integrations/payments?view=failed_to_export`);
    const fillIn = page.locator('[data-erp-sync-watch="fix"] button', { hasText: /^Fill in$/ });
    // The duplicate check number is further down: the grid renders only the rows in view.
    await expect
      .poll(
        async () => {
          if ((await fillIn.count()) > 0) return true;
          await page.locator('.ag-row[row-index]').first().hover();
          await page.mouse.wheel(0, 250);
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    const row = page.locator('.ag-row[row-index]').filter({ has: fillIn }).first();
    await row.scrollIntoViewIfNeeded();
    const suggestion = (await row.getByTestId('esw-fix').textContent()) ?? '';
    const suggested = Number(/Suggested: Check Number (\d+)/.exec(suggestion)?.[1]);
    expect(suggested).toBeGreaterThan(0);
    await shot('failed-to-export');
    const access = await overlayAccessibility(page);
    expect(access.violations).toEqual([]);
    expect(access.checked).toBeGreaterThan(10);
    await row.locator('[data-erp-sync-watch="fix"] button', { hasText: /^Fill in$/ }).click();
    expect(await row.locator('input').first().inputValue()).toBe(String(suggested));
    await row.getByRole('button', { name: /^Export .* to ERP$/ }).click();
    await expect
      .poll(async () => (await ledger(sim.origin)).records.some((r) => r.companyId === DEMO && r.checkNumber === suggested), { timeout: 60_000 })
      .toBe(true);
    expect((await ledger(sim.origin)).violations).toEqual([]);
  });

  it('Fill in & Export goes through the background after a confirm showing old → new, and ends in the ERP', async () => {
    await open(`/${OVERLAY_CO}/company/erp_integrations/payments?view=failed_to_export`);
    const fix = page.locator('[data-erp-sync-watch="fix"] button', { hasText: /^Fill in & Export$/ });
    await expect.poll(() => fix.count(), { timeout: 30_000 }).toBe(1);
    await fix.click();
    await expect.poll(() => confirm().count()).toBe(1);
    const rows = await confirm().locator('tbody tr').allTextContents();
    const [, from, to] = /^Check Number(\d+)→ (\d+)$/.exec(rows[0] ?? '') ?? [];
    expect(Number(to)).toBeGreaterThan(Number(from));
    await shot('fix-confirm');
    await confirm().getByRole('button', { name: 'Fill in & Export' }).click();
    await expect
      .poll(async () => (await ledger(sim.origin)).records.some((r) => r.companyId === OVERLAY_CO && r.checkNumber === Number(to)), { timeout: 60_000 })
      .toBe(true);
    expect((await ledger(sim.origin)).violations).toEqual([]);
  });

  it('applies the check number recommendation through the background after a confirm', async () => {
    await open(`/${OVERLAY_CO}/company/payments/settings/funding_accounts`);
    const pill = page.locator('[data-erp-sync-watch="advice"] button');
    await expect.poll(() => pill.count(), { timeout: 30_000 }).toBe(1);
    const label = (await pill.getAttribute('aria-label')) ?? '';
    const next = Number(/start at (\d+)/.exec(label)?.[1]);
    // Its duplicate check number failure comes first: the account is not clear.
    expect(label).toMatch(/failed with a check number QuickBooks Online already used\. ERP's last check is \d+: start at \d+, room for [\d,]+ checks$/);
    await pill.click();
    await expect.poll(() => popover().count()).toBe(1);
    await shot('funding-accounts');
    await popover().getByRole('button', { name: `Apply: start at ${next}` }).click();
    await expect.poll(() => confirm().count()).toBe(1);
    await confirm().getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => sim.store.fundingAccounts(OVERLAY_CO)[0]!.nextCheckNumber, { timeout: 30_000 }).toBe(next);
  });

  it('keeps one badge per row through SPA navigation back and forth', async () => {
    await open(`/${DEMO}/company/payments/disbursements`);
    await expectBadge('D-000387', /failed/);
    for (let i = 0; i < 3; i++) {
      await page.getByRole('link', { name: 'Subcontractor Invoices' }).click();
      await page.waitForSelector('[role="columnheader"]:has-text("Invoice #")');
      await page.getByRole('link', { name: 'Disbursements' }).click();
      await page.waitForSelector('[role="columnheader"]:has-text("Drawdown Status")');
    }
    await expectBadge('D-000387', /failed/);
    const perRow = await page.$$eval('.ag-row[row-index]', (rows) => rows.map((row) => row.querySelectorAll('[data-erp-sync-watch="badge"]').length));
    expect(Math.max(...perRow)).toBe(1);
    expect(await page.locator('[data-erp-sync-watch="root"]').count()).toBe(1);
    expect(await page.locator('[data-erp-sync-watch="mark"], [data-erp-sync-watch="banner"]').count()).toBe(0);

    // Into the other tool without a page load: the script injected for Payments draws there too.
    await page.getByRole('link', { name: 'ERP Integrations' }).click();
    await page.waitForSelector('[role="columnheader"]:has-text("Errors")');
    await expect.poll(() => page.getByTestId('esw-fix').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-erp-sync-watch="badge"]').count()).toBe(0);
  });
});

const LONG_CO = 9300;
const LONG_ROWS = 5000;

/** 5,000 funded disbursements, each synced after its own delay, so each badge names its own record. */
function seedLongCompany(store: SimStore): Map<string, string> {
  const now = store.now();
  const ana = store.user(1)!;
  const company = store.addCompany({ id: LONG_CO, name: 'Long List Builders', connector: 'sage_intacct' });
  ana.companyIds.push(company.id);
  const project = store.addProject(company.id, 'Long Tower');
  const vendor = store.addVendor(company.id, 'Steady Subcontracting');
  const account = store.addFundingAccount({ companyId: company.id, nickname: 'Main', bankId: 'MAIN', nextCheckNumber: 50_000 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'MAIN', name: 'Main - 0001', lastCheckNumber: 1_000 });
  const fundedAt = now - 0.9 * WINDOW;
  const expected = new Map<string, string>();
  for (let i = 0; i < LONG_ROWS; i++) {
    const invoice = store.addInvoice({ companyId: company.id, projectId: project.id, vendorId: vendor.id, grossAmount: 10_000 + i, erpStatus: 'synced', submittedAt: now - 86_400_000 });
    const d = store.createDisbursement(company.id, { name: `Draw ${i + 1}`, fundingAccountId: account.id, items: [{ invoiceId: invoice.id }], userId: ana.id }, fundedAt - 120_000);
    store.authorizeDisbursement(company.id, d.id, { at: fundedAt - 60_000, fundAt: null });
    // Whole seconds apart at this window, so each record's "In ERP in m:ss" is its own.
    const delay = ((i % 80) + 1) / (WINDOW / 1000);
    store.state.payouts.get(d.payoutIds[0]!)!.exportDelayFraction = delay;
    store.completeFunding(company.id, d.id, fundedAt);
    const seconds = Math.round(delay * WINDOW) / 1000;
    expected.set(d.identifier, `In ERP in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
  }
  return expected;
}

/** Every rendered row's Disbursement No. and the text of the badge drawn in that same row. */
function visibleBadges(p: Page): Promise<{ index: string; number: string; badge: string | null }[]> {
  return p.evaluate(() => {
    const rows = new Map<string, { number: string; badge: string | null }>();
    for (const part of document.querySelectorAll('.ag-row[row-index]')) {
      const index = part.getAttribute('row-index')!;
      const entry = rows.get(index) ?? { number: '', badge: null };
      const link = part.querySelector('a');
      if (link?.textContent) entry.number = link.textContent.trim();
      const button = part.querySelector('[data-erp-sync-watch="badge"]')?.shadowRoot?.querySelector('button');
      if (button) entry.badge = button.querySelectorAll('span')[1]?.textContent ?? '';
      rows.set(index, entry);
    }
    return [...rows.entries()].map(([index, row]) => ({ index, ...row }));
  });
}

describe('overlays on 5,000 rows', () => {
  let expected: Map<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sim = await startSim({ port: 0, scenario: 'empty', windowMs: WINDOW, rateLimit: { hourly: 1_000_000, tenSecond: 10_000 } });
    expected = seedLongCompany(sim.store);
    ext = await launchExtension();
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW });
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 820 });
  });

  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  for (const layout of ['current', 'legacy'] as const) {
    it(`keeps each visible badge on its own row while scrolling (${layout} layout)`, async () => {
      await open(`/${LONG_CO}/company/payments/disbursements${layout === 'legacy' ? '?grid=legacy' : ''}`);
      await page.locator('.ag-row[row-index]').first().hover();
      let compared = 0;
      for (const wheel of [0, 2_000, 30_000, 60_000, 45_000, 150_000, -80_000, 400_000]) {
        await page.mouse.wheel(0, wheel);
        await expect
          .poll(
            async () => {
              const rows = await visibleBadges(page);
              const wrong = rows.filter((row) => row.number && row.badge !== expected.get(row.number));
              return rows.length > 0 && wrong.length === 0 ? 'all match' : JSON.stringify(wrong.slice(0, 3));
            },
            { timeout: 60_000, interval: 250 },
          )
          .toBe('all match');
        compared += (await visibleBadges(page)).length;
      }
      expect(compared).toBeGreaterThan(100);
      const last = await visibleBadges(page);
      expect(Math.max(...last.map((r) => Number(r.index)))).toBeGreaterThan(1000);
      await shot(`scrolled-5000-${layout}`);
    });
  }
});
