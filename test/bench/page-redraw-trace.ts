// `npx tsx test/bench/page-redraw-trace.ts [rows]`: what the overlays do when a user scrolls the
// Disbursements tab (default 1,000 rows), from Chromium's own timeline rather than totals: the
// content script's calls, the layouts they force, and how many rows show an estimated countdown
// after each step. The page-cost bench gives the with ÷ without ratios; this says where ours goes.
import type { CDPSession } from 'playwright-core';
import { configureExtension } from '../e2e/configure';
import { launchExtension } from '../e2e/launch';
import { HOST_ATTRIBUTE } from '../../utils/overlay/row-host';
import { startSim } from '../sim/server';
import { BENCH_LOGIN, seedPageCostCompanies } from './page-cost-seed';
import { PAGE_SIZES, SCROLL_PAUSE_MS } from './page-cost';
import { markGridScroller, scrollGridStep } from './grid-scroll';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  tid: number;
  args?: { data?: { url?: string } };
}

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  // The category string form: Chromium gave no main-thread tasks for traceConfig's list here.
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

const rows = Number(process.argv[2] ?? 1_000);
const sim = await startSim({ port: 0, scenario: 'empty', windowMs: 600_000, rateLimit: { hourly: 100_000, tenSecond: 1_000 } });
const companies = seedPageCostCompanies(sim.store, PAGE_SIZES);
const company = companies.find((c) => c.rows === rows);
if (!company) throw new Error(`No bench page with ${rows} rows (${PAGE_SIZES.join(', ')})`);
const ext = await launchExtension({ viewport: { width: 1400, height: 900 } });
// The background's own requests to Procore: those of the setup poll show they are seen; those from
// the page's load to the scroll's end are the reads the page made it start.
const engineRequests: string[] = [];
ext.context.on('request', (request) => {
  if (request.serviceWorker() && request.url().startsWith(sim.origin)) engineRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
});
try {
  await configureExtension(ext, { apiOrigin: sim.origin, companyIds: companies.map((c) => String(c.id)), signIn: BENCH_LOGIN });
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const setupRequests = engineRequests.splice(0);
  await page.goto(`${sim.origin}/${company.id}/company/payments/disbursements`, { waitUntil: 'load' });
  await page.waitForSelector(`[${HOST_ATTRIBUTE}]`, { timeout: 15_000, state: 'attached' });
  // As the page-cost bench: settled and idle before the scroll.
  await page.waitForTimeout(12_000);
  const scroll = await markGridScroller(page);
  const { steps } = scroll;
  const estimated: number[] = [];
  const events = await trace(cdp, async () => {
    for (let i = 1; i <= steps; i++) {
      await scrollGridStep(page, scroll, i);
      await page.waitForTimeout(SCROLL_PAUSE_MS);
      estimated.push(
        await page.evaluate(
          (attribute) => [...document.querySelectorAll(`[${attribute}="badge"]`)].filter((host) => /est\./.test(host.shadowRoot?.textContent ?? '')).length,
          HOST_ATTRIBUTE,
        ),
      );
    }
  });
  // The renderer's main thread: the one with the most task time.
  const taskTime = new Map<number, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') taskTime.set(e.tid, (taskTime.get(e.tid) ?? 0) + e.dur);
  const main = [...taskTime].sort((a, b) => b[1] - a[1])[0]![0];
  const ours = (e: TraceEvent) => e.name === 'FunctionCall' && (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const onMain = events.filter((e) => e.tid === main && e.ph === 'X');
  const calls = onMain.filter(ours);
  const within = (e: TraceEvent) => calls.some((c) => c.ts <= e.ts && e.ts + e.dur <= c.ts + c.dur);
  const ms = (list: TraceEvent[]) => Math.round(list.reduce((sum, e) => sum + e.dur, 0) / 100) / 10;
  const layouts = onMain.filter((e) => e.name === 'Layout');
  console.log(
    JSON.stringify(
      {
        rows,
        steps,
        pauseMs: SCROLL_PAUSE_MS,
        mainThreadTaskMs: ms(onMain.filter((e) => e.name === 'RunTask')),
        contentScriptCalls: calls.length,
        contentScriptCallMs: ms(calls),
        layouts: layouts.length,
        layoutMs: ms(layouts),
        forcedLayoutMsInOurCalls: ms(layouts.filter(within)),
        paintMs: ms(onMain.filter((e) => e.name === 'Paint')),
        estimatedCountdownsPerStep: estimated,
        pageCompany: company.id,
        engineRequestsInSetup: setupRequests.length,
        engineRequestsFromLoadToScrollEnd: engineRequests.length,
        // By company (the page's is one of three; the others' are a scheduled cycle's), `public` for the public API.
        engineRequestsByCompany: engineRequests.reduce<Record<string, number>>((counts, r) => {
          const id = /\/companies\/(\d+)\//.exec(r)?.[1] ?? 'public';
          counts[id] = (counts[id] ?? 0) + 1;
          return counts;
        }, {}),
      },
      null,
      2,
    ),
  );
} finally {
  await ext.close();
  await sim.close();
}
