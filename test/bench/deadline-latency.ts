import { configureExtension, openExtensionPage, sendFromExtensionPage } from '../e2e/configure';
import { launchExtension, type LaunchedExtension } from '../e2e/launch';
import type { Watch } from '../../utils/domain/watch';
import { createFromSpec } from '../sim/disbursement-spec';
import { startSim, type Sim } from '../sim/server';
import { BUDGETS, judge, type Verdict } from './budgets';
import { percentile } from './percentile';

const WINDOW_MS = 60_000;
export const DEADLINE_RECORDS = 24;
/** The first deadline comes this long after the records exist: time for the first discovery. */
const LEAD_MS = 8_000;
/** Deadlines this far apart, so most get a cycle of their own (some share one, as in life). */
const SPACING_MS = 900;
/** How often the service worker's open notifications are listed: the measurement's resolution. */
const WATCH_EVERY_MS = 20;
const MISSED_AFTER_MS = 35_000;

export interface DeadlineLatencyResult {
  records: number;
  /** ms from each record's deadline to the notification that named it. */
  latenciesMs: number[];
  /** Records no notification named within MISSED_AFTER_MS of the last deadline. */
  missed: string[];
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  minMs: number;
  notifications: number;
  method: string;
  verdicts: Verdict[];
}

interface Seen {
  id: string;
  seenAt: number;
  payoutIds: string[];
}

interface BenchWatch {
  seen: Record<string, number>;
  payouts: Record<string, string[]>;
  timer: number;
  db: IDBDatabase;
}

/**
 * Inside the service worker: note when each notification first appears (the worker's clock),
 * and at once which records it names (the notifier's own record, which it drops when the
 * notification closes).
 */
async function startWatchingNotifications(ext: LaunchedExtension): Promise<void> {
  await ext.worker.evaluate(async (everyMs) => {
    const g = globalThis as unknown as { __bench: BenchWatch };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('erp-sync-watch');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    g.__bench = { seen: {}, payouts: {}, timer: 0, db };
    g.__bench.timer = setInterval(() => {
      void chrome.notifications.getAll().then((all) => {
        const at = Date.now();
        for (const id of Object.keys(all)) {
          if (id in g.__bench.seen) continue;
          g.__bench.seen[id] = at;
          const get = db.transaction('meta').objectStore('meta').get(`notification:${id}`);
          get.onsuccess = () => {
            g.__bench.payouts[id] = (get.result as { payoutIds?: string[] } | undefined)?.payoutIds ?? [];
          };
        }
      });
    }, everyMs) as unknown as number;
  }, WATCH_EVERY_MS);
}

/** What was seen so far, with the records each notification named. */
async function seenNotifications(ext: LaunchedExtension, stop: boolean): Promise<Seen[]> {
  return ext.worker.evaluate((stopWatching) => {
    const g = globalThis as unknown as { __bench: BenchWatch };
    if (stopWatching) {
      clearInterval(g.__bench.timer);
      g.__bench.db.close();
    }
    return Object.entries(g.__bench.seen).map(([id, seenAt]) => ({ id, seenAt, payoutIds: g.__bench.payouts[id] ?? [] }));
  }, stop);
}

/**
 * Records whose ERP answer comes after the window: each must be announced as overdue when its
 * deadline passes. Latency = when the notification naming it first exists in the service worker
 * (chrome.notifications.getAll, listed every 20 ms) minus its deadline; sim, browser and this
 * process share one clock.
 */
export async function runDeadlineLatency(options: { extensionDir?: string; log?: (line: string) => void } = {}): Promise<DeadlineLatencyResult> {
  const log = options.log ?? (() => undefined);
  let sim: Sim | null = null;
  let ext: LaunchedExtension | null = null;
  try {
    sim = await startSim({ port: 0, scenario: 'empty', windowMs: WINDOW_MS, rateLimit: { hourly: 100_000, tenSecond: 1_000 } });
    ext = await launchExtension(options.extensionDir ? { extensionDir: options.extensionDir } : {});
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS });
    await startWatchingNotifications(ext);
    for (let i = 0; i < DEADLINE_RECORDS; i++) {
      // The ERP answers well after the window: at the deadline the record is simply overdue.
      createFromSpec(sim.store, { name: `Deadline ${i + 1}`, fundedAgoMs: WINDOW_MS - LEAD_MS - i * SPACING_MS, payouts: [{ delayFraction: 1.6 }] });
    }
    const page = await openExtensionPage(ext);
    let watches: Watch[];
    try {
      await sendFromExtensionPage(page, 'poll.now', {});
      watches = (await sendFromExtensionPage<Watch[]>(page, 'watches.list', { states: ['syncing'] })).filter((w) => w.deadline !== null);
    } finally {
      await page.close();
    }
    if (watches.length < DEADLINE_RECORDS) throw new Error(`Only ${watches.length} of ${DEADLINE_RECORDS} records are syncing after discovery`);
    const lastDeadline = Math.max(...watches.map((w) => w.deadline!));
    const firstDeadline = Math.min(...watches.map((w) => w.deadline!));
    if (firstDeadline < Date.now()) throw new Error('Discovery took longer than the lead time: the first deadline passed before it was known');
    log(`deadline latency: ${watches.length} records, deadlines over the next ${Math.round((lastDeadline - Date.now()) / 1000)} s`);
    // Chrome may hold an alarm back (a loaded machine, or its 30-second floor): wait that long before calling a record missed.
    const until = lastDeadline + MISSED_AFTER_MS;
    const covers = (seen: Seen[]) => watches.every((w) => seen.some((s) => s.payoutIds.includes(w.payoutId)));
    await new Promise((r) => setTimeout(r, Math.max(0, lastDeadline + 2_000 - Date.now())));
    while (Date.now() < until && !covers(await seenNotifications(ext, false))) await new Promise((r) => setTimeout(r, 500));
    const seen = await seenNotifications(ext, true);
    const latencies: number[] = [];
    const missed: string[] = [];
    for (const watch of watches) {
      const first = seen.filter((s) => s.payoutIds.includes(watch.payoutId)).sort((a, b) => a.seenAt - b.seenAt)[0];
      if (first) latencies.push(first.seenAt - watch.deadline!);
      else missed.push(watch.payoutId);
    }
    // A record never announced counts as infinitely late: one in twenty missed breaks the p95.
    const all = [...latencies, ...missed.map(() => Infinity)];
    const p95 = percentile(all, 95);
    return {
      records: watches.length,
      latenciesMs: latencies,
      missed,
      p50Ms: percentile(all, 50),
      p95Ms: p95,
      maxMs: Math.max(...all),
      minMs: Math.min(...all),
      notifications: seen.length,
      method: `chrome.notifications.getAll() listed every ${WATCH_EVERY_MS} ms inside the service worker; records per notification from the notifier's own record, read when first seen; window ${WINDOW_MS / 1000} s`,
      verdicts: [judge(BUDGETS.deadlineP95, p95)],
    };
  } finally {
    await ext?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
  }
}
