import { recommendNextCheckNumber } from '../domain/check-numbers';
import type { CheckNumberRecommendation } from '../messaging';
import type { ProcoreClient } from '../procore/procore-client';
import type { Engine } from './engine';
import { learnedFundingAccounts } from './learn/learned-funding-accounts';

/**
 * The funding account's Next Check Number against the ERP's last check number on the same Bank
 * ID. No public read gives the ERP's last number (PROCORE-CONTRACT.md): until one does, the room
 * is counted from zero.
 */
export async function checkNumberAdvice(engine: Engine, client: ProcoreClient, companyId: string, fundingAccountId: string): Promise<CheckNumberRecommendation> {
  const account = (await learnedFundingAccounts(engine, client, companyId)).find((a) => a.id === fundingAccountId);
  if (!account?.nextCheckNumber) throw new Error('ERP Sync Watch has not read this funding account yet: open Payments Settings once.');
  const erpLastCheckNumber = null;
  const advice = recommendNextCheckNumber({ erpLastCheckNumber, currentNextCheckNumber: account.nextCheckNumber });
  return {
    erpLastCheckNumber,
    currentNextCheckNumber: account.nextCheckNumber,
    nextCheckNumber: advice.nextCheckNumber,
    headroom: advice.headroom ?? advice.nextCheckNumber,
    changeNeeded: advice.changeNeeded,
  };
}
