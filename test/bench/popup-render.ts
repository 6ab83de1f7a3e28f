/**
 * Benchmark (not a test): the toolbar popup's time to first render with 1,000 payment records.
 *
 * The sim is seeded with 1,000 freshly funded payment records (some failing, some still syncing,
 * the rest synced); the real extension polls them into its store, and the popup loads them through
 * the real message protocol. Prints the time from navigation start to the first row on screen and
 * to the whole list being known, over several openings.
 *
 *   npm run build:sandbox && npx tsx test/bench/popup-render.ts
 */
import { createFromSpec } from '../sim/disbursement-spec';
import { startSim } from '../sim/server';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from '../e2e/configure';
import { launchExtension } from '../e2e/launch';
import type { Watch } from '../../utils/domain/watch';

const RECORDS = 1_000;
const PAYOUTS_PER_DISBURSEMENT = 50;
const OPENINGS = 7;
const WINDOW_MS = 600_000;
const SEED_TIMEOUT_MS = 120_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const sim = await startSim({ port: 0, scenario: 'empty', windowMs: WINDOW_MS });
const ext = await launchExtension();
try {
  for (let d = 0; d < RECORDS / PAYOUTS_PER_DISBURSEMENT; d++) {
    // A fifth fail (beneficiary not in the ERP), a fifth are still inside their window, the rest synced.
    const kind = d % 5 === 0 ? 'failing' : d % 5 === 1 ? 'syncing' : 'synced';
    createFromSpec(sim.store, {
      name: `Bench draw ${d + 1}`,
      fundedAgoMs: kind === 'syncing' ? 0 : 60_000,
      payouts: Array.from({ length: PAYOUTS_PER_DISBURSEMENT }, (_, i) => ({
        beneficiaryName: kind === 'failing' ? `Unknown Vendor ${i + 1}` : `Subcontractor ${d}-${i + 1}`,
        vendorSynced: kind !== 'failing',
        delayFraction: kind === 'syncing' ? 0.99 : 0.01,
        amount: 100_000 + d * 1_000 + i,
        dueAmount: 100_000 + d * 1_000 + i,
      })),
    });
  }
  await configureExtension(ext, { apiOrigin: sim.origin });
  const control = await openExtensionPage(ext);
  const seededBy = Date.now() + SEED_TIMEOUT_MS;
  let watches: Watch[] = [];
  for (;;) {
    watches = await sendFromExtensionPage<Watch[]>(control, 'watches.list', {});
    const settled = watches.filter((w) => w.state === 'failed' || w.state === 'synced' || w.state === 'syncing').length;
    if (settled >= RECORDS && watches.some((w) => w.state === 'failed')) break;
    if (Date.now() > seededBy) throw new Error(`Only ${settled} of ${RECORDS} records reached the extension's store in time.`);
    await sendFromExtensionPage(control, 'poll.now', {});
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const byState = watches.reduce<Record<string, number>>((n, w) => ({ ...n, [w.state]: (n[w.state] ?? 0) + 1 }), {});
  await control.close();

  const firstRow: number[] = [];
  const jumpToEnd: number[] = [];
  const rowsInPage: number[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    // Watches the document from its start: the moment the first row and the full section counts appear.
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: Record<string, number> }).__marks = marks;
      new MutationObserver(() => {
        if (marks.firstRow === undefined && document.querySelector('.watch-row')) marks.firstRow = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.waitForFunction(() => (window as unknown as { __marks: { firstRow?: number } }).__marks.firstRow !== undefined, undefined, { timeout: 30_000 });
    firstRow.push(await page.evaluate(() => (window as unknown as { __marks: { firstRow: number } }).__marks.firstRow));
    rowsInPage.push(await page.locator('.watch-row').count());
    // Every record is in the list: the last section, at the bottom, counts them all.
    const scrolled = await page.evaluate(async () => {
      const list = document.querySelector('.watch-list')!;
      const start = performance.now();
      list.scrollTop = list.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return { ms: performance.now() - start };
    });
    const label = await page.locator('.watch-list').getAttribute('aria-label');
    if (label !== `Payment records: ${RECORDS} shown`) throw new Error(`The popup lists ${label}, not ${RECORDS} records.`);
    jumpToEnd.push(scrolled.ms);
    await page.close();
  }
  console.log(`Popup with ${watches.length} records in the store (${Object.entries(byState).map(([s, n]) => `${n} ${s}`).join(', ')}), ${OPENINGS} openings, 400×600:`);
  console.log(`  time to first row       median ${median(firstRow).toFixed(0)} ms   (min ${Math.min(...firstRow).toFixed(0)}, max ${Math.max(...firstRow).toFixed(0)})`);
  console.log(`  jump to the bottom      median ${median(jumpToEnd).toFixed(0)} ms   (two frames after scrollTop = end)`);
  console.log(`  rows in the page (virtualized): ${median(rowsInPage)} of ${watches.length}`);
} finally {
  await ext.close();
  await sim.close();
}
