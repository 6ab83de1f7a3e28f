import { browser } from 'wxt/browser';
import { WATCH_PORT } from './watch-port-name';
import type {
  Envelope,
  MessageName,
  Replies,
  RequestOf,
  WatchChange,
} from './messaging';

/** Thrown when the background answers with an error; `message` is for the user to read. */
export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** Asks the background; resolves with its typed reply or rejects with words a person can read. */
export async function sendMessage<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<Replies[N]> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ name, payload });
  } catch (error) {
    throw new BackgroundError(`The extension's background did not answer (${String(error)}). Reload the page to reconnect.`);
  }
  const envelope = reply as Envelope<Replies[N]> | undefined;
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new BackgroundError('The extension\'s background gave no answer. Reload the page to reconnect.');
  }
  if (!envelope.ok) throw new BackgroundError(envelope.error);
  return envelope.value;
}

/**
 * Live changes from the background. The port reconnects when the service worker restarts;
 * the returned function closes it.
 */
export function subscribeWatches(onChange: (change: WatchChange) => void, onDisconnect?: () => void): () => void {
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = () => {
    if (closed) return;
    port = browser.runtime.connect({ name: WATCH_PORT });
    port.onMessage.addListener((message) => onChange(message as WatchChange));
    port.onDisconnect.addListener(() => {
      port = null;
      onDisconnect?.();
      // The worker was stopped or reloaded: reconnect after a beat, unless the extension is gone.
      if (!closed && browser.runtime?.id) setTimeout(connect, 1000);
    });
  };
  connect();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
