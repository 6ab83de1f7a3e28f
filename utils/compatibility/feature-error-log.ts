import { browser } from 'wxt/browser';
import type { Compatibility } from '../messaging';
import { PAGE_FEATURES, type PageFeatureId } from '../page-features';

// The background's own key: only it writes here, from validated `feature.error` messages.
const KEY = 'featureErrors';

type ErrorLog = Partial<Record<PageFeatureId, { message: string; at: number }>>;

async function readLog(): Promise<ErrorLog> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null ? (stored as ErrorLog) : {};
}

// Writes one after another: two tabs reporting at once must not overwrite each other's entry.
let writes: Promise<void> = Promise.resolve();

/** Keeps a feature's last error and when it happened (one per feature, the newest wins). */
export function recordFeatureError(featureId: PageFeatureId, message: string, at: number): Promise<void> {
  writes = writes.catch(() => undefined).then(async () => {
    const log = await readLog();
    await browser.storage.local.set({ [KEY]: { ...log, [featureId]: { message, at } } });
  });
  return writes;
}

/** Every page feature, with its last error if it reported one. */
export async function readCompatibility(): Promise<Compatibility> {
  const log = await readLog();
  return { features: PAGE_FEATURES.map(({ id, name }) => ({ id, name, lastError: log[id] ?? null })) };
}
