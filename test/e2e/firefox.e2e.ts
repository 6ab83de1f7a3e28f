import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxPath } from '../../scripts/firefox-path';
import type { Sim } from '../sim/server';
import { simControl, startTestSim } from '../sim/testing';

/*
 * Smoke test of the Firefox MV3 build in Debian's Firefox ESR, headless. Playwright's Firefox
 * needs its own patched build, so this drives stock Firefox over WebDriver BiDi directly:
 * `webExtension.install` loads the unpacked sandbox build as a temporary add-on (no signing),
 * a fixed moz-extension UUID (pref) gives its pages a known address, and a privileged script
 * opens the options page in a tab (BiDi may not navigate to moz-extension:// itself).
 */

const FIREFOX = firefoxPath();
const BUILD_DIR = path.resolve('.output/firefox-mv3-sandbox');
const ADDON_ID = 'erp-sync-watch@erpsyncwatch.app';
const UUID = '5e1f0c3a-8b7d-4e2a-9c61-0f2d8a7b3e11';
const COMPANY = '8089';

interface MinimalSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}
// Node 20 has no WebSocket global; `ws` ships with the toolchain (jsdom, web-ext).
const WebSocketImpl = createRequire(import.meta.url)('ws') as new (url: string) => MinimalSocket;

type BidiResult = Record<string, unknown>;

/** A WebDriver BiDi session: one command at a time is all this test needs. */
class Bidi {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: BidiResult) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: MinimalSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; type: string; result?: BidiResult; error?: string; message?: string };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id!);
      if (message.type === 'success') waiter.resolve(message.result ?? {});
      else waiter.reject(new Error(`BiDi ${message.error}: ${message.message}`));
    });
  }

  static connect(url: string): Promise<Bidi> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocketImpl(url);
      socket.on('open', () => resolve(new Bidi(socket)));
      socket.on('error', reject);
    });
  }

  send(method: string, params: Record<string, unknown>, timeoutMs = 30_000): Promise<BidiResult> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`BiDi ${method} timed out`)), timeoutMs);
      this.waiting.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates in a browsing context and returns the JSON value (exceptions become errors). */
  async evaluate<T>(context: string, expression: string): Promise<T> {
    const result = (await this.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context }, awaitPromise: true })) as {
      type: string;
      result?: { value?: string };
      exceptionDetails?: { text: string };
    };
    if (result.type !== 'success') throw new Error(`Script failed: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result?.value ?? 'null') as T;
  }

  async contexts(scope?: 'chrome'): Promise<{ context: string; url: string }[]> {
    const tree = (await this.send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {})) as { contexts: { context: string; url: string }[] };
    return tree.contexts;
  }

  close(): void {
    this.socket.close();
  }
}

async function startFirefox(profileDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(FIREFOX, ['-headless', '-no-remote', '-profile', profileDir, '--remote-debugging-port', '0', '--remote-allow-system-access'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not open WebDriver BiDi: ${seen.slice(-500)}`)), 30_000);
    const onData = (chunk: Buffer) => {
      seen += String(chunk);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/session`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi was up: ${seen.slice(-500)}`)));
  });
  return { child, url };
}

async function poll<T>(what: string, check: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('the Firefox MV3 build in Firefox ESR (headless, WebDriver BiDi)', () => {
  let sim: Sim;
  let firefox: ChildProcess | null = null;
  let bidi: Bidi;
  let profileDir: string;
  let extensionTab: string;

  beforeAll(async () => {
    if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: install Debian's firefox-esr (apt-get install firefox-esr).`);
    // The Firefox sandbox build, made here so the test never runs a stale one.
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { encoding: 'utf8', env: { ...process.env, WXT_SANDBOX: '1' } });
    if (build.status !== 0) throw new Error(`Firefox sandbox build failed:\n${build.stdout}\n${build.stderr}`);
    sim = await startTestSim({ windowMs: 30_000 });
    profileDir = mkdtempSync(path.join(tmpdir(), 'esw-firefox-'));
    const prefs = {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.aboutwelcome.enabled': false,
      'app.update.disabledForTesting': true,
      'network.captive-portal-service.enabled': false,
      'browser.newtabpage.enabled': false,
    };
    writeFileSync(path.join(profileDir, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    const started = await startFirefox(profileDir);
    firefox = started.child;
    bidi = await Bidi.connect(started.url);
    await bidi.send('session.new', { capabilities: {} });
  }, 120_000);

  afterAll(async () => {
    try {
      await bidi?.send('session.end', {}, 5_000);
    } catch {
      // Firefox may already be gone.
    }
    bidi?.close();
    firefox?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (firefox && firefox.exitCode === null) firefox.kill('SIGKILL');
    await sim?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('installs as a temporary add-on and its options page renders', async () => {
    const installed = (await bidi.send('webExtension.install', { extensionData: { type: 'path', path: BUILD_DIR } })) as { extension: string };
    expect(installed.extension).toBe(ADDON_ID);
    const [chromeWindow] = await bidi.contexts('chrome');
    await bidi.evaluate(
      chromeWindow!.context,
      `(() => { gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(`moz-extension://${UUID}/options.html`)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return true; })()`,
    );
    extensionTab = await poll('the options tab', async () => (await bidi.contexts()).find((c) => c.url.startsWith(`moz-extension://${UUID}/`))?.context ?? null);
    const page = await poll('the options page to render', () =>
      bidi.evaluate<{ title: string; heading: string } | null>(extensionTab, `document.querySelector('h1') ? { title: document.title, heading: document.querySelector('h1').textContent } : null`),
    );
    expect(page.title).toContain('ERP Sync Watch');
    expect(page.heading.trim()).not.toBe('');
  });

  it('the background answers through browser.* promises and refuses an invalid message with words', async () => {
    const reply = await poll('the background to answer', () => bidi.evaluate<{ ok: boolean }>(extensionTab, `browser.runtime.sendMessage({ name: 'settings.get', payload: {} })`));
    expect(reply.ok).toBe(true);
    const refused = await bidi.evaluate<{ ok: boolean; error: string }>(extensionTab, `browser.runtime.sendMessage({ name: 'settings.update', payload: { patch: { retentionDays: 'soon' } } })`);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/retentionDays/) });
  });

  it('signed in to the sim, it polls with the browser session and watches the company\'s records', async () => {
    const [tab] = (await bidi.contexts()).filter((c) => c.context !== extensionTab);
    await bidi.send('browsingContext.navigate', { context: tab!.context, url: `${sim.origin}/login`, wait: 'complete' });
    const session = await bidi.evaluate<{ user: { login: string } }>(tab!.context, `fetch('/__sim/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.json())`);
    expect(session.user.login).toMatch(/@/);
    const patch = { environment: 'custom', apiOrigin: sim.origin, authMode: 'session', companyIds: [COMPANY] };
    const send = (name: string, payload: unknown) => bidi.evaluate<{ ok: boolean; value?: unknown; error?: string }>(extensionTab, `browser.runtime.sendMessage(${JSON.stringify({ name, payload })})`);
    expect((await send('settings.update', { patch })).ok).toBe(true);
    // Contract v2: the extension learns where Procore lists disbursements from the Payments pages'
    // own requests (the content scripts in Firefox): the Disbursements tab, then one disbursement.
    const learned = async (capability: string) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const compatibility = (await send('compatibility.get', {})).value as { capabilities: { id: string; source: string }[] };
        if (compatibility.capabilities.find((c) => c.id === capability)?.source === 'learned') return true;
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    await bidi.send('browsingContext.navigate', { context: tab!.context, url: `${sim.origin}/${COMPANY}/company/payments/disbursements`, wait: 'complete' });
    expect(await learned('discover_disbursements')).toBe(true);
    const first = [...sim.store.state.disbursements.values()].find((d) => String(d.companyId) === COMPANY)!;
    await bidi.send('browsingContext.navigate', { context: tab!.context, url: `${sim.origin}/${COMPANY}/company/payments/disbursements/${encodeURIComponent(first.id)}`, wait: 'complete' });
    expect(await learned('read_payouts')).toBe(true);
    expect((await send('poll.now', {})).ok).toBe(true);
    const status = (await send('status.get', {})).value as { signedIn: boolean; lastError: unknown; watchedCompanies: { name: string }[] };
    expect(status.signedIn).toBe(true);
    expect(status.watchedCompanies.map((c) => c.name)).toContain('Builder Co');
    // A payment funded now: the extension starts its countdown.
    const d = await simControl<{ id: string }>(sim.origin, 'POST', '/disbursements', { payouts: [{ beneficiaryName: 'Firefox Framing', delayFraction: 0.5 }] });
    expect((await send('poll.now', {})).ok).toBe(true);
    const watches = (await send('watches.list', { disbursementId: d.id })).value as { state: string; beneficiaryName: string }[];
    expect(watches).toEqual([expect.objectContaining({ state: 'syncing', beneficiaryName: 'Firefox Framing' })]);
  });
});
