import { useEffect, useSyncExternalStore } from 'react';
import { countdown, type StatusView } from '../../utils/overlay/watch-view';
import { useOverlay } from './overlay-context';

/** Re-renders the caller whenever the background reports a change; returns the store. */
export function useWatchStore() {
  const { store } = useOverlay();
  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}

/** Server time at render. Nothing re-renders with the clock: countdowns update themselves. */
export function useServerNow(): number {
  const { ticker, store } = useOverlay();
  return ticker.now() + (store.status?.clockOffsetMs ?? 0);
}

/**
 * Keeps a countdown's words current: each tick of the shared ticker rewrites only its text and
 * accessible name (no React render), and only while it is mounted.
 */
export function useLiveCountdown(live: StatusView['countdown'], apply: (view: StatusView) => void): void {
  const { ticker, store } = useOverlay();
  const deadline = live?.deadline;
  const estimated = live?.estimated ?? false;
  const short = live?.short ?? false;
  useEffect(() => {
    if (deadline === undefined) return;
    const update = () => apply(countdown(deadline, estimated, ticker.now() + (store.status?.clockOffsetMs ?? 0), short));
    update();
    return ticker.subscribe(update);
  }, [deadline, estimated, short, ticker, store, apply]);
}
