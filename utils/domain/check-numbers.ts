/**
 * Room Procore Pay's check numbers need above the ERP's own before they collide: below this many
 * numbers, a busy ERP (a few hundred checks a month) catches up within months.
 */
export const MIN_HEADROOM = 1000;

/**
 * Procore's rule of thumb: "if the most recent check number in use in your ERP system is 100,
 * start your Procore Pay check numbering sequence at 10000": room for 9,900 of the ERP's checks.
 */
export const GUIDE_ROOM = 9900;

/** Recommendations are round numbers an accountant can type and remember. */
const ROUND_TO = 1000;

export interface CheckNumberAdvice {
  /** The Next Check Number to use: the current one when it is already safe, or when no number fits. */
  nextCheckNumber: number;
  /** Check numbers between the ERP's highest and `nextCheckNumber`; null when the ERP does not report its last number. */
  headroom: number | null;
  /**
   * The current Next Check Number is at or below the ERP's last number, or less than
   * MIN_HEADROOM above it; and a number that fits the ERP's check-number field exists.
   */
  changeNeeded: boolean;
  /**
   * The current number is unsafe, but no number with room fits the ERP's check-number field
   * (`fieldDigits`): nothing is offered, and the words say why.
   */
  noRoomInField: boolean;
}

const digits = (n: number) => String(n).length;
const roundUp = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * The funding account's Next Check Number, as Procore's guidance puts it: Procore Pay's range
 * starts the guidance's room (9,900 checks) above the ERP's highest number, rounded up to a
 * thousand (ERP at 100 → 10000; ERP at 10033 → 20000, not a million); never lower than the
 * current Next Check Number; and only a number that fits the ERP's check-number field.
 */
export function recommendNextCheckNumber(input: {
  erpLastCheckNumber: number | null | undefined;
  currentNextCheckNumber: number;
  /** How many digits the ERP's check-number field takes, when known. */
  fieldDigits?: number | null;
}): CheckNumberAdvice {
  const { erpLastCheckNumber: erpLast, currentNextCheckNumber: current } = input;
  if (erpLast === null || erpLast === undefined || !Number.isSafeInteger(erpLast) || erpLast <= 0) {
    // Nothing issued in the ERP (or nothing reported): nothing to collide with that is known.
    return { nextCheckNumber: current, headroom: erpLast === 0 ? current : null, changeNeeded: false, noRoomInField: false };
  }
  if (current > erpLast && current - erpLast >= MIN_HEADROOM) {
    return { nextCheckNumber: current, headroom: current - erpLast, changeNeeded: false, noRoomInField: false };
  }
  const fits = (n: number) => Number.isSafeInteger(n) && (input.fieldDigits == null || digits(n) <= input.fieldDigits);
  // The guidance's room first; in a narrow field, the least room that is still safe.
  const candidates = [roundUp(erpLast + GUIDE_ROOM, ROUND_TO), roundUp(erpLast + MIN_HEADROOM, 100)].map((n) => Math.max(n, current));
  const next = candidates.find(fits);
  if (next === undefined) return { nextCheckNumber: current, headroom: Math.max(0, current - erpLast), changeNeeded: false, noRoomInField: true };
  return { nextCheckNumber: next, headroom: next - erpLast, changeNeeded: next !== current, noRoomInField: false };
}
