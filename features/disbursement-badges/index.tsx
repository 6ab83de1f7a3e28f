import { readDisbursementRows } from '../../utils/page/disbursements-grid';
import { defineFeature } from '../feature';
import { DisbursementsOverlay } from './DisbursementsOverlay';

/** Disbursements tab: a sync badge beside each row's Drawdown Status. */
export default defineFeature({
  id: 'disbursement-badges',
  include: (hint) => hint.tool === 'payments',
  reads: readDisbursementRows,
  draw: () => <DisbursementsOverlay />,
});
