import type { ReactNode } from 'react';
import type { PageRoute } from '../../utils/page/routes';
import { DisbursementDetailOverlay } from './DisbursementDetailOverlay';
import { DisbursementsOverlay } from './DisbursementsOverlay';
import { FundingAccountsOverlay } from './FundingAccountsOverlay';
import { InvoicesOverlay } from './InvoicesOverlay';

/** The Payments tool's pages and their overlays. */
export function paymentsOverlay(route: PageRoute): ReactNode | null {
  switch (route.kind) {
    case 'disbursements':
      return <DisbursementsOverlay />;
    case 'disbursement':
      return <DisbursementDetailOverlay disbursementId={route.disbursementId} />;
    case 'invoices':
      return <InvoicesOverlay />;
    case 'funding_accounts':
      return <FundingAccountsOverlay />;
    default:
      return null;
  }
}
