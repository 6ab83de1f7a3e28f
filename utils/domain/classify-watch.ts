import type { Diagnosis } from './cause';
import { classifyExportFailure, type ClassifyInput } from './classify';
import type { Watch, WatchRequest } from './watch';

/** Facts the background may add to what the watch itself knows (ERP accounts, overrides…). */
export type ExtraFacts = Omit<ClassifyInput, 'messages' | 'connector' | 'erpName' | 'stale' | 'payout'>;

/** Classifies a watch's failed or stale request with what the watch knows, plus any extra facts. */
export function classifyWatchFailure(watch: Watch, request: WatchRequest, extra: ExtraFacts = {}): Diagnosis {
  return classifyExportFailure({
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
    ...extra,
  });
}
