import type { Page, Worker } from 'playwright-core';

/**
 * Stops the extension's service worker the way Chromium does when it idles, through CDP on one
 * of our pages, and waits until the worker is really gone.
 */
export async function stopServiceWorker(page: Page, worker: Worker, timeoutMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), timeoutMs))]);
}
