import { createPortal } from 'react-dom';
import { readDisbursementRows } from '../../utils/page/disbursements-grid';
import { DisbursementBadge } from '../../components/overlay/DisbursementBadge';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useDisbursementHints } from '../../components/overlay/use-hints';

/** Disbursements tab: a sync badge beside each row's Drawdown Status. */
export function DisbursementsOverlay() {
  const { records } = useGridRecords(readDisbursementRows, 'badge', 'The Disbursements table');
  useDisbursementHints(records.filter((r) => r.data.fundingComplete).map((r) => r.data.disbursementNumber));
  return <>{records.map((record) => createPortal(<DisbursementBadge row={record.data} />, record.host, record.key))}</>;
}
