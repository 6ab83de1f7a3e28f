import { browser } from 'wxt/browser';
import type { FixFocusMessage } from '../messaging';
import { isPlainId } from '../page/hash-id';

function isFixFocus(message: unknown): message is FixFocusMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.name === 'fix.focus' && isPlainId(m.payoutId);
}

/**
 * `fix.focus` from this extension's background (tabs.sendMessage): the record whose fix the user
 * asked for from the popup or a notification. Any other sender (a page, another extension, one
 * of our content scripts) and any other shape is ignored. Returns the function that stops it.
 */
export function listenFixFocusMessages(onFocus: (payoutId: string) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // The background's own messages come from this extension and from no tab.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined || !isFixFocus(message)) return;
    onFocus(message.payoutId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
