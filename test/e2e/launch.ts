import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium-path';

export const SANDBOX_EXTENSION_DIR = path.resolve('.output/chrome-mv3-sandbox');

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Chromium (headless unless told otherwise) with the built sandbox extension loaded, on a new or given profile. */
export async function launchExtension(
  options: {
    profileDir?: string;
    extensionDir?: string;
    headless?: boolean;
    viewport?: { width: number; height: number } | null;
    /** false: the caller handles SIGINT/SIGTERM (and closes) itself, instead of Playwright exiting at once. */
    handleSignals?: boolean;
  } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? SANDBOX_EXTENSION_DIR;
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'esw-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
    ...(options.viewport !== undefined ? { viewport: options.viewport } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
