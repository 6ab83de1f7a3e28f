import { createPortal } from 'react-dom';
import { readPayoutRows } from '../../utils/page/payments-card-grid';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { usePageHints } from '../../components/overlay/use-hints';
import { useWatchStore } from '../../components/overlay/use-watches';
import { PayoutStatus } from './PayoutStatus';

// A payout's state leads its narrow Payment Status cell.
const first = () => 'prepend' as const;

/** An authorized "Disbursement #" page: each payout's sync state in its Payments card. */
export function DisbursementDetailOverlay({ disbursementId }: { disbursementId: string }) {
  const store = useWatchStore();
  const watches = store.forDisbursementId(disbursementId);
  // A dismissed record's PayoutStatus draws nothing.
  const watchOf = (invoiceNumber: string) => watches.find((w) => w.invoiceNumber === invoiceNumber && w.state !== 'dismissed');
  const { records } = useGridRecords(readPayoutRows, 'detail', "The disbursement's Payments card", first, {
    expects: (record) => !!watchOf(record.data.invoiceNumber),
  });
  // The page shows this disbursement: a record of it past its window has its result read now.
  usePageHints({ disbursementNumbers: [...new Set(watches.map((w) => w.disbursementNumber))] });
  return (
    <>
      {records.map((record) => {
        const watch = watchOf(record.data.invoiceNumber);
        return watch ? createPortal(<PayoutStatus watch={watch} />, record.host, record.key) : null;
      })}
    </>
  );
}
