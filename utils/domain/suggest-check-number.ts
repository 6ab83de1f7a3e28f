import { recommendNextCheckNumber } from './check-numbers';

export interface CheckNumberSuggestion {
  checkNumber: number;
  /** The funding account's Next Check Number after the fix, so Procore Pay never issues `checkNumber` itself. */
  movesNextCheckNumberTo: number;
}

/**
 * The check number to re-export with after a DUPLICATE_CHECK_NUMBER failure, for one Bank ID:
 * above the ERP's last number, not one already seen used or failing, and not one Procore Pay
 * will issue itself unless the same fix moves Next Check Number past it.
 *
 * It is always taken from the start of Procore Pay's own range (and Next Check Number moves past
 * it): numbers below Next Check Number are Procore Pay's past checks, in the ERP or on their way,
 * and a gap between the ERP's last number and Procore Pay's range cannot be known to be free.
 * When Procore Pay's range itself collides with the ERP's numbers, the range moves first
 * (recommendNextCheckNumber), or the next payment fails the same way.
 */
export function suggestCheckNumber(input: {
  erpLastCheckNumber: number | null | undefined;
  /** The funding account's Next Check Number. */
  nextCheckNumber: number;
  /** Check numbers known to be taken on this Bank ID: failing as duplicates, or used by other payouts. */
  usedCheckNumbers?: readonly number[];
}): CheckNumberSuggestion {
  const erpLast = input.erpLastCheckNumber ?? 0;
  const start = recommendNextCheckNumber({
    erpLastCheckNumber: input.erpLastCheckNumber,
    currentNextCheckNumber: Math.max(1, input.nextCheckNumber),
  }).nextCheckNumber;
  const used = new Set(input.usedCheckNumbers ?? []);
  let checkNumber = Math.max(start, erpLast + 1);
  // Bounded by the size of `used`: each step skips one known number.
  while (used.has(checkNumber)) checkNumber += 1;
  return { checkNumber, movesNextCheckNumberTo: checkNumber + 1 };
}
