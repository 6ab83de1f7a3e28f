import type { Diagnosis } from './cause';
import { classifyExportFailure, type ClassifyInput } from './classify';
import { erpLabel } from './erp-label';
import { withSuggestedBankId } from './suggest-bank-id';
import type { Watch, WatchRequest } from './watch';

/** Facts the background may add to what the watch itself knows (ERP accounts, overrides…). */
export type ExtraFacts = Omit<ClassifyInput, 'messages' | 'connector' | 'erpName' | 'stale' | 'payout'> & {
  /** Bank IDs the ERP accepted on this company's synced records. */
  syncedBankIds?: readonly string[];
};

/** Classifies a watch's failed or stale request with what the watch knows, plus any extra facts. */
export function classifyWatchFailure(watch: Watch, request: WatchRequest, extra: ExtraFacts): Diagnosis {
  const { syncedBankIds = [], ...facts } = extra;
  const diagnosis = classifyExportFailure({
    messages: request.messages,
    connector: watch.connector,
    erpName: watch.erpName,
    stale: request.status === 'stale',
    payout: {
      partialPayment: watch.partialPayment,
      hasTaxOrMarkup: watch.hasTaxOrMarkup,
      checkNumber: watch.checkNumber,
      bankId: watch.bankId,
    },
    ...facts,
  });
  const known = [...(facts.erpBankAccounts ?? []).filter((a) => a.active).map((a) => a.bank_id), ...syncedBankIds];
  return withSuggestedBankId(diagnosis, watch.bankId, known, erpLabel(watch.connector, watch.erpName));
}
