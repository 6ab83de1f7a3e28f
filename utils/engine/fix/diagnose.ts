import type { Diagnosis } from '../../domain/cause';
import { classifyWatchFailure } from '../../domain/classify-watch';
import type { FundingAccount } from '../../domain/schemas/funding-account';
import type { Watch, WatchRequest } from '../../domain/watch';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import { listWatches } from '../../store/watch-store';
import { storedCompanies } from '../poll/company-directory';
import type { Engine } from '../engine';
import { learnedFundingAccounts } from '../learn/learned-funding-accounts';

interface CompanyFacts {
  accounts: FundingAccount[];
}

// Read once per company per client (one cycle or one fix), and only when something failed.
const factsByClient = new WeakMap<ProcoreClient, Map<string, Promise<CompanyFacts | null>>>();

const WITHOUT_ACCOUNT_WORDS = "ERP Sync Watch suggests a number once it has read this funding account's Next Check Number (it tries again at each check).";

/** null: the funding accounts cannot be read now (not learned yet, or the read failed). */
function companyFacts(engine: Engine, client: ProcoreClient, companyId: string, signal?: AbortSignal): Promise<CompanyFacts | null> {
  let perCompany = factsByClient.get(client);
  if (!perCompany) factsByClient.set(client, (perCompany = new Map()));
  let facts = perCompany.get(companyId);
  if (!facts) {
    // No public read lists the ERP's bank accounts (PROCORE-CONTRACT.md): only funding accounts, once learned.
    facts = learnedFundingAccounts(engine, client, companyId, signal).then(
      (accounts) => (accounts ? { accounts } : null),
      (error: unknown) => {
        // A cycle being cut stores no diagnosis at all rather than one made without its facts.
        if (signal?.aborted || (error instanceof ProcoreError && error.kind === 'aborted')) throw error;
        // Otherwise the ERP's words still explain the failure.
        return null;
      },
    );
    perCompany.set(companyId, facts);
  }
  return facts;
}

/** The cause of a failed export, from the ERP's messages and every fact the engine can read. */
export async function diagnose(engine: Engine, client: ProcoreClient, watch: Watch, request: WatchRequest, signal?: AbortSignal): Promise<Diagnosis> {
  const [words, facts, settings, company, siblings] = await Promise.all([
    engine.failureWords(),
    companyFacts(engine, client, watch.companyId, signal),
    engine.settings(),
    storedCompanies(engine).then((all) => all.find((c) => c.id === watch.companyId)),
    listWatches(engine.db, { companyId: watch.companyId }),
  ]);
  const account = facts?.accounts.find((a) => a.id === watch.fundingAccountId);
  const usedCheckNumbers = siblings
    .filter((w) => w.payoutId !== watch.payoutId && w.bankId === watch.bankId && w.checkNumber !== null)
    .map((w) => w.checkNumber as number);
  // No public read lists the ERP's bank accounts: the Bank IDs of synced records are ones it took,
  // and those the user named in the options (the ERP's check numbers per Bank ID) are its own.
  const syncedBankIds = [
    ...siblings.filter((w) => w.state === 'synced' && w.bankId).map((w) => w.bankId as string),
    ...settings.erpLastCheckNumbers.map((row) => row.bankId),
  ];
  const diagnosis = classifyWatchFailure(watch, request, {
    words,
    syncedBankIds,
    supportsPartialPayments: settings.partialPaymentOverrides[watch.companyId] ?? company?.erp.supports_partial_payments,
    nextCheckNumber: account?.nextCheckNumber ?? undefined,
    usedCheckNumbers: watch.checkNumber !== null ? [...usedCheckNumbers, watch.checkNumber] : usedCheckNumbers,
  });
  // The suggested check number needs the funding account: marked, so the poll makes it again
  // once the account can be read, instead of the record staying without a Fill in & Export.
  if (facts !== null || diagnosis.cause !== 'DUPLICATE_CHECK_NUMBER') return diagnosis;
  return { ...diagnosis, fix: `${diagnosis.fix ?? ''} ${WITHOUT_ACCOUNT_WORDS}`.trim(), withoutFundingAccount: true };
}
