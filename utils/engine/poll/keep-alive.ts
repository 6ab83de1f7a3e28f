import { browser } from 'wxt/browser';

// Chrome stops an extension's service worker after 30 s without an event or an extension call.
const KEEP_ALIVE_EVERY_MS = 20_000;

/**
 * Runs `work` with a cheap extension call every 20 s, so a cycle whose requests and waits add up
 * to more than the idle limit is not cut short. A cycle cut anyway (the browser closing) is
 * resumed by the next alarm: cursors move only after what they cover is stored.
 */
export async function keepWorkerAlive<T>(work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_ALIVE_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
