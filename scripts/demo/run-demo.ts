import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Watch } from '../../utils/domain/watch';
import { configureExtension, describeLearned, openExtensionPage, sendFromExtensionPage, waitForCapability } from '../../test/e2e/configure';
import { launchExtension, type LaunchedExtension } from '../../test/e2e/launch';
import type { Sim } from '../../test/sim/server';
import type { DemoOptions } from './demo-options';
import { saveScreenshots } from './demo-screenshots';
import { startDemoSim } from './start-demo-sim';
import { watchTable } from './watch-table';

/**
 * The demo: the sandbox with the `demo` scenario, Chromium with the built sandbox extension
 * pointed at it and signed in, on the Payments page. Headed, it runs until the window is
 * closed; headless, for `seconds`, printing what the extension tracks and saving screenshots.
 * Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  let sim: Sim | null = null;
  let ext: LaunchedExtension | null = null;
  let stopping: Promise<void> | null = null;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const stop = () =>
    (stopping ??= (async () => {
      wake();
      // Chromium may already be gone (a terminal's Ctrl-C reaches it too): then only its
      // temporary profile is left to remove.
      await ext?.close().catch((error: unknown) => {
        if (!/has been closed/.test(String(error))) console.error(`Closing Chromium: ${String(error)}`);
        if (ext) rmSync(ext.profileDir, { recursive: true, force: true });
      });
      await sim?.close().catch((error: unknown) => console.error(`Closing the sandbox: ${String(error)}`));
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: stopping the browser and the sandbox…`);
    void stop().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    sim = await startDemoSim(options.port);
    const user = sim.store.state.users[0];
    const companyId = user?.companyIds[0];
    if (!user || companyId === undefined) throw new Error('The demo scenario has no user with a company.');
    console.log(`Procore sandbox: ${sim.origin} (scenario demo, sign-in ${user.login} / sandbox)`);

    ext = await launchExtension({ headless: options.headless, viewport: options.headless ? { width: 1400, height: 900 } : null, handleSignals: false });
    ext.context.on('close', wake);
    console.log(`Chromium with ERP Sync Watch (sandbox build), extension id ${ext.extensionId}`);
    try {
      await configureExtension(ext, { apiOrigin: sim.origin, learn: false, poll: false });
    } catch (error) {
      // The extension may still be under construction: the pages work regardless, say why it is quiet.
      console.error(`Could not configure the extension: ${(error as Error).message}`);
    }
    const payments = ext.context.pages().find((p) => p.url() === 'about:blank') ?? (await ext.context.newPage());
    await openPaymentsPages(ext, payments, `${sim.origin}/${companyId}/company/payments/disbursements`);
    console.log(`Payments page: ${payments.url()}`);

    if (!options.headless) {
      console.log('Close the browser window (or press Ctrl-C) to end the demo.');
      await stopped;
      return;
    }
    console.log(`Headless for ${options.seconds} s; the table below refreshes every ${options.every} s.`);
    const control = await openExtensionPage(ext).catch((error: unknown) => new Error(`no extension page to ask from (${String(error)})`));
    const deadline = Date.now() + options.seconds * 1000;
    while (!stopping && Date.now() < deadline) {
      await printWatches(control);
      await Promise.race([stopped, delay(Math.min(options.every * 1000, Math.max(0, deadline - Date.now())))]);
    }
    if (stopping) return;
    const files = await saveScreenshots(ext.context, { origin: sim.origin, companyId, extensionId: ext.extensionId }, options.outDir);
    console.log(`Screenshots saved in ${options.outDir}:\n${files.map((f) => `  ${f}`).join('\n')}`);
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const LEARN_MS = 30_000;

/**
 * Step one, as a user does: Procore publishes no list of disbursements (contract v2), so the
 * extension follows them after the Payments pages were opened once. The demo opens the
 * Disbursements tab and one disbursement, says so, and comes back to the tab.
 */
async function openPaymentsPages(ext: LaunchedExtension, page: Page, disbursementsUrl: string): Promise<void> {
  console.log('First step, as a user would: opening the Payments pages (the Disbursements tab, then one disbursement), from which ERP Sync Watch learns how this Procore lists them.');
  await page.goto(disbursementsUrl);
  const control = await openExtensionPage(ext);
  try {
    const first = page.locator('.ag-row[row-index] a[href*="/payments/disbursements/"]').first();
    await first.waitFor({ timeout: LEARN_MS });
    await first.click();
    await page.waitForURL(/\/payments\/disbursements\/[^/]+$/);
    const learned = (await waitForCapability(control, 'discover_disbursements', LEARN_MS)) && (await waitForCapability(control, 'read_payouts', LEARN_MS));
    console.log(learned ? 'Learned: ERP Sync Watch now follows the disbursements.' : `Not learned yet (${await describeLearned(control)}).`);
    await page.goBack();
    await page.locator('.ag-row[row-index]').first().waitFor({ timeout: LEARN_MS });
    await sendFromExtensionPage(control, 'poll.now', {}).catch((error: unknown) => console.error(`The first check failed: ${String(error)}`));
  } catch (error) {
    console.error(`Opening the Payments pages: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await control.close();
  }
}

/** One printing of the table; an error of the extension is printed in its place, never thrown. */
async function printWatches(control: Page | Error): Promise<void> {
  const stamp = new Date().toISOString().slice(11, 19);
  try {
    if (control instanceof Error) throw control;
    const watches = await sendFromExtensionPage<Watch[]>(control, 'watches.list', {});
    console.log(`\n[${stamp}] ${watchTable(watches, Date.now())}`);
  } catch (error) {
    console.log(`\n[${stamp}] watches.list failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
