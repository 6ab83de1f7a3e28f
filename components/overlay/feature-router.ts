import type { Feature } from '../../features/feature';
import type { PageHint } from '../../utils/page/routes';
import { isOverlayNode } from '../../utils/overlay/row-host';

/** Quiet time after the page changed before it is looked at again (its tables render late). */
const RECHECK_MS = 150;

export interface FeatureRouting {
  doc: Document;
  hint: PageHint;
  features: readonly Feature[];
  /** Aborted on navigation: the router stops looking. */
  signal: AbortSignal;
  onRecognised: (feature: Feature) => void;
  /** A feature's predicate or reader threw; it is not looked at again on this page. */
  onError: (feature: Feature, error: unknown) => void;
}

/**
 * Starts each feature whose URL hint fits once the page shows its content: now, or when a
 * single-page app renders it later. One observer, of added and removed elements only, until
 * every candidate has started or the page is left.
 */
export function routeFeatures({ doc, hint, features, signal, onRecognised, onError }: FeatureRouting): void {
  const view = doc.defaultView!;
  // null: the feature threw (reported); it is not looked at again on this page.
  const attempt = (feature: Feature, test: () => boolean): boolean | null => {
    try {
      return test();
    } catch (error) {
      onError(feature, error);
      return null;
    }
  };
  let waiting = features.filter((feature) => attempt(feature, () => feature.include(hint)) === true);
  let timer: number | null = null;

  const check = () => {
    timer = null;
    if (signal.aborted) return;
    waiting = waiting.filter((feature) => {
      const shown = attempt(feature, () => feature.reads(doc, hint).ok);
      if (shown) onRecognised(feature);
      return shown === false;
    });
    if (waiting.length === 0) stop();
  };

  const observer = new view.MutationObserver((records) => {
    if (timer === null && !records.every(isIrrelevant)) timer = view.setTimeout(check, RECHECK_MS);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== null) view.clearTimeout(timer);
  };
  if (waiting.length === 0) return;
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', stop, { once: true });
  check();
}

/** Our own drawing, and rows a grid renders while it scrolls: a table appears or goes with its header. */
function isIrrelevant(record: MutationRecord): boolean {
  if (isOverlayNode(record.target)) return true;
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  return !!target?.closest('.ag-body-viewport, .ag-body, .ag-floating-top, .ag-floating-bottom');
}
