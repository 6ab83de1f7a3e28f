import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Watch } from '../../utils/domain/watch';
import { FIX_HASH_KEY, type SettingsView } from '../../utils/messaging';
import { idFromHash } from '../../utils/page/hash-id';
import { startSim, type Sim } from '../sim/server';
import { ledger, simControl } from '../sim/testing';
import { configureExtension, sendFromExtensionPage } from './configure';
import { extensionPolicy } from './enterprise-policy';
import { isolatedBuild, launchExtension, type LaunchedExtension } from './launch';

const WINDOW_MS = 30_000;
const AXE = path.resolve('node_modules/axe-core/axe.min.js');

/** axe-core in the page: the serious and critical violations, as "rule: target" lines. */
async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  // Extension pages allow only their own scripts (CSP), so axe is evaluated, not added as a tag.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector ?? null);
}

/**
 * Payouts of the last day whose latest export request failed in the sim, at the US01 companies
 * (the extension's session calls go to the 127.0.0.1 origin; Harbor's answer only on its US02
 * twin): what the popup must list as failed (a new install looks back one day; the demo's
 * month-old history is not watched).
 */
function simFailedBeneficiaries(sim: Sim): string[] {
  const names: string[] = [];
  const dayAgo = sim.store.now() - 86_400_000;
  for (const payout of sim.store.state.payouts.values()) {
    const disbursement = sim.store.state.disbursements.get(payout.disbursementId);
    if ((disbursement?.updatedAt ?? 0) < dayAgo) continue;
    if (sim.store.state.companies.get(disbursement!.companyId)?.zone !== 'us01') continue;
    const latest = sim.store.latestRequestDetail(payout.id);
    if (latest?.status !== 'failed' && latest?.status !== 'stale') continue;
    const invoice = sim.store.state.invoices.get(payout.invoiceId);
    names.push((invoice && sim.store.state.vendors.get(invoice.vendorId)?.name) ?? '?');
  }
  return names;
}

const sectionCount = async (page: Page, title: string) => {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${title} \\(\\d+\\)$`) });
  if (!(await heading.count())) return 0;
  return Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1] ?? 0);
};

describe('popup and options in Chromium against the sim', () => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let popup: Page;
  let dir: string;

  const watches = async (): Promise<Watch[]> => sendFromExtensionPage<Watch[]>(popup, 'watches.list', {});
  const openPopup = async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    return page;
  };

  beforeAll(async () => {
    sim = await startSim({ port: 0, scenario: 'demo', windowMs: WINDOW_MS });
    dir = isolatedBuild();
    ext = await launchExtension({ extensionDir: dir });
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS });
    popup = await openPopup();
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  // Each test starts from a freshly opened popup: no search or filter left from the last one.
  beforeEach(async () => {
    await popup?.reload();
  });

  it('lists what the sim produced, each failure once, with no serious accessibility violation', async () => {
    // The sim keeps funding and failing while it runs: take what failed so far, then have the
    // extension look, and every one of those must be listed.
    const simFailed = new Set(simFailedBeneficiaries(sim));
    expect(simFailed.size).toBeGreaterThan(3);
    await sendFromExtensionPage(popup, 'poll.now', {});
    const failedStates = ['failed', 'escalate', 're_exporting', 'not_exportable'];
    await expect
      .poll(async () => {
        const shown = await sectionCount(popup, 'Failed');
        const listed = (await watches()).filter((w) => failedStates.includes(w.state) && !w.snoozedUntil).length;
        return shown >= simFailed.size && shown === listed;
      }, { timeout: 40_000, interval: 1000 })
      .toBe(true);
    const search = popup.getByRole('searchbox', { name: 'Search payment records' });
    for (const name of simFailed) {
      await search.fill(name);
      await expect.poll(() => popup.getByRole('article', { name }).count(), { timeout: 5000, message: `${name} is listed` }).toBeGreaterThan(0);
    }
    // The demo's hostile beneficiary name is shown as text, never run.
    await search.fill('<img');
    await expect.poll(() => popup.getByRole('article', { name: '<img src=x onerror=alert(1)>' }).count()).toBeGreaterThan(0);
    expect(await popup.locator('.watch-row img').count()).toBe(0);
    await search.fill('');
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('filters by cause, and opens the record in Procore', async () => {
    await popup.getByLabel('Cause').selectOption({ label: 'Check number already used' });
    const row = popup.getByRole('article').first();
    await expect.poll(() => row.textContent()).toContain('Check number already used');
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), row.getByRole('link', { name: /in Procore/ }).click()]);
    // ERP Integrations with the record's fix ready; the page's overlay goes on to Failed to Export.
    await expect.poll(() => opened.url(), { timeout: 20_000 }).toMatch(new RegExp(`^${sim.origin}/\\d+/company/erp_integrations[^#]*view=failed_to_export[^#]*#esw-fix=[^#]+$`));
    await opened.close();
  });

  it('Fix in Procore shows the cause and old → new, then opens ERP Integrations with that record\'s fix ready; nothing is exported from the popup', async () => {
    await popup.getByLabel('Cause').selectOption({ label: 'Check number already used' });
    const row = popup.getByRole('article').first();
    const name = (await row.locator('h3 [id]').textContent())!;
    // A beneficiary can have more than one failed payment: the row's own link names its record.
    const href = (await row.getByRole('link', { name: /in Procore/ }).getAttribute('href'))!;
    const payoutId = idFromHash(new URL(href).hash, FIX_HASH_KEY);
    const watch = (await watches()).find((w) => w.payoutId === payoutId)!;
    expect(watch.diagnosis?.cause).toBe('DUPLICATE_CHECK_NUMBER');
    const suggested = watch.diagnosis!.suggested!.checkNumber!;
    const exported = async () => (await ledger(sim.origin)).records.filter((r) => r.payoutId === watch.payoutId).length;
    const before = await exported();

    await row.getByRole('button', { name: `Fix in Procore: ${name}` }).click();
    const dialog = popup.getByRole('dialog', { name: `Fix in Procore: ${name}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(watch.diagnosis!.fix ?? watch.diagnosis!.summary);
    expect(await dialog.getByRole('row', { name: /Check number/ }).getByRole('cell').allTextContents()).toEqual([String(watch.checkNumber), String(suggested)]);
    expect(suggested).toBeGreaterThan(watch.checkNumber!);
    expect(await seriousViolations(popup)).toEqual([]);

    const [opened] = await Promise.all([ext.context.waitForEvent('page'), dialog.getByRole('button', { name: 'Open ERP Integrations' }).click()]);
    try {
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => popup.getByRole('status').filter({ hasText: `ERP Integrations opened with the fix for ${name}` }).count()).toBe(1);
      // The page shows that record's fix, old → new, with its confirm focused: waiting for the user.
      const confirm = opened.getByRole('alertdialog', { name: `Fill in & Export invoice ${watch.invoiceNumber}?` });
      await confirm.waitFor({ timeout: 30_000 });
      expect(opened.url()).toMatch(new RegExp(`^${sim.origin}/${watch.companyId}/company/erp_integrations.*#esw-fix=${encodeURIComponent(watch.payoutId)}$`));
      expect(await confirm.textContent()).toContain(String(suggested));
      const button = confirm.getByRole('button', { name: 'Fill in & Export' });
      expect(await button.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      // Nothing went to Procore: no new record in the ERP, and the record is still failed.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await exported()).toBe(before);
      expect((await watches()).find((w) => w.payoutId === watch.payoutId)?.state).toBe('failed');
      expect((await ledger(sim.origin)).violations).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('copies a support summary, snoozes and dismisses', async () => {
    const failedRows = popup.getByRole('article').filter({ has: popup.getByRole('button', { name: /^Snooze/ }) });
    const first = failedRows.first();
    const name = (await first.locator('h3 [id]').textContent())!;
    await first.getByRole('button', { name: /^Copy summary/ }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'copied' }).count()).toBe(1);
    // Paste into the search box: what was copied is what the clipboard holds.
    const search = popup.getByRole('searchbox', { name: 'Search payment records' });
    await search.focus();
    await popup.keyboard.press('Control+V');
    expect(await search.inputValue()).toContain(name);
    await search.fill('');

    const before = (await watches()).filter((w) => w.snoozedUntil !== null).length;
    await first.getByRole('button', { name: /^Snooze/ }).click();
    await expect.poll(async () => (await watches()).filter((w) => w.snoozedUntil !== null).length).toBe(before + 1);
    await expect.poll(() => popup.getByText(/snoozed records? hidden/).count()).toBe(1);

    const next = failedRows.first();
    const payoutCount = async (state: Watch['state']) => (await watches()).filter((w) => w.state === state).length;
    const dismissed = await payoutCount('dismissed');
    await next.getByRole('button', { name: /^Dismiss/ }).click();
    await expect.poll(() => payoutCount('dismissed')).toBe(dismissed + 1);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'dismissed' }).count()).toBe(1);
  });

  it('persists and validates options, with no serious accessibility violation on options and dashboard', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.getByText(/Connected as Ana Park/).waitFor();
    const retention = page.getByLabel('Keep history for (days)');
    await retention.fill('0');
    await page.getByText('Keep history for (days): keep at least 1 day').waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    await retention.fill('45');
    await page.getByRole('checkbox', { name: /A fixed payment reached the ERP/ }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Keep history for (days)').inputValue()).toBe('45');
    expect(await page.getByRole('checkbox', { name: /A fixed payment reached the ERP/ }).isChecked()).toBe(false);
    const stored = await sendFromExtensionPage<SettingsView>(page, 'settings.get', {});
    expect(stored.settings).toMatchObject({ retentionDays: 45, notifications: { syncedAfterFix: false } });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^Payout ID,Company,Disbursement No\.,Invoice No\.,Beneficiary,Amount \(USD\)/);
    expect(csv.length).toBeGreaterThan(10);
    expect(csv.some((line) => line.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    await page.getByRole('heading', { name: 'Time to reach the ERP' }).waitFor();
    // Open every chart's table so axe checks them too.
    for (const toggle of await page.getByText('Show the numbers as a table').all()) await toggle.click();
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('says what failed and when it retries when Procore fails', async () => {
    // Messages go from a page of their own, so reloading the popup never cuts one off.
    const control = await ext.context.newPage();
    await control.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const pollAndReload = async () => {
      void sendFromExtensionPage(control, 'poll.now', {}).catch(() => undefined);
      await popup.waitForTimeout(1500);
      await popup.reload();
      await popup.getByRole('heading', { level: 1 }).waitFor();
      await popup.waitForTimeout(500);
    };
    try {
      await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/payments/disbursements$', status: 503, retryAfter: 3 });
      const alert = popup.getByRole('alert').filter({ hasText: 'Cannot reach Procore' });
      await expect
        .poll(async () => {
          await pollAndReload();
          return alert.count();
        }, { timeout: 40_000, interval: 1000 })
        .toBe(1);
      // What failed (the engine's words), when, and when it tries again.
      expect(await alert.locator('p').first().textContent()).toMatch(/\w{5,}/);
      expect(await alert.textContent()).toMatch(/Failed at [\d:]+( [AP]M)?\. (Trying again in \d+ (s|min)|Trying again now|It tries again at the next check)/);
    } finally {
      await simControl(sim.origin, 'DELETE', '/faults');
      await control.close();
    }
  });
});

describe('popup when the browser is not signed in to Procore', () => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let dir: string;
  beforeAll(async () => {
    sim = await startSim({ port: 0, scenario: 'basic', windowMs: WINDOW_MS });
    dir = isolatedBuild();
    ext = await launchExtension({ extensionDir: dir });
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS, signIn: false, learn: false, poll: false });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("links to Procore's sign-in", async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // The first poll meets Procore's 401; the popup must turn that into a way to sign in.
    await sendFromExtensionPage(page, 'poll.now', {}).catch(() => undefined);
    const signIn = page.getByRole('link', { name: /Sign in to Procore/ });
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(500);
        return signIn.count();
      }, { timeout: 30_000, interval: 1000 })
      .toBe(1);
    expect(await signIn.getAttribute('href')).toBe(`${sim.origin}/login`);
    expect(await page.getByText('You are signed out of Procore').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

/** Enterprise policy: the private copy of the build has its own id, so this policy touches no other browser. */
describe('options under an enterprise policy', () => {
  let dir: string;
  let policy: ReturnType<typeof extensionPolicy>;
  let ext: LaunchedExtension;
  beforeAll(async () => {
    dir = isolatedBuild();
    policy = extensionPolicy(dir);
    policy.write({ retentionDays: 400, autoFixDuplicateCheckNumbers: true });
    ext = await launchExtension({ extensionDir: dir });
    expect(ext.extensionId).toBe(policy.id);
  });
  afterAll(async () => {
    await ext?.close();
    policy?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows policy-set fields as locked, with the policy values', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const retention = page.getByLabel('Keep history for (days)');
    await expect.poll(() => retention.inputValue(), { timeout: 15_000 }).toBe('400');
    expect(await retention.isDisabled()).toBe(true);
    const autofix = page.getByRole('checkbox', { name: /Re-export payments whose check number is already used/ });
    expect(await autofix.isChecked()).toBe(true);
    expect(await autofix.isDisabled()).toBe(true);
    expect(await page.getByText('Set by your organization’s policy').count()).toBe(2);
    expect(await page.getByLabel('OAuth client id').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /A payment failed to export/ }).isDisabled()).toBe(false);
    await page.close();
  });
});
