import { checkNumberFieldDigits } from '../../domain/check-number-field';
import { recommendNextCheckNumber } from '../../domain/check-numbers';
import { erpLabel } from '../../domain/erp-label';
import type { CheckNumberRecommendation } from '../../messaging';
import type { ProcoreClient } from '../../procore/procore-client';

/** The funding account's Next Check Number against the ERP's last check number on the same Bank ID. */
export async function checkNumberAdvice(client: ProcoreClient, companyId: string, fundingAccountId: string): Promise<CheckNumberRecommendation> {
  const [accounts, banks, erp] = await Promise.all([
    client.fundingAccounts(companyId),
    client.erpBankAccounts(companyId),
    // Without the ERP's settings the advice still stands, with no field width to check.
    client.erpSettings(companyId).catch(() => null),
  ]);
  const account = accounts.find((a) => a.id === fundingAccountId);
  if (!account) throw new Error(`Procore has no funding account ${fundingAccountId} in this company.`);
  const erpLastCheckNumber = banks.find((b) => b.bank_id === account.bankId)?.last_check_number ?? null;
  const fieldDigits = checkNumberFieldDigits(erp?.connector);
  const advice = recommendNextCheckNumber({ erpLastCheckNumber, currentNextCheckNumber: account.nextCheckNumber, fieldDigits });
  return {
    erpLastCheckNumber,
    currentNextCheckNumber: account.nextCheckNumber,
    nextCheckNumber: advice.nextCheckNumber,
    // Where the ERP does not report its numbers, the room is counted from zero.
    headroom: advice.headroom ?? advice.nextCheckNumber,
    changeNeeded: advice.changeNeeded,
    noRoomInField: advice.noRoomInField,
    fieldDigits,
    erpName: erpLabel(erp?.connector, erp?.erp_name),
    erpBankIds: banks.filter((b) => b.active).map((b) => b.bank_id),
  };
}
