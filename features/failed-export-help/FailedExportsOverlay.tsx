import { createPortal } from 'react-dom';
import { readFailedExportRows } from '../../utils/page/failed-exports-grid';
import { FailedExportHelp } from './FailedExportHelp';
import { useGridRecords } from '../../components/overlay/use-grid-records';
import { useDisbursementHints } from '../../components/overlay/use-hints';
import { useWatchStore } from '../../components/overlay/use-watches';

/** ERP Integrations, Failed to Export: the cause and the fix beside each failed payment record. */
export function FailedExportsOverlay() {
  const store = useWatchStore();
  const { records } = useGridRecords(readFailedExportRows, 'fix', 'The Failed to Export table');
  useDisbursementHints(records.map((r) => r.data.disbursementNumber));
  return (
    <>
      {records.map((record) => {
        const watch = store.forRecord(record.data.disbursementNumber, record.data.invoiceNumber);
        return watch ? createPortal(<FailedExportHelp watch={watch} row={record.data} />, record.host, record.key) : null;
      })}
    </>
  );
}
