import { useSyncExternalStore } from 'react';
import { useOverlay } from './overlay-context';

/** Re-renders the caller whenever the background reports a change; returns the store. */
export function useWatchStore() {
  const { store } = useOverlay();
  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}

const noSubscription = () => () => undefined;

/**
 * Server time, re-rendering the caller every second only while `ticking` (a live countdown);
 * other badges never subscribe to the clock.
 */
export function useServerNow(ticking: boolean): number {
  const { ticker, store } = useOverlay();
  const local = useSyncExternalStore(ticking ? ticker.subscribe : noSubscription, ticker.now);
  return local + (store.status?.clockOffsetMs ?? 0);
}
