import type { CheckNumberAdvice } from './check-numbers';
import type { Watch } from './watch';

const PROBLEM_STATES: ReadonlySet<Watch['state']> = new Set(['failed', 'escalate', 'overdue', 're_exporting']);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What is known to be wrong with one funding account, in words, beyond its Next Check Number:
 * the ERP does not list its Bank ID, or its payments are failing for a wrong Bank ID or a check
 * number the ERP already used. Empty: nothing known is wrong.
 */
export function fundingAccountProblems(input: {
  bankId: string;
  erpName: string;
  /** The ERP's active bank ids, when it lists them. */
  erpBankIds?: readonly string[] | null;
  /** The watches of payments made from this account. */
  watches: readonly Pick<Watch, 'state' | 'diagnosis'>[];
}): string[] {
  const { bankId, erpName } = input;
  const failing = input.watches.filter((w) => PROBLEM_STATES.has(w.state) && w.diagnosis);
  const wrongBank = failing.filter((w) => w.diagnosis!.cause === 'INVALID_BANK_ID');
  const duplicates = failing.filter((w) => w.diagnosis!.cause === 'DUPLICATE_CHECK_NUMBER');
  const problems: string[] = [];
  const meant = wrongBank.map((w) => w.diagnosis!.suggested?.bankId).find(Boolean);
  const correct = meant ? `; its Bank ID is probably ${meant}: correct it in Edit Account Details` : '; correct it in Edit Account Details';
  if (wrongBank.length > 0) {
    problems.push(`${plural(wrongBank.length, 'payment', 'payments')} from this account failed: ${erpName} does not take Bank ID ${bankId}${correct}`);
  } else if (input.erpBankIds && input.erpBankIds.length > 0 && !input.erpBankIds.includes(bankId)) {
    problems.push(`${erpName} has no active bank account with Bank ID ${bankId}: payments from this account will fail to export`);
  }
  if (duplicates.length > 0) {
    problems.push(`${plural(duplicates.length, 'payment', 'payments')} from this account failed with a check number ${erpName} already used`);
  }
  return problems;
}

/** "Clear" means nothing known is wrong: the number is safe and nothing else is. */
export function fundingAccountClear(advice: Pick<CheckNumberAdvice, 'changeNeeded' | 'noRoomInField'>, problems: readonly string[]): boolean {
  return !advice.changeNeeded && !advice.noRoomInField && problems.length === 0;
}
