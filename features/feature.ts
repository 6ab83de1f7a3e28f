import type { ReactNode } from 'react';
import type { PageFeatureId } from '../utils/page-features';
import type { PageHint } from '../utils/page/routes';

/** A page on which a feature's content was found. */
export interface FeaturePage {
  doc: Document;
  hint: PageHint;
  /** Aborted when the user leaves the page (also inside Procore's single-page app) or the extension reloads. */
  signal: AbortSignal;
}

/**
 * One enhancement of one kind of Procore page, declared the way refined-github declares its
 * features: the URL only hints (`include`), the page's content decides (`reads` finds its
 * table), and `draw` starts it. Each runs inside its own error boundary (components/overlay).
 */
export interface Feature {
  id: PageFeatureId;
  /** The URL hint: may a page under this tool (and record) show the feature at all? */
  include: (hint: PageHint) => boolean;
  /** What it reads: the pure page reader (utils/page). The page is the feature's once it finds its table. */
  reads: (doc: Document, hint: PageHint) => { ok: boolean };
  /** What it draws, started once per page it was recognised on: portals from the page's one overlay root. */
  draw: (page: FeaturePage) => ReactNode;
}

/** Typed identity: a feature module's default export. */
export const defineFeature = (feature: Feature): Feature => feature;
