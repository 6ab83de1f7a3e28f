import { sendMessage, subscribeWatches } from '../../utils/message-client';
import type { CapabilityView, EngineStatus, SettingsView, WatchChange } from '../../utils/messaging';
import type { Watch } from '../../utils/domain/watch';
import { popupQueries } from '../../utils/view/popup-sections';

/** The background's answers the popup starts from, and its live changes after them. */
export interface PopupFeed {
  first: Promise<[SettingsView, EngineStatus, Watch[]]>;
  /** The rest of the list, asked once the first answers are in. */
  rest: Promise<Watch[]>;
  /** How disbursements are followed (the Compatibility line); null when the background cannot say. */
  discovery: Promise<CapabilityView | null>;
  /** Hands over the changes (those that came before too); the returned function closes the feed. */
  listen(onChange: (change: WatchChange) => void): () => void;
}

/**
 * Asks at once, so that the popup's entry can ask before its first render and the background
 * answers while the page renders. The port opens before the questions so that no change made
 * after their answers is missed; changes are held until someone listens.
 */
export function openPopupFeed(localNow: number): PopupFeed {
  const held: WatchChange[] = [];
  let listener: ((change: WatchChange) => void) | null = null;
  const close = subscribeWatches((change) => (listener ? listener(change) : held.push(change)));
  const [firstQuery, restQuery] = popupQueries(localNow);
  const first = Promise.all([sendMessage('settings.get', {}), sendMessage('status.get', {}), sendMessage('watches.list', firstQuery)]);
  // Asked only after, so that the background reads the few records the list starts with first.
  const rest = first.then(() => sendMessage('watches.list', restQuery));
  // Whoever listens handles the failure; an unheard one is not an unhandled rejection.
  rest.catch(() => undefined);
  const discovery = sendMessage('compatibility.get', {}).then(
    (c) => c.capabilities?.find((x) => x.id === 'discover_disbursements') ?? null,
    // The line is a help, not the popup's job: without it, the rest still works.
    () => null,
  );
  return {
    first,
    rest,
    discovery,
    listen(onChange) {
      listener = onChange;
      for (const change of held.splice(0)) onChange(change);
      return close;
    },
  };
}
