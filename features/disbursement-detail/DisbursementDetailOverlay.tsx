import { createPortal } from 'react-dom';
import { readPayoutRows } from '../../utils/page/payments-card-grid';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useWatchStore } from '../../components/overlay/use-watches';
import { PayoutStatus } from './PayoutStatus';

// A payout's state leads its narrow Payment Status cell.
const first = () => 'prepend' as const;

/** An authorized "Disbursement #" page: each payout's sync state in its Payments card. */
export function DisbursementDetailOverlay({ disbursementId }: { disbursementId: string }) {
  const store = useWatchStore();
  const { records } = useGridRecords(readPayoutRows, 'detail', "The disbursement's Payments card", first);
  const watches = store.forDisbursementId(disbursementId);
  return (
    <>
      {records.map((record) => {
        const watch = watches.find((w) => w.invoiceNumber === record.data.invoiceNumber);
        return watch ? createPortal(<PayoutStatus watch={watch} />, record.host, record.key) : null;
      })}
    </>
  );
}
