import type { ReactNode } from 'react';
import type { PageRoute } from '../../utils/page/routes';
import { FailedExportsOverlay } from './FailedExportsOverlay';

/** The ERP Integrations tool's pages and their overlays: only Failed to Export needs one. */
export function erpOverlay(route: PageRoute): ReactNode | null {
  return route.kind === 'erp_payments' && route.view === 'failed_to_export' ? <FailedExportsOverlay /> : null;
}
