import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import { readFundingAccountRows } from '../../utils/page/funding-accounts-grid';
import { CheckNumberAdvice } from './CheckNumberAdvice';
import { useGridRecords } from '../../components/overlay/use-grid-records';

// After Procore's Next Check No., never before it: the advice takes only the room the number leaves.
const after = () => 'append' as const;

/** Payments Settings, funding accounts: the check number advice beside each Next Check No. */
export function FundingAccountsOverlay() {
  const { records } = useGridRecords(readFundingAccountRows, 'advice', 'The funding accounts table', after);
  // The row as the page shows it when Apply is pressed (the grid may have drawn it again).
  const partsOf = useCallback((key: string) => {
    const read = readFundingAccountRows(document);
    return read.ok ? (read.records.find((r) => r.key === key)?.parts ?? []) : [];
  }, []);
  return <>{records.map((record) => createPortal(<CheckNumberAdvice row={record.data} readParts={() => partsOf(record.key)} />, record.host, record.key))}</>;
}
