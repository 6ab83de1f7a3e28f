import { readPayoutRows } from '../../utils/page/payments-card-grid';
import { defineFeature } from '../feature';
import { DisbursementDetailOverlay } from './DisbursementDetailOverlay';

/**
 * An authorized "Disbursement #" page: each payout's sync state. The Subcontractor Invoices tab
 * has the same two columns (Invoice No., Payment Status), so only a URL naming a disbursement may
 * show it; the watches are looked up by that disbursement's id.
 */
export default defineFeature({
  id: 'disbursement-detail',
  include: (hint) => hint.tool === 'payments' && hint.disbursementId !== null,
  reads: readPayoutRows,
  draw: ({ hint }) => <DisbursementDetailOverlay disbursementId={hint.disbursementId!} />,
});
