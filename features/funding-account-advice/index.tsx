import { readFundingAccountRows } from '../../utils/page/funding-accounts-grid';
import { defineFeature } from '../feature';
import { FundingAccountsOverlay } from './FundingAccountsOverlay';

/** Payments Settings, Funding Accounts: the check number advice beside each Next Check No. */
export default defineFeature({
  id: 'funding-account-advice',
  include: (hint) => hint.tool === 'payments',
  reads: readFundingAccountRows,
  draw: () => <FundingAccountsOverlay />,
});
