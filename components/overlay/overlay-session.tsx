import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseRoute, type PageRoute } from '../../utils/page/routes';
import type { Backend } from '../../utils/overlay/backend';
import { adoptStyles, HOST_ATTRIBUTE, removeAllHosts } from '../../utils/overlay/row-host';
import { createTicker } from '../../utils/overlay/ticker';
import { WatchStore } from '../../utils/overlay/watch-store';
import { BackgroundNotice } from './BackgroundNotice';
import { OverlayContext, type OverlayServices } from './overlay-context';
import { OVERLAY_CSS } from './overlay-css';

/** What the session needs from WXT's content script context (a fake in unit tests). */
export interface SessionLifecycle {
  onInvalidated(callback: () => void): void;
  onLocationChange(callback: (href: string) => void): void;
}

export interface SessionOptions {
  doc: Document;
  lifecycle: SessionLifecycle;
  backend: Backend;
  /** The overlay for a page, or null where this script draws nothing. */
  render: (route: PageRoute) => ReactNode | null;
}

/**
 * One React root per page, in one shadow root: row overlays are portals from it. Navigating
 * inside Procore's single-page app swaps the page's overlay (the old one unmounts and removes
 * its hosts); an extension reload or update removes everything.
 */
export function startOverlaySession({ doc, lifecycle, backend, render }: SessionOptions): () => void {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, 'root');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, OVERLAY_CSS);
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const live = doc.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const mount = doc.createElement('div');
  shadow.append(live, layer, mount);
  doc.body.append(host);

  const store = new WatchStore();
  const ticker = createTicker(doc);
  const root = createRoot(mount);
  let disposed = false;
  let loadedCompany: string | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const announce = (message: string) => {
    // Cleared first so that the same words said twice are spoken twice.
    live.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => (live.textContent = message), 60);
  };

  const load = (companyId: string) => {
    if (loadedCompany === companyId) return;
    loadedCompany = companyId;
    backend.send('watches.list', { companyId }).then(
      (watches) => {
        if (disposed) return;
        store.replaceAll(watches);
        store.setError(null);
      },
      (error: unknown) => !disposed && store.setError(error instanceof Error ? error.message : String(error)),
    );
  };

  const unsubscribe = backend.subscribe(
    (change) => store.apply(change),
    () => {
      // The worker restarted: changes may have been missed while the port was down.
      const company = loadedCompany;
      loadedCompany = null;
      if (company) setTimeout(() => !disposed && load(company), 1500);
    },
  );

  const show = (href: string) => {
    if (disposed) return;
    const route = parseRoute(href);
    const page = route ? render(route) : null;
    if (!route || page === null) {
      root.render(null);
      return;
    }
    load(route.companyId);
    const services: OverlayServices = { backend, store, ticker, layer, announce, companyId: route.companyId, href };
    root.render(
      <OverlayContext.Provider value={services} key={href}>
        <BackgroundNotice />
        {page}
      </OverlayContext.Provider>,
    );
  };

  const stop = () => {
    if (disposed) return;
    disposed = true;
    clearTimeout(announceTimer);
    root.unmount();
    unsubscribe();
    ticker.dispose();
    removeAllHosts(doc);
  };

  lifecycle.onLocationChange(show);
  lifecycle.onInvalidated(stop);
  show(doc.location.href);
  return stop;
}
