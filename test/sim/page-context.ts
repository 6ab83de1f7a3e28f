import type { SimStore } from './store';
import type { SimUser } from './store-records';

/** What the server hands the pages module for every request it does not answer itself. */
export interface PageContext {
  store: SimStore;
  /** The signed-in user of the `_procore_session` cookie, or null (send them to /login?return_to=). */
  user: SimUser | null;
  url: URL;
  origin: string;
}
