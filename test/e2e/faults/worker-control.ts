import type { Page } from 'playwright-core';

interface VersionUpdate {
  versions: { versionId: string; runningStatus: string; scriptURL: string }[];
}

/**
 * Stops the extension's service worker the way Chromium does when it idles, through CDP on one of
 * our pages, and waits until Chromium reports it stopped. (Playwright keeps listing a stopped
 * extension worker, so its `close` event cannot tell.) The next message starts a new one.
 */
export async function stopServiceWorker(page: Page, extensionId: string, timeoutMs = 10_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const ours = (update: VersionUpdate, status: string) => update.versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === status);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (update: VersionUpdate) => {
        if (ours(update, 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), timeoutMs))]);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
