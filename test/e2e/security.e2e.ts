import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dialog, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../utils/domain/watch';
import { SANDBOX_DEFAULT_ORIGIN } from '../../utils/engine/settings/build-defaults';
import { XSS_BENEFICIARY } from '../sim/scenarios/demo';
import type { Sim } from '../sim/server';
import { startTestSim } from '../sim/testing';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from './configure';
import { ContentScriptWorld } from './faults/content-script-world';
import { logRequests, type LoggedRequest } from './faults/request-log';
import { until } from './faults/until';
import { launchExtension, SANDBOX_EXTENSION_DIR, type LaunchedExtension } from './launch';

/*
 * SECURITY.md's threats, end to end: the built sandbox extension in Chromium beside a second,
 * hostile extension, against the sim's demo scenario (which has a beneficiary named like markup).
 */

const COMPANY = '8089';
const SECRET = 'SEKRET-token-never-leaves-the-background';

// A second extension that tries every way in: a message that would erase our data, a read, and
// a live-change port.
const OTHER_MANIFEST = { manifest_version: 3, name: 'Hostile Other Extension', version: '1.0', background: { service_worker: 'bg.js' } };
const OTHER_BACKGROUND = `
self.probe = async (target) => {
  const out = {};
  try { out.clear = await chrome.runtime.sendMessage(target, { name: 'data.clear', payload: { confirm: true } }); } catch (e) { out.clearError = String(e); }
  try { out.list = await chrome.runtime.sendMessage(target, { name: 'watches.list', payload: {} }); } catch (e) { out.listError = String(e); }
  out.port = await new Promise((resolve) => {
    const got = [];
    const port = chrome.runtime.connect(target, { name: 'watches' });
    port.onMessage.addListener((m) => got.push(m));
    port.onDisconnect.addListener(() => resolve({ disconnected: true, error: chrome.runtime.lastError ? chrome.runtime.lastError.message : null, got }));
    setTimeout(() => resolve({ disconnected: false, got }), 3000);
  });
  return out;
};`;

interface Probe {
  clear?: unknown;
  clearError?: string;
  list?: unknown;
  listError?: string;
  port: { disconnected: boolean; error?: string | null; got: unknown[] };
}

function isOwn(url: string): boolean {
  const { protocol } = new URL(url);
  return protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:' || url === 'about:blank';
}

describe('security: the built extension against hostile pages, extensions and data', () => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let ours: LaunchedExtension;
  let other: Worker;
  let otherDir: string;
  let page: Page;
  let requests: LoggedRequest[];
  const dialogs: string[] = [];
  let configuredAt = 0;

  beforeAll(async () => {
    // Playwright reports a service worker's own fetches on the context only with this set.
    process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
    sim = await startTestSim({ scenario: 'demo', windowMs: 60_000 });
    otherDir = mkdtempSync(path.join(tmpdir(), 'esw-other-ext-'));
    writeFileSync(path.join(otherDir, 'manifest.json'), JSON.stringify(OTHER_MANIFEST));
    writeFileSync(path.join(otherDir, 'bg.js'), OTHER_BACKGROUND);
    ext = await launchExtension({ extensionDir: `${SANDBOX_EXTENSION_DIR},${otherDir}` });
    requests = logRequests(ext.context);
    ext.context.on('page', (p) => p.on('dialog', (d: Dialog) => void (dialogs.push(d.message()), d.dismiss())));
    const workers = await until('both extensions\' service workers', async () => (ext.context.serviceWorkers().length >= 2 ? ext.context.serviceWorkers() : null));
    const names = await Promise.all(workers.map((w) => w.evaluate(() => chrome.runtime.getManifest().name)));
    const ourWorker = workers[names.indexOf('ERP Sync Watch (sandbox)')]!;
    other = workers[names.indexOf(OTHER_MANIFEST.name)]!;
    expect(ourWorker && other).toBeTruthy();
    ours = { ...ext, worker: ourWorker, extensionId: new URL(ourWorker.url()).host };
    await configureExtension(ours, { apiOrigin: sim.origin, windowMs: 60_000, companyIds: [COMPANY] });
    configuredAt = Date.now();
    page = await openExtensionPage(ours);
  });

  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    if (otherDir) rmSync(otherDir, { recursive: true, force: true });
  });

  const watches = () => sendFromExtensionPage<Watch[]>(page, 'watches.list', {});

  it('a web page has no channel to the extension: sendMessage/connect do not exist there, and posted messages change nothing', async () => {
    const before = await watches();
    expect(before.length).toBeGreaterThan(0);
    const web = await ext.context.newPage();
    try {
      for (const where of ['/login', `/${COMPANY}/company/payments/disbursements`]) {
        await web.goto(`${sim.origin}${where}`);
        const reply = await web.evaluate(async (extensionId) => {
          const runtime = (globalThis as { chrome?: { runtime?: Record<string, unknown> } }).chrome?.runtime;
          const results: string[] = [];
          if (typeof runtime?.sendMessage !== 'function') results.push('no sendMessage');
          else {
            try {
              await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(extensionId, { name: 'data.clear', payload: { confirm: true } });
              results.push('sent');
            } catch (error) {
              results.push(`refused: ${String(error)}`);
            }
          }
          if (typeof runtime?.connect !== 'function') results.push('no connect');
          // The content script never listens to window messages; try anyway.
          window.postMessage({ name: 'data.clear', payload: { confirm: true } }, '*');
          window.postMessage({ type: 'reexport', payoutId: 'x', checkNumber: 1 }, '*');
          return results;
        }, ours.extensionId);
        expect(reply).toEqual(['no sendMessage', 'no connect']);
      }
    } finally {
      await web.close();
    }
    const after = await watches();
    expect(after.map((w) => w.payoutId).sort()).toEqual(before.map((w) => w.payoutId).sort());
  });

  it('a second extension is refused: its messages find no receiver and its port is closed at once', async () => {
    const before = await watches();
    const probe = (await other.evaluate((id) => (self as unknown as { probe: (t: string) => Promise<unknown> }).probe(id), ours.extensionId)) as Probe;
    expect(probe.clear).toBeUndefined();
    expect(probe.clearError).toMatch(/Could not establish connection|Receiving end does not exist/);
    expect(probe.list).toBeUndefined();
    expect(probe.listError).toMatch(/Could not establish connection|Receiving end does not exist/);
    expect(probe.port.disconnected).toBe(true);
    expect(probe.port.got).toEqual([]);
    // Nothing was erased.
    expect((await watches()).length).toBe(before.length);
  });

  it('content scripts never receive a token: their bundles never name one, and no reply to them carries one', async () => {
    const dir = path.join(SANDBOX_EXTENSION_DIR, 'content-scripts');
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    for (const file of bundles) {
      const code = readFileSync(path.join(dir, file), 'utf8');
      for (const needle of ['oauthTokens', 'oauthClientSecret', 'refresh_token', 'access_token', 'Bearer ']) expect(code, `${file} names ${needle}`).not.toContain(needle);
    }
    // The grep means something: the background bundle does hold the token code.
    expect(readFileSync(path.join(SANDBOX_EXTENSION_DIR, 'background.js'), 'utf8')).toContain('oauthTokens');

    await ours.worker.evaluate(
      (secret) => chrome.storage.local.set({ oauthTokens: { accessToken: secret, refreshToken: `${secret}-refresh`, expiresAt: Date.now() + 3_600_000 }, oauthClientSecret: `${secret}-client` }),
      SECRET,
    );
    const procorePage = await ext.context.newPage();
    try {
      const world = await ContentScriptWorld.attach(procorePage, ours.extensionId, () => procorePage.goto(`${sim.origin}/${COMPANY}/company/payments/disbursements`));
      const [watch] = await watches();
      const fromContentScript: [string, unknown][] = [
        ['settings.get', {}],
        ['status.get', {}],
        ['watches.list', {}],
        ['poll.now', { companyId: COMPANY }],
        ['checkNumbers.recommend', { companyId: COMPANY, fundingAccountId: watch!.fundingAccountId }],
        ['page.hints', { companyId: COMPANY, disbursementNumbers: [] }],
        ['preflight.check', { companyId: COMPANY, invoices: [] }],
        ['watch.snooze', { payoutId: 'no-such-record', minutes: 1 }],
        ['fix.begin', { payoutId: 'no-such-record' }],
        // Page-only messages: refused to a content script, and the refusal carries nothing.
        ['connection.test', {}],
        ['oauth.signIn', {}],
        ['audit.list', {}],
        ['history.list', { from: 0, to: Date.now() }],
        ['settings.update', { patch: { apiOrigin: 'https://evil.example' } }],
      ];
      const replies: string[] = [];
      for (const [name, payload] of fromContentScript) replies.push(JSON.stringify(await world.send(name, payload)));
      for (const reply of replies) expect(reply).not.toContain(SECRET);
      expect(JSON.parse(replies[0]!)).toMatchObject({ ok: true });
      for (const refused of replies.slice(-5)) expect(JSON.parse(refused)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
      await world.detach();
    } finally {
      await procorePage.close();
    }
    // Our own pages do not get it either.
    for (const name of ['settings.get', 'status.get', 'connection.test'] as const) {
      const reply = await page.evaluate((n) => chrome.runtime.sendMessage({ name: n, payload: {} }), name);
      expect(JSON.stringify(reply)).not.toContain(SECRET);
    }
    // The stored settings did not move to the hostile origin.
    const settings = await sendFromExtensionPage<{ settings: { apiOrigin: string } }>(page, 'settings.get', {});
    expect(settings.settings.apiOrigin).toBe(sim.origin);
    await ours.worker.evaluate(() => chrome.storage.local.remove(['oauthTokens', 'oauthClientSecret']));
  });

  it('the beneficiary named like markup is inert on every page: no dialog, no element from it', async () => {
    const all = await watches();
    expect(all.some((w) => w.beneficiaryName === XSS_BENEFICIARY)).toBe(true);
    const xss = all.find((w) => w.beneficiaryName === XSS_BENEFICIARY)!;
    const visit = await ext.context.newPage();
    try {
      for (const where of [
        `${sim.origin}/${COMPANY}/company/payments/disbursements`,
        `${sim.origin}/${COMPANY}/company/payments/disbursements/${encodeURIComponent(xss.disbursementId)}`,
        `${sim.origin}/${COMPANY}/company/payments/invoices`,
        `${sim.origin}/${COMPANY}/company/erp_integrations/contract_payments?view=failed_to_export`,
        `chrome-extension://${ours.extensionId}/popup.html`,
        `chrome-extension://${ours.extensionId}/options.html`,
      ]) {
        await visit.goto(where);
        await visit.waitForLoadState('networkidle');
        // Playwright's CSS pierces open shadow roots, where overlays draw.
        expect(await visit.locator('img[src="x"]').count(), where).toBe(0);
      }
    } finally {
      await visit.close();
    }
    expect(dialogs).toEqual([]);
  });

  it('no request leaves the browser except to the configured Procore origin (pages and the service worker)', async () => {
    // The log saw the worker's own traffic, so it would see a leak.
    expect(requests.some((r) => r.from === 'service_worker' && r.url.startsWith(`${sim.origin}/rest/`))).toBe(true);
    // Before configureExtension the sandbox build's configured origin is its default one.
    const configured = [sim.origin, SANDBOX_DEFAULT_ORIGIN];
    const leaks = requests.filter((r) => !isOwn(r.url) && !configured.includes(new URL(r.url).origin));
    expect(leaks.map((r) => `${r.from} ${r.method} ${r.url}`)).toEqual([]);
  });

  it('after the Procore origin is changed in settings, nothing more goes to the old one', () => {
    // A poll started against the old origin must not keep retrying it after the switch.
    const stale = requests.filter((r) => r.at > configuredAt && new URL(r.url).origin === SANDBOX_DEFAULT_ORIGIN);
    expect(stale.map((r) => `${r.method} ${r.url} ${r.at - configuredAt} ms after the change`)).toEqual([]);
  });
});
