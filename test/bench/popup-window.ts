import type { CDPSession } from 'playwright-core';
import type { LaunchedExtension } from '../e2e/launch';

/**
 * The toolbar popup as users get it: opened by `action.openPopup()` in its own popup window (the
 * size Chromium gives it, not a tab's). Playwright lists no page for a popup window, so it is
 * reached through the DevTools protocol: found among the browser's targets, attached, and read
 * with `Runtime.evaluate`.
 */
export interface PopupWindow {
  /** When the worker asked for the popup (epoch ms, this machine's clock). */
  openedAt: number;
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

const FIND_TIMEOUT_MS = 10_000;

async function popupTarget(cdp: CDPSession, url: string): Promise<string> {
  const until = Date.now() + FIND_TIMEOUT_MS;
  for (;;) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const found = targetInfos.find((t) => t.type === 'page' && t.url === url);
    if (found) return found.targetId;
    if (Date.now() > until) throw new Error(`No popup window at ${url} ${FIND_TIMEOUT_MS / 1000} s after action.openPopup().`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens the popup; `cdp` is any page's DevTools session (the Target domain is browser-wide). */
export async function openPopupWindow(ext: LaunchedExtension, cdp: CDPSession): Promise<PopupWindow> {
  const openedAt = await ext.worker.evaluate(async () => {
    const at = Date.now();
    await (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup();
    return at;
  });
  const targetId = await popupTarget(cdp, `chrome-extension://${ext.extensionId}/popup.html`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (reply: { result?: { result: { value: unknown }; exceptionDetails?: { text: string } }; error?: { message: string } }) => void>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply as never);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = ++next;
    const reply = await new Promise<Parameters<NonNullable<ReturnType<typeof waiting.get>>>[0]>((resolve) => {
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
    });
    waiting.delete(id);
    if (reply.error) throw new Error(`The popup window refused to evaluate: ${reply.error.message}`);
    if (reply.result?.exceptionDetails) throw new Error(`The popup window threw: ${reply.result.exceptionDetails.text}`);
    return reply.result!.result.value as T;
  };
  return {
    openedAt,
    evaluate,
    async close() {
      await evaluate('window.close()').catch(() => undefined);
      cdp.off('Target.receivedMessageFromTarget', onMessage);
    },
  };
}
