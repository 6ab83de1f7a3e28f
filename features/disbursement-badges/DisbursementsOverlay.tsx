import { createPortal } from 'react-dom';
import { readDisbursementRows } from '../../utils/page/disbursements-grid';
import { DisbursementBadge } from './DisbursementBadge';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { usePageHints } from '../../components/overlay/use-hints';

// After Procore's status, never before it: the badge takes only the room the status leaves.
const after = () => 'append' as const;

/** Disbursements tab: a sync badge beside each row's Drawdown Status. */
export function DisbursementsOverlay() {
  const { records } = useGridRecords(readDisbursementRows, 'badge', 'The Disbursements table', after);
  const looking = usePageHints({ disbursementNumbers: records.filter((r) => r.data.fundingComplete).map((r) => r.data.disbursementNumber), funded: true });
  return (
    <>
      {records.map((record) =>
        createPortal(<DisbursementBadge row={record.data} looking={looking.has(record.data.disbursementNumber)} />, record.host, record.key),
      )}
    </>
  );
}
