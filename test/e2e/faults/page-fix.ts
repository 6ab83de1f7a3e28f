import type { Locator, Page, Route } from 'playwright-core';
import { COMPANY, type FaultRun } from './fault-harness';
import { until } from './until';

/** Procore's own Export of one ERP payment record on the server-rendered ERP Integrations tab. */
export const EXPORT_PRESS = /\/erp_integrations\/contract_payments\/[^/]+\/export$/;

/** A tab of the run's browser on Procore's ERP Integrations, Failed to Export (the user's page). */
export async function openFailedToExport(run: FaultRun, companyId = COMPANY): Promise<Page> {
  const tab = await run.ext.context.newPage();
  await tab.goto(`${run.sim.origin}/${companyId}/company/erp_integrations/contract_payments?view=failed_to_export`);
  return tab;
}

/** The payment record's row on that page, by the payout it carries. */
export const recordRow = (tab: Page, payoutId: string): Locator => tab.locator(`tr[data-external-payment-id="${payoutId}"]`);

/** What the extension's pending-fixes banner over the table says (empty when it shows none). */
export async function pendingFixWords(tab: Page): Promise<string> {
  const banner = tab.locator('[data-testid="esw-pending-fixes"]');
  return (await banner.count()) === 0 ? '' : ((await banner.textContent()) ?? '');
}

/** Waits until the pending-fixes banner says `words`; a timeout names what it said last. */
export async function untilPendingFixSays(tab: Page, words: RegExp, timeoutMs = 30_000): Promise<string> {
  let last = '';
  return until(`the page to say ${words}`, async () => {
    last = await pendingFixWords(tab);
    return words.test(last) && last;
  }, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; it said: ${last || '(no banner)'}`);
  });
}

/**
 * The fix as a user makes it now (issue 13): the extension's Fill in & Export beside the row's
 * Export, old → new in the in-page confirm, Fill in & Export confirmed. The extension then asks
 * the background for the intent (`fix.begin`) and presses Procore's own Export (the form's POST).
 */
export async function fillInAndExport(tab: Page, payoutId: string): Promise<void> {
  const button = recordRow(tab, payoutId).locator('[data-erp-sync-watch="fix"] button', { hasText: /^Fill in & Export$/ });
  const row = recordRow(tab, payoutId);
  await until(`Fill in & Export on the row of ${payoutId}`, async () => (await button.count()) === 1, 30_000, 250).catch(async (error: Error) => {
    const seen = (await row.count()) === 0 ? `no row for it on ${tab.url()}` : `its row reads: ${(await row.innerText()).replace(/\s+/g, ' ')}`;
    throw new Error(`${error.message}; ${seen}`);
  });
  await button.click();
  const confirm = tab.locator('[data-erp-sync-watch="root"] [role="alertdialog"]');
  await until('the in-page confirm', async () => (await confirm.count()) === 1, 10_000, 100);
  await confirm.getByRole('button', { name: 'Fill in & Export' }).click();
}

/**
 * Holds Procore's Export press on its way to Procore (the intent is stored by then: the page
 * presses only after `fix.begin` said yes) and lets `onHeld` decide its fate. Resolves with
 * whether a press was held, once `onHeld` is done.
 */
export async function holdExportPress(tab: Page, onHeld: (route: Route) => Promise<void>): Promise<() => Promise<void>> {
  let done: Promise<void> | null = null;
  await tab.route(EXPORT_PRESS, (route) => {
    done ??= onHeld(route);
    return done;
  });
  return async () => {
    await until('the Export press to be held', async () => done !== null, 30_000, 50);
    await done;
  };
}
