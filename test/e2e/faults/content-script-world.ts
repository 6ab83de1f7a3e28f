import type { CDPSession, Page } from 'playwright-core';

/**
 * Runs code in our content script's isolated world on a page (where `chrome.runtime` is the
 * content script's, and the background sees a content-script sender). Playwright only reaches
 * the page's main world, so this goes through CDP's execution contexts.
 */
export class ContentScriptWorld {
  private constructor(
    private readonly session: CDPSession,
    private readonly contextId: number,
  ) {}

  static async attach(page: Page, extensionId: string, load: () => Promise<unknown>, timeoutMs = 15_000): Promise<ContentScriptWorld> {
    const session = await page.context().newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    await load();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ours = contexts.findLast((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
      if (ours) return new ContentScriptWorld(session, ours.id);
      if (Date.now() > deadline) throw new Error(`Our content script did not start on ${page.url()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.session.send('Runtime.evaluate', { expression, contextId: this.contextId, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`Content-script evaluation failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  /** Sends one protocol message as the content script would, returning the envelope. */
  send(name: string, payload: unknown): Promise<unknown> {
    return this.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ name, payload })})`);
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
