import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Engine } from '../../../utils/engine/engine';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage, type MessageHandlers } from '../../../utils/engine/message-router';
import { putWatches } from '../../../utils/store/watch-store';
import { fakeRuntimeIdentity, OUR_ID, sampleWatch, testEngine, trust } from './engine-fixture';

const page = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/popup.html` };
const contentScript = { id: OUR_ID, url: 'https://app.procore.com/8089/company/payments/disbursements', tab: { id: 3 } };

describe('message router', () => {
  let engine: Engine;
  let handlers: MessageHandlers;
  beforeEach(async () => {
    fakeRuntimeIdentity();
    engine = await testEngine();
    handlers = messageHandlers(engine, async () => {
      throw new Error('no Procore in this test');
    });
  });

  const send = (name: string, payload: unknown, sender: object = page) => routeMessage(handlers, { name, payload }, sender, trust);

  it('answers our pages with typed envelopes', async () => {
    const reply = await send('settings.get', {});
    expect(reply.ok).toBe(true);
    expect(reply.ok && (reply.value as { settings: { retentionDays: number } }).settings.retentionDays).toBe(30);
  });

  it('refuses other extensions, web pages and content scripts on pages they are not for', async () => {
    for (const sender of [
      { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
      { url: 'https://evil.example/' },
      { id: OUR_ID, url: 'https://evil.example/8089/company/payments', tab: { id: 1 } },
      { id: OUR_ID, url: 'https://app.procore.com/8089/company/directory', tab: { id: 1 } },
    ]) {
      const reply = await send('watches.list', {}, sender);
      expect(reply).toEqual({ ok: false, error: 'Refused: this message did not come from ERP Sync Watch.' });
    }
  });

  it('lets content scripts read watches but not change settings or erase data', async () => {
    expect((await send('watches.list', {}, contentScript)).ok).toBe(true);
    const update = await send('settings.update', { patch: { retentionDays: 5 } }, contentScript);
    expect(update.ok).toBe(false);
    const clear = await send('data.clear', { confirm: true }, contentScript);
    expect(clear).toEqual({ ok: false, error: 'Refused: "data.clear" may only be sent from the extension\'s own pages.' });
  });

  it('validates payloads and names with words', async () => {
    const bad = await send('watch.snooze', { payoutId: 'po_1', minutes: 0 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/Invalid "watch.snooze" request: minutes/);
    expect(await send('nope', {})).toEqual({ ok: false, error: 'Unknown message "nope".' });
  });

  it('stores settings updates and refuses invalid values without losing the stored ones', async () => {
    const ok = await send('settings.update', { patch: { apiOrigin: 'http://127.0.0.1:4999', retentionDays: 14 } });
    expect(ok.ok).toBe(true);
    const bad = await send('settings.update', { patch: { retentionDays: 0 } });
    expect(bad.ok).toBe(false);
    const now = await send('settings.get', {});
    expect(now.ok && (now.value as { settings: { apiOrigin: string; retentionDays: number } }).settings).toMatchObject({
      apiOrigin: 'http://127.0.0.1:4999',
      retentionDays: 14,
    });
  });

  it('knows no sync window: a settings update cannot carry one, and the sandbox-only message is unknown here', async () => {
    expect((await send('settings.update', { patch: { windowMs: 8000 } })).ok).toBe(true);
    const now = await send('settings.get', {});
    expect(now.ok && now.value).not.toHaveProperty('settings.windowMs');
    expect(await send('sandbox.setSyncWindow', { windowMs: 8000 })).toEqual({ ok: false, error: 'Unknown message "sandbox.setSyncWindow".' });
  });

  it('forgets companies and change cursors when pointed at another Procore', async () => {
    const { writeMeta, readMeta } = await import('../../../utils/store/meta-store');
    await writeMeta(engine.db, 'companies', [{ id: '8089' }]);
    await writeMeta(engine.db, 'cursor:8089', { disbursementsSince: 1, statusSince: 1 });
    await send('settings.update', { patch: { retentionDays: 10 } });
    expect(await readMeta(engine.db, 'cursor:8089')).toBeDefined();
    await send('settings.update', { patch: { apiOrigin: 'https://us02.procore.com' } });
    expect(await readMeta(engine.db, 'cursor:8089')).toBeUndefined();
    expect(await readMeta(engine.db, 'companies')).toBeUndefined();
  });

  it('cancels requests still going to the old Procore when the origin changes', async () => {
    const { procoreClient } = await import('../../../utils/engine/poll/procore-connection');
    const { RateGovernor } = await import('../../../utils/procore/rate-governor');
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const client = procoreClient(engine, await engine.settings(), new RateGovernor(), hanging);
    const outcome = client.me().then(
      () => 'answered',
      (error: unknown) => error,
    );
    await send('settings.update', { patch: { apiOrigin: 'https://us02.procore.com' } });
    expect(await outcome).toMatchObject({ kind: 'aborted' });
  });

  it('applies the managed policy as locked values and refuses changes to them', async () => {
    await fakeBrowser.storage.managed.set({ autoFixDuplicateCheckNumbers: true, retentionDays: 'many' });
    const view = await send('settings.get', {});
    expect(view.ok && view.value).toMatchObject({ locked: ['autoFixDuplicateCheckNumbers'], settings: { autoFixDuplicateCheckNumbers: true, retentionDays: 30 } });
    const update = await send('settings.update', { patch: { autoFixDuplicateCheckNumbers: false } });
    expect(update.ok).toBe(false);
    expect(!update.ok && update.error).toMatch(/policy sets autoFixDuplicateCheckNumbers/);
  });

  it('lists watches by state and company, and dismisses through the state machine with an audit line', async () => {
    await putWatches(engine.db, [
      sampleWatch({ payoutId: 'a', state: 'failed' }),
      sampleWatch({ payoutId: 'b', state: 'syncing', companyId: '9' }),
      sampleWatch({ payoutId: 'c', state: 'synced' }),
    ]);
    const failed = await send('watches.list', { states: ['failed', 'syncing'], companyId: '8089' });
    expect(failed.ok && (failed.value as { payoutId: string }[]).map((w) => w.payoutId)).toEqual(['a']);
    const dismissed = await send('watch.dismiss', { payoutId: 'a' });
    expect(dismissed.ok && (dismissed.value as { state: string }).state).toBe('dismissed');
    const audit = await send('audit.list', {});
    expect(audit.ok && audit.value).toEqual([expect.objectContaining({ payoutId: 'a', actor: 'user', before: 'failed', after: 'dismissed' })]);
    const missing = await send('watch.dismiss', { payoutId: 'zzz' });
    expect(missing).toEqual({ ok: false, error: 'No payment record zzz is being watched.' });
  });
});
