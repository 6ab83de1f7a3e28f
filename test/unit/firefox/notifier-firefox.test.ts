import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Engine } from '../../../utils/engine/engine';
import { notify, setupNotificationClicks } from '../../../utils/engine/notify/notifier';
import { putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from '../engine/engine-fixture';

// What Firefox's notifications API does differently: `buttons` is not in its schema, so
// `create` rejects the whole call ("Property "buttons" is unsupported by Firefox"), and there is
// no `onButtonClicked` event at all.
function behaveLikeFirefox(): { created: Map<string, Record<string, unknown>> } {
  const created = new Map<string, Record<string, unknown>>();
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: Record<string, unknown>) => {
    if ('buttons' in options) throw new Error('Type error for parameter options (Property "buttons" is unsupported by Firefox) for notifications.create.');
    created.set(id, options);
    return id;
  }) as never);
  (fakeBrowser.notifications as unknown as Record<string, unknown>).onButtonClicked = undefined;
  return { created };
}

describe('Firefox: notifications without buttons', () => {
  let engine: Engine;
  const onButtonClicked = fakeBrowser.notifications.onButtonClicked;
  afterEach(() => {
    vi.restoreAllMocks();
    (fakeBrowser.notifications as unknown as Record<string, unknown>).onButtonClicked = onButtonClicked;
  });
  beforeEach(async () => {
    engine = await testEngine(() => Date.parse('2026-11-16T12:00:00Z'));
    await putWatches(engine.db, [sampleWatch({ payoutId: 'po_1', state: 'failed' }), sampleWatch({ payoutId: 'po_2', state: 'overdue' })]);
  });

  it('shows the notification without buttons where the browser refuses them', async () => {
    const { created } = behaveLikeFirefox();
    const shown = await notify(engine, [
      { kind: 'failed', payoutId: 'po_1' },
      { kind: 'overdue', payoutId: 'po_2' },
    ], await engine.settings());
    expect(shown).toBe(1);
    const [options] = [...created.values()];
    expect(options).toBeDefined();
    expect(options).not.toHaveProperty('buttons');
    expect(options).not.toHaveProperty('requireInteraction');
    expect(String(options!.title)).not.toBe('');
    expect(String(options!.message)).not.toBe('');
  });

  it('keeps the buttons where the browser has them (Chromium)', async () => {
    const shown = await notify(engine, [{ kind: 'failed', payoutId: 'po_1' }], await engine.settings());
    expect(shown).toBe(1);
    const all = await fakeBrowser.notifications.getAll();
    const options = Object.values(all)[0] as { buttons?: { title: string }[] };
    expect(options.buttons?.map((b) => b.title)).toEqual(['Open ERP Integrations', expect.stringMatching(/^Snooze/)]);
  });

  it('still reports a failure that is not about buttons', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('notifications are disabled'));
    await expect(notify(engine, [{ kind: 'failed', payoutId: 'po_1' }], await engine.settings())).rejects.toThrow(/disabled/);
  });

  it("wires clicks without an onButtonClicked event, and a click opens the company's ERP Integrations with the record's fix ready", async () => {
    const { created } = behaveLikeFirefox();
    const snooze = vi.fn(async () => undefined);
    expect(() => setupNotificationClicks(Promise.resolve(engine), snooze)).not.toThrow();
    await notify(engine, [{ kind: 'failed', payoutId: 'po_1' }], await engine.settings());
    const [id] = [...created.keys()];
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledTimes(1));
    // No API exports anything: the click only opens Procore's page, where the user confirms the fix.
    expect(String(tabs.mock.calls[0]![0].url)).toMatch(/\/8089\/company\/erp_integrations#esw-fix=po_1$/);
    expect(snooze).not.toHaveBeenCalled();
  });
});

// Firefox's `browser.*` returns promises natively; Chromium's `chrome.*` did not always. The code
// goes through `browser` from 'wxt/browser' (WXT's own, no polyfill needed in MV3), never the
// `chrome` global, so one promise-based API serves both builds.
describe('one promise-based browser API for both builds', () => {
  const SOURCE_DIRS = ['utils', 'entrypoints', 'components'];
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sources(full);
      return /\.(ts|tsx)$/.test(name) ? [full] : [];
    });
  }

  it('product code never calls the chrome.* global', () => {
    const offenders = SOURCE_DIRS.flatMap(sources).filter((file) => /(^|[^\w.])chrome\.[a-z]/.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it("WXT's own browser (wxt/browser) serves both: no polyfill is wired or imported", () => {
    expect(readFileSync('wxt.config.ts', 'utf8')).not.toMatch(/webextension-polyfill/);
    const importers = SOURCE_DIRS.flatMap(sources).filter((file) => /from ['"](@wxt-dev\/)?webextension-polyfill['"]/.test(readFileSync(file, 'utf8')));
    expect(importers).toEqual([]);
  });
});
