import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageHandlers } from '../../../utils/engine/message-handlers';
import { routeMessage, type MessageHandlers } from '../../../utils/engine/message-router';
import { fakeRuntimeIdentity, OUR_ID, testEngine, trust } from './engine-fixture';

const page = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/options.html` };
const contentScript = { id: OUR_ID, url: 'https://app.procore.com/8089/company/payments/disbursements', tab: { id: 3 } };
const SECRET = 'client-secret-7f3a9c';

describe('oauth.setClientSecret', () => {
  let handlers: MessageHandlers;
  beforeEach(async () => {
    fakeRuntimeIdentity();
    handlers = messageHandlers(await testEngine(), async () => {
      throw new Error('no Procore in this test');
    });
  });
  const send = (name: string, payload: unknown, sender: object = page) => routeMessage(handlers, { name, payload }, sender, trust);

  it('is refused from a content script, and nothing is stored', async () => {
    const reply = await send('oauth.setClientSecret', { secret: SECRET }, contentScript);
    expect(reply).toEqual({ ok: false, error: 'Refused: "oauth.setClientSecret" may only be sent from the extension\'s own pages.' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('stores the secret in the background only; no reply carries it, settings.get says only that one is set', async () => {
    const replies = [await send('settings.get', {}), await send('oauth.setClientSecret', { secret: ` ${SECRET} ` })];
    expect(replies[1]).toEqual({ ok: true, value: { ok: true, hasSecret: true } });
    expect(await fakeBrowser.storage.local.get('oauthClientSecret')).toEqual({ oauthClientSecret: SECRET });
    replies.push(await send('settings.get', {}), await send('status.get', {}), await send('settings.get', {}, contentScript));
    expect(replies.map((r) => r.ok && (r.value as { hasClientSecret?: boolean }).hasClientSecret)).toEqual([false, undefined, true, undefined, true]);
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(SECRET);

    expect(await send('oauth.setClientSecret', { secret: '' })).toEqual({ ok: true, value: { ok: true, hasSecret: false } });
    expect(await fakeBrowser.storage.local.get('oauthClientSecret')).toEqual({});
  });
});
