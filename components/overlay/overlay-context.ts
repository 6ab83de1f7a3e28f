import { createContext, useContext } from 'react';
import type { Backend } from '../../utils/overlay/backend';
import type { Ticker } from '../../utils/overlay/ticker';
import type { WatchStore } from '../../utils/overlay/watch-store';

/** What every overlay on a page shares: one store, one clock, one layer, one announcer. */
export interface OverlayServices {
  backend: Backend;
  store: WatchStore;
  ticker: Ticker;
  /** Where popovers and dialogs render (inside the page's one shadow root). */
  layer: HTMLElement;
  /** Polite screen-reader announcement (milestones only). */
  announce: (message: string) => void;
  companyId: string;
  /** The page's URL, for building links in the same shape. */
  href: string;
}

export const OverlayContext = createContext<OverlayServices | null>(null);

export function useOverlay(): OverlayServices {
  const services = useContext(OverlayContext);
  if (!services) throw new Error('Overlay components render inside an OverlayContext provider.');
  return services;
}
