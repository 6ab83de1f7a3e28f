import { browser } from 'wxt/browser';
import { WATCH_PORT, type EngineStatus } from '../../messaging';
import { senderKind, type SenderTrust } from '../sender-check';
import type { WatchHub } from './watch-hub';
import { runtimeTrust } from '../message-router';

/**
 * Accepts `watches` ports from our pages and content scripts (sender checked like messages)
 * and greets each with the current status; the hub pushes every later change.
 */
export function setupWatchPort(hub: WatchHub, status: () => Promise<EngineStatus>, trust: () => SenderTrust = runtimeTrust): void {
  // The hub exists before the store opens, so a page connecting at wake-up is not lost.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WATCH_PORT) return;
    if (!port.sender || !senderKind(port.sender, trust())) {
      port.disconnect();
      return;
    }
    hub.add(port);
    port.onDisconnect.addListener(() => hub.remove(port));
    void status().then(
      (s) => hub.has(port) && port.postMessage({ type: 'status', status: s }),
      () => undefined,
    );
  });
}
