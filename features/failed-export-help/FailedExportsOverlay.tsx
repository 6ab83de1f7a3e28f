import { createPortal } from 'react-dom';
import { readFailedExportRows, type FailedExportData } from '../../utils/page/failed-exports-grid';
import { describeWatch } from '../../utils/overlay/watch-view';
import { FailedExportHelp } from './FailedExportHelp';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useDisbursementHints } from '../../components/overlay/use-hints';
import { useServerNow, useWatchStore } from '../../components/overlay/use-watches';

/** ERP Integrations, Failed to Export: the cause and the fix beside each failed payment record. */
export function FailedExportsOverlay() {
  const store = useWatchStore();
  const now = useServerNow();
  const watchOf = (row: FailedExportData) => store.forRecord(row.disbursementNumber, row.invoiceNumber);
  const { records } = useGridRecords(readFailedExportRows, 'fix', 'The Failed to Export table', undefined, {
    // FailedExportHelp draws every record it is given a view of.
    expects: (record) => {
      const watch = watchOf(record.data);
      return !!watch && describeWatch(watch, now) !== null;
    },
  });
  useDisbursementHints(records.map((r) => r.data.disbursementNumber));
  return (
    <>
      {records.map((record) => {
        const watch = watchOf(record.data);
        return watch ? createPortal(<FailedExportHelp watch={watch} row={record.data} />, record.host, record.key) : null;
      })}
    </>
  );
}
