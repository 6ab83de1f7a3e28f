/**
 * Room Procore Pay's check numbers need above the ERP's own before they collide: below this many
 * numbers, a busy ERP (a few hundred checks a month) catches up within months.
 */
export const MIN_HEADROOM = 1000;

export interface CheckNumberAdvice {
  /** The Next Check Number to use: the current one when it is already safe. */
  nextCheckNumber: number;
  /** Check numbers between the ERP's highest and `nextCheckNumber`; null when the ERP does not report its last number. */
  headroom: number | null;
  /**
   * The current Next Check Number is at or below the ERP's last number, or less than
   * MIN_HEADROOM above it (less than the guidance's own room, for an ERP below 1000 checks).
   */
  changeNeeded: boolean;
}

/**
 * The funding account's Next Check Number, as Procore's guidance puts it: the next power of ten
 * above the ERP's highest number, with one more digit (ERP at 100 → 10000, room for 9900 checks;
 * ERP at 1187 → 100000). Never lower than the current Next Check Number.
 */
export function recommendNextCheckNumber(input: {
  erpLastCheckNumber: number | null | undefined;
  currentNextCheckNumber: number;
}): CheckNumberAdvice {
  const { erpLastCheckNumber: erpLast, currentNextCheckNumber: current } = input;
  if (erpLast === null || erpLast === undefined || !Number.isSafeInteger(erpLast) || erpLast <= 0) {
    // Nothing issued in the ERP (or nothing reported): nothing to collide with that is known.
    return { nextCheckNumber: current, headroom: erpLast === 0 ? current : null, changeNeeded: false };
  }
  const guided = 10 ** (String(erpLast).length + 1);
  const target = Number.isSafeInteger(guided) ? guided : erpLast + MIN_HEADROOM;
  // A small ERP (last check 7 → 100) gets the guidance's own room, not more.
  const floor = Math.min(MIN_HEADROOM, target - erpLast);
  const changeNeeded = current <= erpLast || current - erpLast < floor;
  const nextCheckNumber = changeNeeded ? Math.max(target, current) : current;
  return { nextCheckNumber, headroom: nextCheckNumber - erpLast, changeNeeded };
}
