import { recommendNextCheckNumber } from '../domain/check-numbers';
import type { CheckNumberRecommendation } from '../messaging';
import type { ProcoreClient } from '../procore/procore-client';

/** The funding account's Next Check Number against the ERP's last check number on the same Bank ID. */
export async function checkNumberAdvice(client: ProcoreClient, companyId: string, fundingAccountId: string): Promise<CheckNumberRecommendation> {
  const [accounts, banks] = await Promise.all([client.fundingAccounts(companyId), client.erpBankAccounts(companyId)]);
  const account = accounts.find((a) => a.id === fundingAccountId);
  if (!account) throw new Error(`Procore has no funding account ${fundingAccountId} in this company.`);
  const erpLastCheckNumber = banks.find((b) => b.bank_id === account.bankId)?.last_check_number ?? null;
  const advice = recommendNextCheckNumber({ erpLastCheckNumber, currentNextCheckNumber: account.nextCheckNumber });
  return {
    erpLastCheckNumber,
    currentNextCheckNumber: account.nextCheckNumber,
    nextCheckNumber: advice.nextCheckNumber,
    // Where the ERP does not report its numbers, the room is counted from zero.
    headroom: advice.headroom ?? advice.nextCheckNumber,
    changeNeeded: advice.changeNeeded,
  };
}
