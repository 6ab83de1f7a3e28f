/**
 * Benchmark (not a test): the toolbar popup's time to first render with 1,000 payment records.
 *
 * The sim is seeded with 1,000 freshly funded payment records (some failing, some still syncing,
 * the rest synced); the real extension polls them into its store, and the popup loads them through
 * the real message protocol. Prints the time from navigation start to the first row on screen and
 * to the whole list being in (the list no longer aria-busy), over several openings.
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
const SEED_TIMEOUT_MS = 600_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The limit is raised so that seeding is quick: this measures the popup, not the governor.
const sim = await startSim({ port: 0, scenario: 'empty', windowMs: WINDOW_MS, rateLimit: { hourly: 100_000, tenSecond: 2_000 } });
const ext = await launchExtension();
try {
  for (let d = 0; d < RECORDS / PAYOUTS_PER_DISBURSEMENT; d++) {
    // A fifth fail (beneficiary not in the ERP), a fifth are still inside their window, the rest synced.
    // The same 50 subcontractors are paid in every draw: 100 contracts in all, as a company has,
    // so seeding the store through Procore takes a few hundred requests, not one per record.
    const kind = d % 5 === 0 ? 'failing' : d % 5 === 1 ? 'syncing' : 'synced';
    createFromSpec(sim.store, {
      name: `Bench draw ${d + 1}`,
      // The failing ones are past their window: a failure is read once the window is over.
      fundedAgoMs: kind === 'syncing' ? 0 : kind === 'failing' ? WINDOW_MS + 60_000 : 60_000,
      payouts: Array.from({ length: PAYOUTS_PER_DISBURSEMENT }, (_, i) => ({
        beneficiaryName: kind === 'failing' ? `Unknown Vendor ${i + 1}` : `Subcontractor ${i + 1}`,
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
    const states = watches.reduce<Record<string, number>>((n, w) => ({ ...n, [w.state]: (n[w.state] ?? 0) + 1 }), {});
    console.error(`seeding: ${settled} of ${RECORDS} records settled in the extension's store (${JSON.stringify(states)})`);
    if (Date.now() > seededBy) throw new Error(`Only ${settled} of ${RECORDS} records reached the extension's store in time.`);
    await sendFromExtensionPage(control, 'poll.now', {});
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const byState = watches.reduce<Record<string, number>>((n, w) => ({ ...n, [w.state]: (n[w.state] ?? 0) + 1 }), {});
  await control.close();

  const firstRow: number[] = [];
  const jumpToEnd: number[] = [];
  const rowsInPage: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < OPENINGS; i++) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    // Watches the document from its start: the moment the first row and the full section counts appear.
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: Record<string, number> }).__marks = marks;
      // Where the time goes: the popup's script asking its first question, and each answer's arrival.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: { name: string }) => Promise<unknown> } } }).chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message: { name: string }) => {
        marks.asked ??= performance.now();
        return send(message).then((reply) => {
          marks[`answer:${message.name}`] ??= performance.now();
          return reply;
        });
      };
      new MutationObserver(() => {
        if (marks.firstRow === undefined && document.querySelector('.watch-row')) marks.firstRow = performance.now();
        // The list is drawn from its first rows, then the rest: it is busy until every record is in.
        if (marks.wholeList === undefined && document.querySelector('.watch-list[aria-busy="false"]')) marks.wholeList = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.waitForFunction(() => (window as unknown as { __marks: { wholeList?: number } }).__marks.wholeList !== undefined, undefined, { timeout: 30_000 });
    const marks = await page.evaluate(() => {
      const found = (window as unknown as { __marks: Record<string, number> }).__marks;
      // The page's own start: the HTML in, and its module scripts run (they run before DOMContentLoaded).
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (navigation) Object.assign(found, { htmlLoaded: navigation.responseEnd, scriptsRun: navigation.domContentLoadedEventStart });
      return found;
    });
    firstRow.push(marks.firstRow!);
    for (const [name, at] of Object.entries(marks)) (phases[name] ??= []).push(at);
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
  for (const [name, at] of Object.entries(phases).sort(([, a], [, b]) => median(a) - median(b))) console.log(`    ${name.padEnd(28)} median ${median(at).toFixed(0)} ms after navigation start`);
  console.log(`  jump to the bottom      median ${median(jumpToEnd).toFixed(0)} ms   (two frames after scrollTop = end)`);
  console.log(`  rows in the page (virtualized): ${median(rowsInPage)} of ${watches.length}`);
} finally {
  await ext.close();
  await sim.close();
}
