import { createPortal } from 'react-dom';
import { readFundingAccountRows } from '../../utils/page/funding-accounts-grid';
import { CheckNumberAdvice } from './CheckNumberAdvice';
import { useGridRecords } from '../../components/overlay/use-grid-records';

// After Procore's Next Check No., never before it: the advice takes only the room the number leaves.
const after = () => 'append' as const;

/** Payments Settings, funding accounts: the check number advice beside each Next Check No. */
export function FundingAccountsOverlay() {
  const { records } = useGridRecords(readFundingAccountRows, 'advice', 'The funding accounts table', after);
  return <>{records.map((record) => createPortal(<CheckNumberAdvice row={record.data} />, record.host, record.key))}</>;
}
