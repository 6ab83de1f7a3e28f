import type { PageRoute } from '../page-route';

/** What every page view gets from the app shell. */
export interface ViewContext<R extends PageRoute = PageRoute> {
  route: R;
  /** The element the view draws into (emptied for each view). */
  main: HTMLElement;
  /** Client-side navigation (history.pushState), as Procore's single-page tools do. */
  navigate(path: string): void;
  /** A polite announcement for screen readers (and a visible toast). */
  announce(text: string, tone?: 'success' | 'error'): void;
  /** Aborted when the user navigates away: views stop timers and requests. */
  signal: AbortSignal;
}

/** A page view: draws itself, returns nothing; cleans up when `signal` aborts. */
export type View<R extends PageRoute = PageRoute> = (context: ViewContext<R>) => Promise<void>;
