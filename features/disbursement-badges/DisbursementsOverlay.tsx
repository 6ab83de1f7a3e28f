import { createPortal } from 'react-dom';
import { readDisbursementRows } from '../../utils/page/disbursements-grid';
import { DisbursementBadge } from './DisbursementBadge';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useDisbursementHints } from '../../components/overlay/use-hints';

// Drawdown Status cells are narrow: the badge goes first so the status text is what gets clipped.
const first = () => 'prepend' as const;

/** Disbursements tab: a sync badge beside each row's Drawdown Status. */
export function DisbursementsOverlay() {
  const { records } = useGridRecords(readDisbursementRows, 'badge', 'The Disbursements table', first);
  const checked = useDisbursementHints(records.filter((r) => r.data.fundingComplete).map((r) => r.data.disbursementNumber));
  return (
    <>
      {records.map((record) =>
        createPortal(<DisbursementBadge row={record.data} checked={checked.has(record.data.disbursementNumber)} />, record.host, record.key),
      )}
    </>
  );
}
