import type { ProcoreClient } from '../../procore/procore-client';
import { appendAudit } from '../../store/audit-log';
import type { Engine } from '../engine';
import { learnedFundingAccounts } from '../learn/learned-funding-accounts';

/**
 * A fix that used the funding account's Next Check Number (or a number past it) moves the
 * account's counter past that number, so Procore Pay never issues it again.
 */
export async function moveNextCheckNumberPast(
  engine: Engine,
  client: ProcoreClient,
  companyId: string,
  fundingAccountId: string,
  usedCheckNumber: number,
  by: 'user' | 'policy',
  signal?: AbortSignal,
): Promise<number | null> {
  const account = (await learnedFundingAccounts(engine, client, companyId, signal)).find((a) => a.id === fundingAccountId);
  if (!account?.nextCheckNumber || account.nextCheckNumber > usedCheckNumber) return null;
  const updated = await client.setNextCheckNumber(companyId, fundingAccountId, usedCheckNumber + 1, signal);
  await appendAudit(engine.db, [
    {
      at: engine.now(),
      payoutId: null,
      companyId,
      actor: by,
      action: 'next_check_number_moved',
      before: null,
      after: null,
      why: `Funding account ${account.nickname}: Next Check Number ${account.nextCheckNumber} → ${updated.nextCheckNumber} (check ${usedCheckNumber} was used by a fix)`,
    },
  ]);
  return updated.nextCheckNumber ?? null;
}
