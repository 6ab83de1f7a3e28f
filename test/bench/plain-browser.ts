import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium-path';

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The same Chromium as `launchExtension` (same binary, same flags but the extension ones), on a
 * persistent profile of its own: the page alone, to compare with.
 */
export async function launchPlain(viewport: { width: number; height: number }): Promise<PlainBrowser> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'esw-bench-plain-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
