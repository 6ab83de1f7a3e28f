/**
 * Benchmark (not a test): the toolbar popup's time to first render with 1,000 payment records.
 *
 * The sim is seeded with 1,000 freshly funded payment records (some failing, some still syncing,
 * the rest synced); the real extension polls them into its store, and the popup loads them through
 * the real message protocol. Each opening is the real popup window (`action.openPopup()`, as a
 * click on the toolbar button opens it); prints the time from that call to the first row painted,
 * over several openings: first from the popup's last view (as every opening but a first one), then
 * with it erased before each opening (a first opening). Before all that, the same opening of a
 * static popup page without the extension's code (popup-floor.ts): Chromium's own part.
 *
 * `--against DIR` measures another build (say, an older commit's `.output/chrome-mv3-sandbox`) on
 * the same store: after seeding, the browser is closed and started again on the same profile with
 * the other build's files in the extension's place (the same path: the same id, the same
 * IndexedDB), in alternate rounds A B A B, each after a fresh start and a pause, and each build's
 * openings are printed apart. On this machine two runs of one build can differ by ~15 ms, so a
 * change is judged this way.
 *
 *   npm run build:sandbox && npx tsx test/bench/popup-render.ts [--against DIR]
 */
import { createFromSpec } from '../sim/disbursement-spec';
import { startSim } from '../sim/server';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from '../e2e/configure';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isolatedBuild, launchExtension, SANDBOX_EXTENSION_DIR, type LaunchedExtension } from '../e2e/launch';
import { measurePopupFloor } from './popup-floor';
import { openPopupWindow } from './popup-window';
import type { Watch } from '../../utils/domain/watch';
import { LAST_VIEW_KEY } from '../../components/popup/forget-last-view';

const RECORDS = 1_000;
const PAYOUTS_PER_DISBURSEMENT = 50;
const OPENINGS = 7;
const PAUSE_BETWEEN_OPENINGS_MS = 2_000;
const WINDOW_MS = 600_000;
const SEED_TIMEOUT_MS = 600_000;
const ROUNDS_AGAINST = 4;
// A browser started again polls at once (a burst of reads from the sim in this process): its
// openings wait for that to pass, or the build measured first would be the only one spared it.
const SETTLE_AFTER_LAUNCH_MS = 30_000;

const { values: args } = parseArgs({ options: { against: { type: 'string' } } });
const against = args.against ? path.resolve(args.against) : null;

/**
 * Runs in the popup window (its source is sent through DevTools): waits until the whole list is
 * in, then reads when the first row was painted (Element Timing, `elementtiming="watch-row"`,
 * the browser's own paint time, buffered from the page's start), the page's own start, and how
 * long a jump to the end of the list takes. Times are from the popup's time origin.
 */
async function readMarks() {
  const painted: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number; loadTime: number })[]) {
      if (entry.identifier === 'watch-row') painted.push(entry.renderTime || entry.loadTime);
    }
  }).observe({ type: 'element', buffered: true });
  // How far the list moved down or up (a notice or the Compatibility line coming in above it),
  // seen at every frame from now (the bench attaches around the popup's load) until it reads.
  // Chromium reports no layout-shift entries in the popup window (tried), so this is read here.
  let listTop: number | null = null;
  let listMoved = 0;
  let watching = true;
  // A loop, not a named callback: this function's source is sent as text, without tsx's helpers.
  void (async () => {
    while (watching) {
      const top = document.querySelector('.watch-list')?.getBoundingClientRect().top;
      if (top !== undefined) {
        listTop ??= top;
        listMoved = Math.max(listMoved, Math.abs(top - listTop));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  })();
  const until = performance.now() + 30_000;
  let listComplete = NaN;
  while (!(document.querySelector('.watch-list[aria-busy="false"]') && painted.length)) {
    if (performance.now() > until) throw new Error(`after 30 s: ${painted.length} rows painted, list ${document.querySelector('.watch-list')?.getAttribute('aria-busy') ?? 'absent'}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (Number.isNaN(listComplete) && document.querySelector('.watch-list[aria-busy="false"]')) listComplete = performance.now();
  }
  // Lines that come after the list (a notice, the Compatibility line) may still move it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  watching = false;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const list = document.querySelector('.watch-list')!;
  const start = performance.now();
  list.scrollTop = list.scrollHeight;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const jumpToEndMs = performance.now() - start;
  return {
    timeOrigin: performance.timeOrigin,
    htmlLoaded: navigation!.responseEnd,
    scriptsRun: navigation!.domContentLoadedEventStart,
    // Chromium seems to show an extension's popup only once it has loaded (inferred from timings).
    loaded: navigation!.loadEventEnd,
    firstRowPainted: Math.min(...painted),
    // The popup's first frame shown, whatever it holds: until then nothing the popup draws is seen.
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    // The whole live list in (seen by polling; late when the list was complete before this ran).
    listComplete,
    rowsInPage: document.querySelectorAll('.watch-row').length,
    shown: Number(/(\d[\d,]*) shown/.exec(list.getAttribute('aria-label') ?? '')?.[1]?.replace(/,/g, '') ?? NaN),
    jumpToEndMs,
    listMoved,
    // What stands above the list once the answers are in (what may have moved it).
    above: document.querySelector('.popup-notices')?.textContent ?? '',
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// First, while nothing else runs: Chromium's own part of the same opening.
const floor = await measurePopupFloor(OPENINGS, PAUSE_BETWEEN_OPENINGS_MS);

// The limit is raised so that seeding is quick: this measures the popup, not the governor.
const sim = await startSim({ port: 0, scenario: 'empty', windowMs: WINDOW_MS, rateLimit: { hourly: 100_000, tenSecond: 2_000 } });
// The extension's files live at one path for the whole run, so that swapping builds keeps its id.
const extensionDir = isolatedBuild();
let ext: LaunchedExtension = await launchExtension({ extensionDir });
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

  const openings = async (withLastView: boolean) => {
    const anyPage = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(anyPage);
    // An extension page shares the popup's localStorage: it erases the popup's last view.
    const erasing = await openExtensionPage(ext);
    const firstRow: number[] = [];
    const jumpToEnd: number[] = [];
    const rowsInPage: number[] = [];
    const listMoved: number[] = [];
    const above = new Set<string>();
    const phases: Record<string, number[]> = {};
    for (let i = 0; i < OPENINGS; i++) {
      if (!withLastView) await erasing.evaluate((key) => localStorage.removeItem(key), LAST_VIEW_KEY);
      const popup = await openPopupWindow(ext, cdp);
      const marks = await popup.evaluate<Awaited<ReturnType<typeof readMarks>>>(`(${readMarks.toString()})()`);
      // From the click (the worker's openPopup call) to the first row painted, on one clock.
      const fromClick = (at: number) => marks.timeOrigin! + at - popup.openedAt;
      firstRow.push(fromClick(marks.firstRowPainted!));
      for (const name of ['htmlLoaded', 'scriptsRun', 'loaded', 'firstContentfulPaint', 'firstRowPainted', 'listComplete'] as const) (phases[name] ??= []).push(fromClick(marks[name]!));
      (phases.documentStarted ??= []).push(fromClick(0));
      rowsInPage.push(marks.rowsInPage!);
      listMoved.push(marks.listMoved!);
      above.add(marks.above);
      if (marks.shown !== RECORDS) throw new Error(`The popup lists ${marks.shown} records, not ${RECORDS}.`);
      jumpToEnd.push(marks.jumpToEndMs!);
      await popup.close();
      // Chromium starts a popup's document either at once (~15 ms) or a quarter second later,
      // depending on how soon it follows the last one: a pause makes every opening the same kind,
      // the kind a user's click long after the last popup meets.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_OPENINGS_MS));
    }
    await erasing.close();
    await anyPage.close();
    return { firstRow, jumpToEnd, rowsInPage, listMoved, above, phases };
  };
  type Openings = Awaited<ReturnType<typeof openings>>;
  const htmlToRow = (run: Openings) => median(run.firstRow.map((at, i) => at - run.phases.htmlLoaded![i]!));
  // Every opening but a first one (or the first after the data was erased) starts from the last view.
  const measure = async () => ({ usual: await openings(true), first: await openings(false) });
  const join = (runs: Openings[]): Openings => ({
    firstRow: runs.flatMap((r) => r.firstRow),
    jumpToEnd: runs.flatMap((r) => r.jumpToEnd),
    rowsInPage: runs.flatMap((r) => r.rowsInPage),
    listMoved: runs.flatMap((r) => r.listMoved),
    above: new Set(runs.flatMap((r) => [...r.above])),
    phases: Object.fromEntries(Object.keys(runs[0]!.phases).map((name) => [name, runs.flatMap((r) => r.phases[name]!)])),
  });
  const swapTo = async (build: string) => {
    await ext.close({ keepProfile: true });
    rmSync(extensionDir, { recursive: true, force: true });
    cpSync(build, extensionDir, { recursive: true });
    ext = await launchExtension({ extensionDir, profileDir: ext.profileDir });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_LAUNCH_MS));
  };
  const builds = against ? [SANDBOX_EXTENSION_DIR, against] : [SANDBOX_EXTENSION_DIR];
  const rounds = new Map<string, Awaited<ReturnType<typeof measure>>[]>(builds.map((b) => [b, []]));
  for (let round = 0; round < (against ? ROUNDS_AGAINST : 1); round++) {
    const build = builds[round % builds.length]!;
    if (against) await swapTo(build);
    const measured = await measure();
    rounds.get(build)!.push(measured);
    if (against) console.error(`round ${round + 1}, ${build}: HTML → first row, medians: ${htmlToRow(measured.usual).toFixed(0)} ms from the last view, ${htmlToRow(measured.first).toFixed(0)} without`);
  }
  for (const [build, runs] of rounds) {
    const usual = join(runs.map((r) => r.usual));
    const first = join(runs.map((r) => r.first));
    if (against) console.log(`build ${build}, rounds ${runs.length}:`);
    console.log(`Popup with ${watches.length} records in the store (${Object.entries(byState).map(([s, n]) => `${n} ${s}`).join(', ')}), ${usual.firstRow.length} openings of the real popup window each way:`);
    for (const [title, run] of [['from the last view (every opening after the first)', usual], ['without a last view (a first opening, or after the data was erased)', first]] as const) {
      const { firstRow, jumpToEnd, rowsInPage, listMoved, above, phases } = run;
      console.log(`${title}:`);
      console.log(`  time to first row       median ${median(firstRow).toFixed(0)} ms   (min ${Math.min(...firstRow).toFixed(0)}, max ${Math.max(...firstRow).toFixed(0)}; from action.openPopup() to the first row painted)`);
      console.log(`  from the HTML in to the first row   median ${htmlToRow(run).toFixed(0)} ms   (what the popup's own code decides)`);
      for (const [name, at] of Object.entries(phases).sort(([, a], [, b]) => median(a) - median(b))) console.log(`    ${name.padEnd(28)} median ${median(at).toFixed(0)} ms after the click`);
      console.log(`  jump to the bottom      median ${median(jumpToEnd).toFixed(0)} ms   (two frames after scrollTop = end)`);
      console.log(`  rows in the page (virtualized): ${median(rowsInPage)} of ${watches.length}`);
      console.log(`  list moved              median ${median(listMoved).toFixed(0)} px   (max ${Math.max(...listMoved).toFixed(0)}; how far the list's top moved, from around the popup's load to 0.5 s after the whole list is in)`);
      for (const text of above) console.log(`    above the list: ${text || '(nothing)'}`);
    }
  }
  console.log('the same opening without the extension\'s code (a popup page of the same size, one row of text, no script):');
  console.log(`  from the HTML in to the row   median ${median(floor.htmlToRow).toFixed(0)} ms   (min ${Math.min(...floor.htmlToRow).toFixed(0)}, max ${Math.max(...floor.htmlToRow).toFixed(0)}; Chromium's own part)`);
  console.log(`  from its load to its first paint   median ${median(floor.loadToPaint).toFixed(0)} ms`);
} finally {
  await ext.close();
  rmSync(extensionDir, { recursive: true, force: true });
  await sim.close();
}
