import type { BrowserContext, Page } from 'playwright-core';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from '../e2e/configure';
import { launchExtension, type LaunchedExtension } from '../e2e/launch';
import { HOST_ATTRIBUTE } from '../../utils/overlay/row-host';
import type { Watch } from '../../utils/domain/watch';
import { startSim, type Sim } from '../sim/server';
import { signInContext } from '../sim/testing';
import { BUDGETS, judge, type Verdict } from './budgets';
import { meanPhase, PageMetrics, phase, sumPhases, type PhaseMetrics } from './page-metrics';
import { BENCH_LOGIN, SYNCING_PER_COMPANY, seedPageCostCompanies, type PageCostCompany } from './page-cost-seed';
import { launchPlain, type PlainBrowser } from './plain-browser';
import { markGridScroller, scrollGridStep } from './grid-scroll';

export const PAGE_SIZES = [100, 1_000, 5_000] as const;
const VIEWPORT = { width: 1400, height: 900 };
/** After the first rows: time for the overlays to ask the background and draw (both variants wait it). */
const SETTLE_MS = 2_000;
export const IDLE_MS = 10_000;
/** Longer than the overlays' 100 ms scroll settle, with room for their redraw. */
export const SCROLL_PAUSE_MS = 300;

export type Variant = 'with' | 'without';

export interface PageRun {
  variant: Variant;
  rows: number;
  round: number;
  load: PhaseMetrics;
  idle: PhaseMetrics;
  scroll: PhaseMetrics;
  /** The part of `scroll` after each step's frames: where the overlays' redraw falls. */
  settle: PhaseMetrics;
  /** Overlay hosts on the page at the end (0 without the extension). */
  overlays: number;
  scrollSteps: number;
}

export interface SizeSummary {
  rows: number;
  with: { load: PhaseMetrics; idle: PhaseMetrics; scroll: PhaseMetrics; settle: PhaseMetrics; total: PhaseMetrics };
  without: { load: PhaseMetrics; idle: PhaseMetrics; scroll: PhaseMetrics; settle: PhaseMetrics; total: PhaseMetrics };
  /** with ÷ without over load + idle + scroll. */
  ratios: { taskMs: number; scriptMs: number; layouts: number; recalcStyles: number; heapBytes: number };
  /** Script the extension adds per second while the page sits with countdowns running. */
  tickerScriptMsPerSec: number;
  /** Main-thread time the extension adds after each scroll step settles: the overlays' redraw. */
  redrawMsPerStep: number;
  scrollSteps: number;
  /** The task-time ratio of each round on its own: how far the machine's noise moves it. */
  roundTaskRatios: number[];
}

export interface PageCostResult {
  runs: PageRun[];
  sizes: SizeSummary[];
  verdicts: Verdict[];
}

/**
 * Scrolls the grid to its end in steps, pausing after each longer than the overlays' settle
 * (they read and redraw rows once scrolling has been quiet for 100 ms): every step triggers the
 * redraw a user's scroll-and-look does. The settle phase of each step (from two frames after the
 * scroll to the end of the pause) is measured apart: with minus without, it is the redraw.
 */
async function scrollThrough(page: Page, metrics: PageMetrics): Promise<{ steps: number; settle: PhaseMetrics }> {
  const scroll = await markGridScroller(page);
  const settles: PhaseMetrics[] = [];
  for (let i = 1; i <= scroll.steps; i++) {
    await scrollGridStep(page, scroll, i);
    const scrolled = await metrics.snapshot();
    await page.waitForTimeout(SCROLL_PAUSE_MS);
    settles.push(phase(scrolled, await metrics.snapshot()));
  }
  return { steps: scroll.steps, settle: sumPhases(settles) };
}

async function measureOnce(context: BrowserContext, url: string, variant: Variant, rows: number, round: number): Promise<PageRun> {
  const page = await context.newPage();
  try {
    const metrics = await PageMetrics.attach(context, page);
    const start = await metrics.snapshot();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('.ag-row[row-index]', { timeout: 30_000 });
    const shown = await page.locator('.toolbar .count').textContent();
    if (shown !== `${rows} disbursements`) throw new Error(`The page shows "${shown}", not ${rows} disbursements`);
    if (variant === 'with') await page.waitForSelector(`[${HOST_ATTRIBUTE}]`, { timeout: 15_000, state: 'attached' });
    await page.waitForTimeout(SETTLE_MS);
    const loaded = await metrics.snapshot();
    await page.waitForTimeout(IDLE_MS);
    const idled = await metrics.snapshot();
    const { steps: scrollSteps, settle } = await scrollThrough(page, metrics);
    const scrolled = await metrics.snapshot();
    const overlays = await page.locator(`[${HOST_ATTRIBUTE}]`).count();
    await metrics.detach();
    return { variant, rows, round, load: phase(start, loaded), idle: phase(loaded, idled), scroll: phase(idled, scrolled), settle, overlays, scrollSteps };
  } finally {
    await page.close();
  }
}

function summarise(rows: number, runs: readonly PageRun[]): SizeSummary {
  const side = (variant: Variant) => {
    const mine = runs.filter((r) => r.rows === rows && r.variant === variant);
    const load = meanPhase(mine.map((r) => r.load));
    const idle = meanPhase(mine.map((r) => r.idle));
    const scroll = meanPhase(mine.map((r) => r.scroll));
    const settle = meanPhase(mine.map((r) => r.settle));
    return { load, idle, scroll, settle, total: sumPhases([load, idle, scroll]) };
  };
  const w = side('with');
  const wo = side('without');
  const steps = runs.find((r) => r.rows === rows)!.scrollSteps;
  const ratio = (pick: (p: PhaseMetrics) => number) => pick(w.total) / pick(wo.total);
  return {
    rows,
    with: w,
    without: wo,
    ratios: { taskMs: ratio((p) => p.taskMs), scriptMs: ratio((p) => p.scriptMs), layouts: ratio((p) => p.layouts), recalcStyles: ratio((p) => p.recalcStyles), heapBytes: ratio((p) => p.heapBytes) },
    tickerScriptMsPerSec: (w.idle.scriptMs - wo.idle.scriptMs) / (IDLE_MS / 1000),
    redrawMsPerStep: (w.settle.taskMs - wo.settle.taskMs) / steps,
    scrollSteps: steps,
    roundTaskRatios: [...new Set(runs.filter((r) => r.rows === rows).map((r) => r.round))].map((round) => {
      const total = (variant: Variant) => {
        const run = runs.find((r) => r.rows === rows && r.round === round && r.variant === variant)!;
        return run.load.taskMs + run.idle.taskMs + run.scroll.taskMs;
      };
      return total('with') / total('without');
    }),
  };
}

/**
 * The sandbox's Disbursements tab at each list length, with the extension (configured against
 * the sandbox and signed in) and without it, in the same Chromium build; runs alternate which
 * variant goes first, so drift on a shared machine falls on both sides.
 */
export interface PageCostOptions {
  /** The extension build to load (default: the sandbox build). */
  extensionDir?: string;
  sizes?: readonly number[];
  /** Rounds per list length (default: 2 at 100 and 1,000 rows, where the budgets are, 1 elsewhere). */
  rounds?: (rows: number) => number;
  log?: (line: string) => void;
}

export async function runPageCost(options: PageCostOptions = {}): Promise<PageCostResult> {
  const sizes = options.sizes ?? PAGE_SIZES;
  const rounds = options.rounds ?? ((rows: number) => (rows === 1_000 || rows === 100 ? 2 : 1));
  const log = options.log ?? (() => undefined);
  let sim: Sim | null = null;
  let ext: LaunchedExtension | null = null;
  let plain: PlainBrowser | null = null;
  try {
    sim = await startSim({ port: 0, scenario: 'empty', windowMs: 600_000, rateLimit: { hourly: 100_000, tenSecond: 1_000 } });
    const companies: PageCostCompany[] = seedPageCostCompanies(sim.store, sizes);
    ext = await launchExtension({ viewport: VIEWPORT, ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}) });
    await configureExtension(ext, { apiOrigin: sim.origin, companyIds: companies.map((c) => String(c.id)), signIn: BENCH_LOGIN });
    await assertWatching(ext, companies);
    plain = await launchPlain(VIEWPORT);
    await signInContext(plain.context, sim.origin, BENCH_LOGIN);
    const runs: PageRun[] = [];
    for (const company of companies) {
      const url = `${sim.origin}/${company.id}/company/payments/disbursements`;
      for (let round = 0; round < rounds(company.rows); round++) {
        const order: Variant[] = round % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
        for (const variant of order) {
          const run = await measureOnce(variant === 'with' ? ext.context : plain.context, url, variant, company.rows, round);
          if (variant === 'with' && run.overlays === 0) throw new Error(`No overlay drawn on the ${company.rows}-row page with the extension`);
          log(`page ${company.rows} rows, ${variant} extension, round ${round + 1}: task ${(run.load.taskMs + run.idle.taskMs + run.scroll.taskMs).toFixed(0)} ms`);
          runs.push(run);
        }
      }
    }
    const summaries = companies.map((c) => summarise(c.rows, runs));
    const at1000 = summaries.find((s) => s.rows === 1_000);
    const at100 = summaries.find((s) => s.rows === 100);
    const verdicts = [
      ...(at1000 ? [judge(BUDGETS.pageTaskRatio1000, at1000.ratios.taskMs), judge(BUDGETS.tickerScriptMsPerSec, at1000.tickerScriptMsPerSec)] : []),
      ...(at100 ? [judge(BUDGETS.pageTaskRatio100, at100.ratios.taskMs)] : []),
    ];
    return { runs, sizes: summaries, verdicts };
  } finally {
    await plain?.close().catch(() => undefined);
    await ext?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
  }
}

/** The extension must be watching records in flight on every page, or there is nothing to measure. */
async function assertWatching(ext: LaunchedExtension, companies: readonly PageCostCompany[]): Promise<void> {
  const page = await openExtensionPage(ext);
  try {
    const syncing = await sendFromExtensionPage<Watch[]>(page, 'watches.list', { states: ['syncing'] });
    for (const company of companies) {
      const count = syncing.filter((w) => w.companyId === String(company.id)).length;
      if (count < SYNCING_PER_COMPANY) throw new Error(`The extension watches ${count} records in flight for company ${company.id}, expected ${SYNCING_PER_COMPANY}`);
    }
  } finally {
    await page.close();
  }
}
