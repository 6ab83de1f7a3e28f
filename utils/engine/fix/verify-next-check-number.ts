import type { ProcoreClient } from '../../procore/procore-client';
import { appendAudit } from '../../store/audit-log';
import type { Engine } from '../engine';
import { learnedFundingAccounts } from '../learn/learned-funding-accounts';

/**
 * After the user saved Edit Account Details in Payments Settings: reads the funding account
 * again and says whether Procore now holds the Next Check Number the advice asked for.
 */
export async function verifyNextCheckNumber(
  engine: Engine,
  client: ProcoreClient,
  companyId: string,
  fundingAccountId: string,
  expected: number,
): Promise<{ matches: boolean; nextCheckNumber: number | null }> {
  const accounts = await learnedFundingAccounts(engine, client, companyId);
  if (!accounts?.length) throw new Error('ERP Sync Watch cannot read funding accounts yet: open Payments Settings once.');
  const account = accounts.find((a) => a.id === fundingAccountId);
  if (!account) throw new Error(`Procore lists no funding account ${fundingAccountId} for this company.`);
  const nextCheckNumber = account.nextCheckNumber ?? null;
  const matches = nextCheckNumber === expected;
  if (matches) {
    await appendAudit(engine.db, [
      { at: engine.now(), payoutId: null, companyId, actor: 'user', action: 'next_check_number_set', before: null, after: null, why: `Funding account ${account.nickname}: Next Check Number ${expected} saved in Procore (verified by reading)` },
    ]);
  }
  return { matches, nextCheckNumber };
}
