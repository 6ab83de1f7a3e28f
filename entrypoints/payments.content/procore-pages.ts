import type { ReactNode } from 'react';
import type { PageRoute } from '../../utils/page/routes';
import { erpOverlay } from '../erp-integrations.content/erp-overlay';
import { paymentsOverlay } from './payments-overlay';

/**
 * Every enhanced page, whichever tool the script was injected into: Procore moves between the
 * Payments and ERP Integrations tools inside its single-page app, and a content script is only
 * injected on a full page load.
 */
export function procorePages(route: PageRoute): ReactNode | null {
  return paymentsOverlay(route) ?? erpOverlay(route);
}
