import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { launchExtension, type LaunchedExtension } from '../e2e/launch';
import { percentile } from './percentile';
import type { StoreBenchResult } from './store-bench-entry';

export const STORE_WATCHES = 10_000;
export const STORE_BATCH = 1_000;
const LIST_REPEATS = 7;

export interface StoreCostResult {
  watches: number;
  /** ms per batch of 1,000, in order (the last one goes into a store already holding 9,000). */
  batchMs: number[];
  batchMedianMs: number;
  lastBatchMs: number;
  failedOfOneCompany: number;
  listFailedMedianMs: number;
  /** The popup's list (the last day of synced records), and the same states read whole as before store v5. */
  popupList: { records: number; medianMs: number };
  everyPopupState: { records: number; medianMs: number };
  /** What the origin's storage grew by (navigator.storage.estimate), and its IndexedDB part. */
  usageBytes: number;
  indexedDbBytes: number | null;
}

/**
 * A bench-only extension, built into a temporary directory and never part of a product build:
 * one page that imports the engine's store modules. Its origin is an extension's, as the
 * background's is, so its IndexedDB is the one the product's store lives in (not fake-indexeddb).
 */
async function buildStoreBenchExtension(dir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: path.resolve('test/bench/store-bench-entry.ts'), formats: ['es'], fileName: () => 'store-bench.js' },
    },
  });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'ESW store bench', version: '0.0.0', background: { service_worker: 'worker.js' } }));
  // launchExtension finds an extension by its service worker: an empty one is enough.
  writeFileSync(path.join(dir, 'worker.js'), '// bench extension: nothing runs here\n');
  writeFileSync(path.join(dir, 'store-bench.html'), '<!doctype html><meta charset="utf-8"><title>store bench</title><script type="module" src="store-bench.js"></script>\n');
}

export async function runStoreCost(): Promise<StoreCostResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'esw-store-bench-'));
  let ext: LaunchedExtension | null = null;
  try {
    await buildStoreBenchExtension(dir);
    ext = await launchExtension({ extensionDir: dir });
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/store-bench.html`);
    await page.waitForFunction(() => document.title === 'store bench ready', undefined, { timeout: 15_000 });
    const result = await page.evaluate(
      ([total, batch, repeats]) => (globalThis as unknown as { runStoreBench: (t: number, b: number, r: number) => Promise<StoreBenchResult> }).runStoreBench(total, batch, repeats),
      [STORE_WATCHES, STORE_BATCH, LIST_REPEATS] as const,
    );
    return {
      watches: result.watches,
      batchMs: result.batchMs,
      batchMedianMs: percentile(result.batchMs, 50),
      lastBatchMs: result.batchMs[result.batchMs.length - 1]!,
      failedOfOneCompany: result.failedOfOneCompany,
      listFailedMedianMs: percentile(result.listFailedMs, 50),
      popupList: { records: result.popupList.records, medianMs: percentile(result.popupList.ms, 50) },
      everyPopupState: { records: result.everyPopupState.records, medianMs: percentile(result.everyPopupState.ms, 50) },
      usageBytes: result.usageBytes,
      indexedDbBytes: result.indexedDbBytes,
    };
  } finally {
    await ext?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
