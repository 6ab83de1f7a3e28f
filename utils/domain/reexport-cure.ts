import type { Diagnosis } from './cause';
import type { WatchState } from './watch';

/**
 * What a corrective export can do for one payment record: the one rule the popup and the
 * overlays both follow, so neither offers an export the other would refuse.
 * - `none`: no export cures it (a partial payment the ERP refuses, tax or markup, an invoice
 *   paid before it was synced): the record gets what to do instead.
 * - `unchanged-only`: the cause is unknown, so no fix is known and nothing is offered as one;
 *   exporting it again unchanged (Procore's own Export) is the only thing left to try, since a
 *   passing fault clears that way. Both the popup and the overlay say so, and only for this.
 * - `as-is`: the same values can go through once the outside cause is gone (a connector that did
 *   not answer, a vendor synced since, a period reopened).
 * - `change`: the ERP refused one value; an export helps only with that value changed, so an
 *   unchanged "Export again" is never offered.
 */
export type ReexportCure = { kind: 'none' } | { kind: 'unchanged-only' } | { kind: 'as-is' } | { kind: 'change'; field: 'checkNumber' | 'bankId' };

const NEEDS_CHANGE: Partial<Record<Diagnosis['cause'], 'checkNumber' | 'bankId'>> = {
  DUPLICATE_CHECK_NUMBER: 'checkNumber',
  INVALID_BANK_ID: 'bankId',
};

/** Only a failure with a cause a re-export can cure gets an export action; an unknown one gets the hint. */
export function reexportCure(state: WatchState, diagnosis: Pick<Diagnosis, 'cause' | 'retryable'> | null | undefined): ReexportCure {
  if ((state !== 'failed' && state !== 'overdue') || !diagnosis) return { kind: 'none' };
  if (diagnosis.cause === 'UNKNOWN') return { kind: 'unchanged-only' };
  if (!diagnosis.retryable) return { kind: 'none' };
  const field = NEEDS_CHANGE[diagnosis.cause];
  return field ? { kind: 'change', field } : { kind: 'as-is' };
}

/** Whether the cure is a known fix, one the extension offers an export action for. */
export const hasKnownFix = (cure: ReexportCure): boolean => cure.kind === 'as-is' || cure.kind === 'change';

/** Whether an export with these values can cure it: a refused value must have been changed. */
export function exportCanCure(cure: ReexportCure, changed: { checkNumber: boolean; bankId: boolean }): boolean {
  switch (cure.kind) {
    case 'none':
      return false;
    case 'unchanged-only':
      return !changed.checkNumber && !changed.bankId;
    case 'as-is':
      return true;
    case 'change':
      return changed[cure.field];
  }
}
