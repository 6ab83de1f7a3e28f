import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium-path';

/** The built sandbox extension; ESW_EXTENSION_DIR runs the same tests against another build (e.g. an older commit's). */
export const SANDBOX_EXTENSION_DIR = path.resolve(process.env.ESW_EXTENSION_DIR ?? '.output/chrome-mv3-sandbox');

/**
 * A private copy of the sandbox build: its own path gives it its own extension id, and a rebuild
 * of `.output` by someone else mid-run cannot pull files from under the browser. The caller
 * removes it.
 */
export function isolatedBuild(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'esw-ui-ext-')));
  cpSync(SANDBOX_EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  profileDir?: string;
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** false: the caller handles SIGINT/SIGTERM (and closes) itself, instead of Playwright exiting at once. */
  handleSignals?: boolean;
  /**
   * Chromium's CPU throttling (DevTools `Emulation.setCPUThrottlingRate`) on every page, to see
   * what a slower machine sees. Default: `ESW_CPU_THROTTLE` from the environment, else none.
   */
  cpuThrottle?: number;
}

const WORKER_WAIT_MS = 20_000;
const ATTEMPTS = 2;

/**
 * Chromium (headless unless told otherwise) with the built sandbox extension loaded, on a new or
 * given profile. Now and then (seen on this busy 2-core machine) Chromium never starts
 * the extension's service worker; that browser is closed and one more is launched, and a worker
 * that fails twice is an error that says so.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  for (let attempt = 1; ; attempt++) {
    const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'esw-profile-'));
    const context = await launchContext(profileDir, options);
    throttlePages(context, options.cpuThrottle ?? Number(process.env.ESW_CPU_THROTTLE ?? 1));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: WORKER_WAIT_MS }).catch(() => null));
    if (worker) {
      return {
        context,
        worker,
        extensionId: new URL(worker.url()).host,
        profileDir,
        async close({ keepProfile = false } = {}) {
          await context.close();
          if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
        },
      };
    }
    await context.close().catch(() => undefined);
    if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    if (attempt >= ATTEMPTS) {
      throw new Error(`The extension's service worker did not start in ${ATTEMPTS} launches of ${WORKER_WAIT_MS / 1000} s: check the background script for a start-up error.`);
    }
    console.warn(`The extension's service worker did not start within ${WORKER_WAIT_MS / 1000} s; launching Chromium again.`);
  }
}

function throttlePages(context: BrowserContext, rate: number): void {
  if (!(rate > 1)) return;
  const throttle = async (page: Page) => {
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate });
  };
  // A page closed before its session opened needs no throttling.
  context.on('page', (page) => void throttle(page).catch(() => undefined));
}

function launchContext(profileDir: string, options: LaunchOptions): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? SANDBOX_EXTENSION_DIR;
  return chromium.launchPersistentContext(profileDir, {
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
}
