import type { Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../utils/domain/watch';
import type { EngineStatus, SettingsView } from '../../utils/messaging';
import type { Sim } from '../sim/server';
import { ledger, simControl, startTestSim } from '../sim/testing';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from './configure';
import { extensionPolicy } from './enterprise-policy';
import { isolatedBuild, launchExtension, type LaunchedExtension } from './launch';

const WINDOW_MS = 8_000;

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the background engine in Chromium against the sim', () => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let page: Page;

  beforeAll(async () => {
    sim = await startTestSim({ windowMs: WINDOW_MS });
    ext = await launchExtension();
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS });
    page = await openExtensionPage(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  // One company's poll, not the popup's "Check now" (which also reads the 7-day backlog): the
  // 8 s window below leaves no room for a backlog read on a loaded machine.
  const pollCompany = () => sendFromExtensionPage(page, 'poll.now', { companyId: '8089' });
  const watchesOf = (disbursementId: string) => sendFromExtensionPage<Watch[]>(page, 'watches.list', { disbursementId });

  it('signs in with the browser session: the worker\'s credentialed fetch carries the sim cookie', async () => {
    const status = await sendFromExtensionPage<EngineStatus>(page, 'status.get', {});
    expect(status.signedIn).toBe(true);
    expect(status.lastError).toBeNull();
    expect(status.watchedCompanies.map((c) => c.name)).toEqual(['Builder Co', 'Keystone Partners']);
  });

  it('funding complete → watches appear → the window ends → one notification, the badge count and the cause', async () => {
    // The scenario's own records (read from the learned list at configure) count too: Keystone's
    // failed payout is overdue there, its account may not read export results.
    const badgeBefore = Number((await ext.worker.evaluate(() => chrome.action.getBadgeText({}))) || 0);
    await simControl(sim.origin, 'POST', '/companies/8089/erp/checks', { bankId: 'OPER', checkNumber: 70001 });
    const d = await simControl<{ id: string; payouts: { id: string }[] }>(sim.origin, 'POST', '/disbursements', {
      status: 'authorized',
      firstCheckNumber: 70001,
      payouts: [
        { beneficiaryName: 'Dup Check Drywall', delayFraction: 0.1 },
        { beneficiaryName: 'Late Electric', delayFraction: 3 },
      ],
    });
    const [dupId, lateId] = d.payouts.map((p) => String(p.id)) as [string, string];
    await pollCompany();
    expect((await watchesOf(d.id)).map((w) => w.state)).toEqual(['awaiting_funding', 'awaiting_funding']);

    const fundedAt = Date.now();
    await simControl(sim.origin, 'POST', `/fund/${encodeURIComponent(d.id)}`);
    await pollCompany();
    const syncing = await watchesOf(d.id);
    expect(syncing.map((w) => w.state)).toEqual(['syncing', 'syncing']);
    const deadline = Math.max(...syncing.map((w) => w.deadline ?? 0));

    // Builder Co's notifications since the funding (an id ends in the worker's clock). Another
    // company's may be on screen too: Keystone's overdue record notifies when a poll first finds
    // it, and headless Chromium keeps a notification listed for about 8 s.
    const ours = (all: Record<string, unknown>) =>
      Object.keys(all).filter((id) => id.startsWith('esw:8089:') && Number(id.split(':').pop()) >= fundedAt - 1_000);
    // No more "poll now": the deadline alarm marks both overdue from the store and notifies, and
    // the poll that follows it refines the one the ERP refused into a failure.
    const notified = await until('a notification after the window, refined by the poll', async () => {
      const all = (await ext.worker.evaluate(() => chrome.notifications.getAll())) as Record<string, unknown>;
      const watches = await watchesOf(d.id);
      const late = watches.find((w) => w.payoutId === lateId);
      const dup = watches.find((w) => w.payoutId === dupId);
      const mine = ours(all);
      return late?.state === 'overdue' && dup?.state === 'failed' && mine.length > 0 ? mine : null;
    });
    expect(Date.now()).toBeGreaterThanOrEqual(deadline - 1_000);
    expect(notified.length).toBeGreaterThanOrEqual(1);
    const states = (await watchesOf(d.id)).map((w) => w.state).sort();
    expect(states).toEqual(['failed', 'overdue']);
    expect(await ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(badgeBefore + 2));

    const failed = (await watchesOf(d.id)).find((w) => w.payoutId === dupId)!;
    expect(failed.diagnosis?.cause).toBe('DUPLICATE_CHECK_NUMBER');
    // The ERP holds nothing for either: the refused one and the late one were not written.
    const book = await ledger(sim.origin);
    expect(book.records.filter((r) => r.payoutId === dupId || r.payoutId === lateId)).toEqual([]);
    expect(book.violations).toEqual([]);
  });

  it('pushes live changes over the watches port, and answers history, audit and connection messages', async () => {
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as { seen?: unknown[] }).seen = seen;
      chrome.runtime.connect({ name: 'watches' }).onMessage.addListener((m: unknown) => void seen.push(m));
    });
    const d = await simControl<{ id: string }>(sim.origin, 'POST', '/disbursements', { payouts: [{ beneficiaryName: 'Port Co', delayFraction: 0.2 }] });
    await pollCompany();
    const changes = await until('an upsert over the port', async () => {
      const seen = (await page.evaluate(() => (globalThis as { seen?: unknown[] }).seen)) as { type: string; watches?: Watch[] }[];
      return seen.some((c) => c.type === 'upsert' && c.watches?.some((w) => w.disbursementId === d.id)) ? seen : null;
    });
    expect(changes[0]).toMatchObject({ type: 'status', status: { signedIn: true } });
    const history = await sendFromExtensionPage<Watch[]>(page, 'history.list', { from: Date.now() - 3_600_000, to: Date.now() + 60_000 });
    expect(history.some((w) => w.disbursementId === d.id)).toBe(true);
    const audit = await sendFromExtensionPage<{ payoutId: string | null }[]>(page, 'audit.list', {});
    expect(audit.length).toBeGreaterThan(0);
    const connection = await sendFromExtensionPage<{ me: { login: string }; companies: { id: string }[] }>(page, 'connection.test', {});
    expect(connection).toEqual({
      me: expect.objectContaining({ login: 'ap@builder.com' }),
      companies: [
        { id: '8089', name: 'Builder Co' },
        { id: '8091', name: 'Keystone Partners' },
      ],
    });
  });

  it('refuses messages from a web page', async () => {
    const web = await ext.context.newPage();
    await web.goto(`${sim.origin}/login`);
    const id = ext.extensionId;
    const reply = await web.evaluate(async (extensionId) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no channel';
      try {
        return await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(extensionId, { name: 'watches.list', payload: {} });
      } catch (error) {
        return String(error);
      }
    }, id);
    // Web pages have no messaging channel to the extension at all (no externally_connectable).
    expect(reply).toBe('no channel');
    await web.close();
  });
});

/**
 * An administrator's policy names the Procore, or names another one later. Chromium hands a policy
 * to the extension whenever it changes (here: the policy file written after launch, read again
 * after a few seconds' settle); the worker follows it then, not at its next alarm minutes later.
 */
describe('a policy that arrives after the worker started', () => {
  let sim: Sim;
  let dir: string;
  let policy: ReturnType<typeof extensionPolicy>;
  let ext: LaunchedExtension;
  let page: Page;

  beforeAll(async () => {
    sim = await startTestSim();
    dir = isolatedBuild();
    policy = extensionPolicy(dir);
    policy.remove();
    ext = await launchExtension({ extensionDir: dir });
    // The popup asks nothing of Procore when it opens (the options page tests the connection).
    page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await ext?.close();
    policy?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await sim?.close();
  });

  it('is followed at once: the worker signs in at the Procore it names, with no message and no alarm', async () => {
    const status = () => sendFromExtensionPage<EngineStatus>(page, 'status.get', {});
    const signIn = await ext.context.request.post(`${sim.origin}/__sim/session`, { data: {} });
    expect(signIn.ok()).toBe(true);
    // Nothing asked yet: the first discovery alarm is minutes away.
    expect((await status()).signedIn).toBeNull();
    const written = Date.now();
    policy.write({ environment: 'custom', apiOrigin: sim.origin, authMode: 'session' });
    await until('the policy to show in the settings', async () => {
      const view = await sendFromExtensionPage<SettingsView>(page, 'settings.get', {});
      return view.locked.includes('apiOrigin') && view.settings.apiOrigin === sim.origin;
    });
    const handedOver = Date.now();
    await until('the worker to sign in at the policy Procore', async () => (await status()).signedIn === true, 15_000);
    console.info(`policy written → in storage.managed ${handedOver - written} ms → signed in ${Date.now() - handedOver} ms later`);
    expect((await status()).lastError).toBeNull();
  });
});
