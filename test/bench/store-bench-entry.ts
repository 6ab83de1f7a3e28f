// Runs inside the bench-only extension page (store-cost.ts builds it): the engine's own store
// module on Chromium's real IndexedDB, in an extension origin like the background's.
import { openEngineDb } from '../../utils/store/engine-db';
import { listWatches, putWatches } from '../../utils/store/watch-store';
import { popupQuery } from '../../utils/view/popup-sections';
import { benchWatch, STORE_COMPANIES } from './store-bench-watches';

export interface StoreBenchResult {
  watches: number;
  batchMs: number[];
  failedOfOneCompany: number;
  listFailedMs: number[];
  /** The popup's list: what it reads (synced records of the last day only), and every record in its states. */
  popupList: { records: number; ms: number[] };
  everyPopupState: { records: number; ms: number[] };
  usageBytes: number;
  indexedDbBytes: number | null;
}

async function estimate(): Promise<{ usage: number; indexedDb: number | null }> {
  const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return { usage: e.usage ?? 0, indexedDb: e.usageDetails?.indexedDB ?? null };
}

async function run(total: number, batch: number, listRepeats: number): Promise<StoreBenchResult> {
  const before = await estimate();
  const db = await openEngineDb(`store-bench-${Date.now()}`);
  const now = Date.now();
  const batchMs: number[] = [];
  for (let start = 0; start < total; start += batch) {
    const watches = Array.from({ length: batch }, (_, i) => benchWatch(start + i, now));
    const t0 = performance.now();
    await putWatches(db, watches);
    batchMs.push(performance.now() - t0);
  }
  const timed = async (query: Parameters<typeof listWatches>[1]) => {
    const ms: number[] = [];
    let records = 0;
    for (let i = 0; i < listRepeats; i++) {
      const t0 = performance.now();
      records = (await listWatches(db, query)).length;
      ms.push(performance.now() - t0);
    }
    return { records, ms };
  };
  const failed = await timed({ companyId: STORE_COMPANIES[0], states: ['failed'] });
  const popupList = await timed(popupQuery(now));
  const everyPopupState = await timed({ states: popupQuery(now).states });
  db.close();
  // Usage is written back lazily; a moment later it includes what was just committed.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = await estimate();
  return {
    watches: total,
    batchMs,
    failedOfOneCompany: failed.records,
    listFailedMs: failed.ms,
    popupList,
    everyPopupState,
    usageBytes: after.usage - before.usage,
    indexedDbBytes: after.indexedDb === null ? null : after.indexedDb - (before.indexedDb ?? 0),
  };
}

(globalThis as unknown as { runStoreBench: typeof run }).runStoreBench = run;
document.title = 'store bench ready';
