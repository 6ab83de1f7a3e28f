import { checkNumberFieldDigits } from '../../domain/check-number-field';
import { recommendNextCheckNumber } from '../../domain/check-numbers';
import { erpLabel } from '../../domain/erp-label';
import type { CheckNumberRecommendation } from '../../messaging';
import type { ProcoreClient } from '../../procore/procore-client';
import { listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import { erpLastCheckNumber as lastOnBank } from '../../domain/erp-last-check-number';
import { learnedFundingAccounts } from '../learn/learned-funding-accounts';
import { storedCompanies } from '../poll/company-directory';

/**
 * The funding account's Next Check Number against the ERP's last check number on the same Bank
 * ID (utils/domain/erp-last-check-number.ts); the Bank IDs the ERP is known to take are those of
 * synced records and those the user named in the options.
 */
export async function checkNumberAdvice(engine: Engine, client: ProcoreClient, companyId: string, fundingAccountId: string): Promise<CheckNumberRecommendation> {
  const [accounts, company, watches, settings] = await Promise.all([
    learnedFundingAccounts(engine, client, companyId),
    storedCompanies(engine).then((all) => all.find((c) => c.id === companyId)),
    listWatches(engine.db, { companyId }),
    engine.settings(),
  ]);
  const account = accounts?.find((a) => a.id === fundingAccountId);
  if (!account?.nextCheckNumber) throw new Error('ERP Sync Watch has not read this funding account yet: open Payments Settings once.');
  const synced = watches.filter((w) => w.state === 'synced' && w.bankId);
  const erpLastCheckNumber = lastOnBank(account.bankId ?? null, watches, settings.erpLastCheckNumbers);
  const fieldDigits = checkNumberFieldDigits(company?.erp.connector);
  const advice = recommendNextCheckNumber({ erpLastCheckNumber, currentNextCheckNumber: account.nextCheckNumber, fieldDigits });
  return {
    erpLastCheckNumber,
    currentNextCheckNumber: account.nextCheckNumber,
    nextCheckNumber: advice.nextCheckNumber,
    headroom: advice.headroom ?? advice.nextCheckNumber,
    changeNeeded: advice.changeNeeded,
    noRoomInField: advice.noRoomInField,
    fieldDigits,
    erpName: erpLabel(company?.erp.connector, company?.erp.erp_name),
    erpBankIds: [...new Set([...synced.map((w) => w.bankId as string), ...settings.erpLastCheckNumbers.map((row) => row.bankId)])],
  };
}
