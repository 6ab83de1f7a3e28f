import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumPath } from '../../scripts/chromium-path';
import { CdpPipe } from './cdp-pipe';
import type { PackedExtension } from './crx-pack';

// Debian's Chromium reads machine policy from here; the bench's copy is bind-mounted over it in a
// mount namespace of the benchmark's own Chromium, so no other browser on the machine sees it.
const CHROMIUM_ETC = '/etc/chromium';
const INSTALL_WAIT_MS = 60_000;
const PAGE_LOAD_MS = 30_000;

export interface ServiceWorkerEvent {
  at: number;
  event: 'started' | 'stopped';
}

export interface OpenPage {
  sessionId: string;
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface ForceInstalled {
  cdp: CdpPipe;
  extensionId: string;
  /** When Chromium started and stopped the extension's service worker (seen, never attached). */
  workerEvents: ServiceWorkerEvent[];
  workerRunning(): boolean;
  /** A page attached for evaluation: its own context, never the worker's. */
  openPage(url: string): Promise<OpenPage>;
  /** Opens a page, runs `expression` in it (awaited), closes the page. */
  evaluateInPage<T>(url: string, expression: string): Promise<T>;
  setCookie(origin: string, cookie: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The update manifest and the CRX, served on loopback as an enterprise would serve them
 * (`ExtensionInstallForcelist` names this update URL).
 */
async function serveUpdates(packed: PackedExtension): Promise<{ updateUrl: string; close(): Promise<void> }> {
  const crx = readFileSync(packed.crxPath);
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    if (req.url?.startsWith('/updates.xml')) {
      res.setHeader('Content-Type', 'text/xml');
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">` +
          `<app appid="${packed.id}"><updatecheck codebase="http://127.0.0.1:${port}/extension.crx" version="${packed.version}"/></app></gupdate>`,
      );
    } else if (req.url === '/extension.crx') {
      res.setHeader('Content-Type', 'application/x-chrome-extension');
      res.end(crx);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { updateUrl: `http://127.0.0.1:${port}/updates.xml`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A copy of /etc/chromium with the bench's managed policy added. */
function policyEtc(policy: Record<string, unknown>): string {
  const etc = mkdtempSync(path.join(tmpdir(), 'esw-chromium-etc-'));
  const master = path.join(CHROMIUM_ETC, 'master_preferences');
  if (existsSync(master)) copyFileSync(master, path.join(etc, 'master_preferences'));
  mkdirSync(path.join(etc, 'policies/managed'), { recursive: true });
  writeFileSync(path.join(etc, 'policies/managed/erp-sync-watch-bench.json'), JSON.stringify(policy, null, 2));
  return etc;
}

function assertCanInstallByPolicy(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The packed-install benchmark writes a Chromium enterprise policy (/etc/chromium/policies/managed, in a private mount namespace): it needs root on Linux. Run it as root, or skip the deadline section.',
    );
  }
}

/**
 * Headless Chromium on a new profile with `packed` force-installed through enterprise policy,
 * exactly as users of a managed browser get it: a packed CRX from an update URL, so the 30 s
 * alarm floor applies and the worker sleeps when idle. `extensionPolicy` becomes the extension's
 * `storage.managed` (the `3rdparty` policy). Driven over a DevTools pipe that attaches to nothing
 * by itself.
 */
export async function launchForceInstalled(packed: PackedExtension, extensionPolicy: Record<string, unknown>): Promise<ForceInstalled> {
  assertCanInstallByPolicy();
  const updates = await serveUpdates(packed);
  const etc = policyEtc({
    ExtensionInstallForcelist: [`${packed.id};${updates.updateUrl}`],
    // Chromium's default (0) refuses DevTools on policy-installed extensions, their pages
    // included; the bench opens an extension page to ask for a poll and to read the results.
    DeveloperToolsAvailability: 1,
    '3rdparty': { extensions: { [packed.id]: extensionPolicy } },
  });
  const profile = mkdtempSync(path.join(tmpdir(), 'esw-packed-profile-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-sync', '--no-first-run', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'];
  // unshare: a mount namespace of this Chromium's own, where /etc/chromium is the copy above.
  const child: ChildProcess = spawn('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', 'mount --bind "$1" /etc/chromium && shift && exec "$@"', 'sh', etc, chromiumPath(), ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const cleanup = () => {
    rmSync(profile, { recursive: true, force: true });
    rmSync(etc, { recursive: true, force: true });
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const workerEvents: ServiceWorkerEvent[] = [];
  const workerTargets = new Set<string>();
  const workerUrl = `chrome-extension://${packed.id}/`;
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    const info = targetInfo as { targetId: string; type: string; url: string };
    if (info.type !== 'service_worker' || !info.url.startsWith(workerUrl)) return;
    workerTargets.add(info.targetId);
    workerEvents.push({ at: Date.now(), event: 'started' });
  });
  cdp.on('Target.targetDestroyed', ({ targetId }) => {
    if (!workerTargets.delete(targetId as string)) return;
    workerEvents.push({ at: Date.now(), event: 'stopped' });
  });
  const close = async () => {
    await cdp.send('Browser.close').catch(() => undefined);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await updates.close();
    cleanup();
  };
  try {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const installedBy = Date.now() + INSTALL_WAIT_MS;
    while (workerEvents.length === 0) {
      if (Date.now() > installedBy || child.exitCode !== null) {
        throw new Error(`Chromium did not install the packed extension ${packed.id} from its policy within ${INSTALL_WAIT_MS / 1000} s.\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (error) {
    await close();
    throw error;
  }
  const openPage = async (url: string): Promise<OpenPage> => {
    const { targetId } = (await cdp.send('Target.createTarget', { url })) as { targetId: string };
    const page: OpenPage = {
      sessionId: '',
      async evaluate<T>(expression: string): Promise<T> {
        const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, page.sessionId)) as {
          result: { value: T };
          exceptionDetails?: { exception?: { description?: string }; text: string };
        };
        if (exceptionDetails) throw new Error(`In ${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value;
      },
      close: async () => void (await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined)),
    };
    try {
      page.sessionId = ((await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }).sessionId;
      // Ready once its document is complete at `url` (an extension page opens in a process of
      // its own, so the first blank document's load events do not say so).
      const readyBy = Date.now() + PAGE_LOAD_MS;
      for (let state = ''; state !== `${url} complete`; await new Promise((r) => setTimeout(r, 100))) {
        state = await page.evaluate<string>('location.href + " " + document.readyState');
        if (Date.now() > readyBy) throw new Error(`${url} did not load in ${PAGE_LOAD_MS / 1000} s (last: ${state})`);
      }
      return page;
    } catch (error) {
      await page.close();
      throw error;
    }
  };
  return {
    cdp,
    extensionId: packed.id,
    openPage,
    workerEvents,
    workerRunning: () => workerTargets.size > 0,
    async evaluateInPage<T>(url: string, expression: string): Promise<T> {
      const page = await openPage(url);
      try {
        return await page.evaluate<T>(expression);
      } finally {
        await page.close();
      }
    },
    async setCookie(origin: string, cookie: string) {
      const [name, ...rest] = cookie.split('=');
      await cdp.send('Storage.setCookies', { cookies: [{ name, value: rest.join('='), url: origin }] });
    },
    close,
  };
}
