import { sendMessage, subscribeWatches } from '../../utils/message-client';
import type { WatchChange } from '../../utils/messaging';
import { popupQueries } from '../../utils/view/popup-sections';

/**
 * The popup's first questions (settings, status, the failed and overdue records) and its
 * live-change port, started together: the port first, so no change falls between the answers and
 * the subscription (the newest version of a record wins when they meet).
 */
export function askFirst(localNow: number) {
  const buffered: WatchChange[] = [];
  let deliver: ((change: WatchChange) => void) | null = null;
  const unsubscribe = subscribeWatches((change) => (deliver ? deliver(change) : buffered.push(change)));
  const [first, rest] = popupQueries(localNow);
  const answers = Promise.all([sendMessage('settings.get', {}), sendMessage('status.get', {}), sendMessage('watches.list', first)]);
  // Handled by the popup once it mounts; until then a refusal is not "unhandled".
  answers.catch(() => undefined);
  return {
    answers,
    rest,
    /** Hands the changes (those already come first) to `onChange`; returns the unsubscribe. */
    listen(onChange: (change: WatchChange) => void): () => void {
      deliver = onChange;
      for (const change of buffered.splice(0)) onChange(change);
      return unsubscribe;
    },
  };
}

type FirstAnswers = ReturnType<typeof askFirst>;
let early: FirstAnswers | null = null;

/** Asked by the popup's entry (`entrypoints/popup/main.ts`) before it loads the UI. */
export function askEarly(): void {
  early ??= askFirst(Date.now());
}

/** The early questions, once (a reload asks afresh). */
export function takeFirstAnswers(): FirstAnswers {
  const taken = early ?? askFirst(Date.now());
  early = null;
  return taken;
}
