import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenFixFocusMessages } from '../../../utils/overlay/fix-focus-messages';

describe('fix.focus in the page', () => {
  it("takes the record only from this extension's background, in the shape the background sends", async () => {
    const asked: string[] = [];
    const stop = listenFixFocusMessages((payoutId) => asked.push(payoutId));
    const ours = { id: browser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.focus', payoutId: 'po-1' }, ours);
    // Another extension, one of our own content scripts (it has a tab), a wrong shape: ignored.
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.focus', payoutId: 'po-2' }, { id: 'another-extension' });
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.focus', payoutId: 'po-3' }, { ...ours, tab: { id: 4, index: 0, highlighted: false, active: true, pinned: false, incognito: false } });
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.focus', payoutId: '<img src=x>' }, ours);
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.open', payoutId: 'po-4' }, ours);
    expect(asked).toEqual(['po-1']);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ name: 'fix.focus', payoutId: 'po-5' }, ours);
    expect(asked).toEqual(['po-1']);
  });
});
