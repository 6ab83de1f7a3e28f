import { FundingAccountSchema, type FundingAccount } from '../../domain/schemas/funding-account';
import type { ProcoreClient } from '../../procore/procore-client';
import type { Engine } from '../engine';
import { learnedEndpoints, replayLearned } from './learned-endpoints';

/** The company's funding accounts through the GET learned from Procore's Payments pages; null until it is learned. */
export async function learnedFundingAccounts(engine: Engine, client: ProcoreClient, companyId: string, signal?: AbortSignal): Promise<FundingAccount[] | null> {
  const endpoint = (await learnedEndpoints(engine)).funding_accounts;
  if (!endpoint) return null;
  const records = (await replayLearned(engine, client, endpoint, companyId, undefined, signal)) ?? [];
  return records.flatMap((r) => {
    const parsed = FundingAccountSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}
