import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Feature } from '../../features/feature';
import { pageFeatureName } from '../../utils/page-features';
import { pageHint } from '../../utils/page/routes';
import type { Backend } from '../../utils/overlay/backend';
import { adoptStyles, HOST_ATTRIBUTE, removeAllHosts } from '../../utils/overlay/row-host';
import { createTicker } from '../../utils/overlay/ticker';
import { WatchStore } from '../../utils/overlay/watch-store';
import { BackgroundNotice } from './BackgroundNotice';
import { FeatureReport } from './feature-report';
import { FeatureBoundary } from './FeatureBoundary';
import { routeFeatures } from './feature-router';
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
  /** The page features (features/registry.ts); each starts where its content shows. */
  features: readonly Feature[];
}

/**
 * One React root per page, in one shadow root: row overlays are portals from it. Each feature
 * the page shows runs in its own error boundary. Navigating inside Procore's single-page app
 * aborts the page's features (they unmount and remove their hosts) and routes again; an
 * extension reload or update removes everything.
 */
export function startOverlaySession({ doc, lifecycle, backend, features }: SessionOptions): () => void {
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
    store.expectSnapshot(companyId);
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

  // A feature that throws is logged and reported once per page load, with its name.
  const reported = new Set<string>();
  const fail = (feature: Feature, error: unknown) => {
    if (reported.has(feature.id)) return;
    reported.add(feature.id);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ERP Sync Watch: "${pageFeatureName(feature.id)}" stopped on this page: ${message}`, error);
    backend.send('feature.error', { featureId: feature.id, message: message.slice(0, 500) }).catch(() => undefined);
  };

  // A miss a feature repaired itself: said (console and Compatibility panel), the feature goes on.
  const warn = (feature: Feature, message: string) => {
    console.warn(`ERP Sync Watch: "${pageFeatureName(feature.id)}": ${message}`);
    backend.send('feature.error', { featureId: feature.id, message: message.slice(0, 500) }).catch(() => undefined);
  };

  let page: AbortController | null = null;

  const show = (href: string) => {
    if (disposed) return;
    page?.abort();
    page = new AbortController();
    const { signal } = page;
    root.render(null);
    const hint = pageHint(href);
    if (!hint) return;
    const started: { feature: Feature; node: ReactNode; report: (message: string) => void }[] = [];
    const services: OverlayServices = { backend, store, ticker, layer, announce, companyId: hint.companyId, href };
    const paint = () =>
      root.render(
        <OverlayContext.Provider value={services} key={href}>
          <BackgroundNotice />
          {started.map(({ feature, node, report }) => (
            <FeatureBoundary key={feature.id} onError={(error) => fail(feature, error)}>
              <FeatureReport.Provider value={report}>{node}</FeatureReport.Provider>
            </FeatureBoundary>
          ))}
        </OverlayContext.Provider>,
      );
    routeFeatures({
      doc,
      hint,
      features,
      signal,
      onError: fail,
      onRecognised: (feature) => {
        let node: ReactNode;
        try {
          node = feature.draw({ doc, hint, signal });
        } catch (error) {
          fail(feature, error);
          return;
        }
        load(hint.companyId);
        started.push({ feature, node, report: (message) => warn(feature, message) });
        paint();
      },
    });
  };

  const stop = () => {
    if (disposed) return;
    disposed = true;
    page?.abort();
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
