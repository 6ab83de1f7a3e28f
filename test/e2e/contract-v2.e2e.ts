import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../utils/domain/watch';
import type { Sim } from '../sim/server';
import { simControl, startTestSim } from '../sim/testing';
import { configureExtension, describeLearned, learnFromPaymentsPages, openExtensionPage, sendFromExtensionPage } from './configure';
import { launchExtension, type LaunchedExtension } from './launch';

// Issue 12's end to end: on contract v2 no public endpoint lists disbursements; the extension
// learns the Payments pages' own requests, whose paths and wrappers differ with every --variant.
// Each case: a fresh install says "not yet"; after the Payments pages were opened once, a funding
// made afterwards is followed with no Procore tab open, to synced or to its cause; the panel says
// "learned"; a page reached by pushState from another tool gets its badges.

const WINDOW_MS = 6_000;
const COMPANY = '8089';
const CASES = [
  { variant: 0, erpTab: 'html' },
  { variant: 5, erpTab: 'grid' },
  { variant: 17, erpTab: 'html' },
] as const;

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The options page's Compatibility row of a capability: its source attribute and its words. */
async function panelRow(ext: LaunchedExtension, capability: string): Promise<{ source: string | null; text: string }> {
  const options = await ext.context.newPage();
  try {
    await options.goto(`chrome-extension://${ext.extensionId}/options.html#compatibility`);
    const row = options.locator(`[data-testid="compatibility-capabilities"] tr[data-capability="${capability}"]`);
    await row.waitFor();
    return { source: await row.getAttribute('data-source'), text: (await row.innerText()).replace(/\s+/g, ' ') };
  } finally {
    await options.close();
  }
}

describe.each(CASES)('contract v2 on the sandbox, --variant $variant, ERP tab $erpTab', ({ variant, erpTab }) => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let page: Page;

  beforeAll(async () => {
    sim = await startTestSim({ scenario: 'basic', windowMs: WINDOW_MS, variant, erpTab });
    ext = await launchExtension();
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS, companyIds: [COMPANY], learn: false });
    page = await openExtensionPage(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  const watchesOf = (disbursementId: string) => sendFromExtensionPage<Watch[]>(page, 'watches.list', { disbursementId });

  it('says "not yet" for discovery on a fresh install, with what to do', async () => {
    // A poll ran at configure: with no page seen, nothing lists disbursements.
    expect(await sendFromExtensionPage<Watch[]>(page, 'watches.list', {})).toEqual([]);
    const row = await panelRow(ext, 'discover_disbursements');
    expect(row.source).toBe('not_yet');
    expect(row.text).toContain('not yet');
    expect(row.text).toContain('Open the Payments tool once');
  });

  it('after the Payments pages were opened once, follows a new funding with no Procore tab open, to synced or to its cause', async () => {
    await learnFromPaymentsPages(ext, page, sim.origin, COMPANY);
    expect(ext.context.pages().filter((p) => p.url().startsWith(sim.origin))).toEqual([]);

    const d = await simControl<{ id: string; payouts: { id: string }[] }>(sim.origin, 'POST', '/disbursements', {
      companyId: Number(COMPANY),
      payouts: [
        { beneficiaryName: 'Clearwater Framing', delayFraction: 0.1 },
        { beneficiaryName: 'Unknown Vendor Supply', vendorSynced: false, delayFraction: 0.1 },
      ],
    });
    const [goodId, badId] = d.payouts.map((p) => String(p.id)) as [string, string];
    const outcome = await until(`the new funding's records to end synced and failed (${await describeLearned(page)})`, async () => {
      await sendFromExtensionPage(page, 'poll.now', { companyId: COMPANY });
      const watches = await watchesOf(d.id);
      const good = watches.find((w) => w.payoutId === goodId);
      const bad = watches.find((w) => w.payoutId === badId);
      return good?.state === 'synced' && bad?.state === 'failed' ? { good, bad } : null;
    });
    expect(outcome.bad.diagnosis?.cause).toBe('VENDOR_NOT_SYNCED');
    expect(outcome.good.contractPaymentId).toMatch(/^\d+$/);

    const row = await panelRow(ext, 'discover_disbursements');
    expect(row.source).toBe('learned');
    expect(row.text).toContain('learned from your Procore pages');
    expect((await panelRow(ext, 'read_payouts')).source).toBe('learned');
  });

  it('draws its badges on the Disbursements tab reached by pushState from Company Home', async () => {
    const tab = await ext.context.newPage();
    try {
      await tab.goto(`${sim.origin}/${COMPANY}/company/home`);
      await tab.getByRole('link', { name: 'Payments', exact: true }).click();
      await tab.getByRole('link', { name: 'Disbursements', exact: true }).click();
      await tab.waitForURL(/\/payments\/disbursements$/);
      await expect.poll(() => tab.locator('.ag-row[row-index] [data-erp-sync-watch="badge"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      // Inside the app: the address changed by pushState, no document was loaded after Home.
      expect(await tab.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
      expect(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name)).toMatch(/\/company\/home$/);
    } finally {
      await tab.close();
    }
  });
});
