import type { SessionStore } from './auth/session-store';
import type { SimStore } from './store';
import type { SimUser } from './store-records';
import type { SimVariant } from './variant';
import type { Zone } from './vocabulary';

/** What the server hands the pages module for every request it does not answer itself. */
export interface PageContext {
  store: SimStore;
  /** The signed-in user of the `_procore_session` cookie, or null (send them to /login?return_to=). */
  user: SimUser | null;
  url: URL;
  /** The origin the request came to, and its zone. */
  origin: string;
  zone: Zone;
  zones: Record<Zone, string>;
  /** Sessions: the CSRF token a page carries, and the message the next page shows. */
  sessions: SessionStore;
  variant: SimVariant;
  erpTab: 'html' | 'grid';
}
