import type { MessageName, Replies, RequestOf, WatchChange } from '../../../utils/messaging';
import type { Backend } from '../../../utils/overlay/backend';
import { startOverlaySession } from '../../../components/overlay/overlay-session';
import type { Feature } from '../../../features/feature';
import { FEATURES } from '../../../features/registry';
import { HOST_ATTRIBUTE } from '../../../utils/overlay/row-host';

type Handlers = { [N in MessageName]?: (payload: RequestOf<N>) => Replies[N] | Promise<Replies[N]> };

/** A background stand-in: answers messages from `handlers` and pushes changes on demand. */
export function fakeBackend(handlers: Handlers) {
  const listeners = new Set<(change: WatchChange) => void>();
  const sent: { name: MessageName; payload: unknown }[] = [];
  const backend: Backend = {
    async send(name, payload) {
      sent.push({ name, payload });
      const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`no handler for ${name}`);
      return (await handler(payload)) as never;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return { backend, sent, push: (change: WatchChange) => listeners.forEach((l) => l(change)), listeners };
}

/** Starts a session on the jsdom page at `path` (every feature by default); returns controls for navigation and reload. */
export function startSession(path: string, backend: Backend, features: readonly Feature[] = FEATURES) {
  history.replaceState(null, '', path);
  let onLocation: (href: string) => void = () => undefined;
  let onInvalidated: () => void = () => undefined;
  const stop = startOverlaySession({
    doc: document,
    backend,
    features,
    lifecycle: { onInvalidated: (cb) => (onInvalidated = cb), onLocationChange: (cb) => (onLocation = cb) },
  });
  return {
    stop,
    navigate(to: string) {
      history.pushState(null, '', to);
      onLocation(location.href);
    },
    invalidate: () => onInvalidated(),
  };
}

/** What an overlay host shows (its stylesheet aside). */
export function shownText(host: Element): string {
  return [...(host.shadowRoot?.childNodes ?? [])].filter((node) => node.nodeName !== 'STYLE').map((node) => node.textContent).join('');
}

/** The text each overlay host of `kind` that shows something shows, in document order. */
export function hostTexts(kind: string): string[] {
  return [...document.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)].map(shownText).filter(Boolean);
}

export function rootShadow(): ShadowRoot {
  const root = document.querySelector(`[${HOST_ATTRIBUTE}="root"]`)?.shadowRoot;
  if (!root) throw new Error('no overlay root');
  return root;
}
