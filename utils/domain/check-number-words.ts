import type { CheckNumberAdvice } from './check-numbers';

export interface CheckNumberAdviceFacts extends Pick<CheckNumberAdvice, 'nextCheckNumber' | 'changeNeeded' | 'noRoomInField'> {
  erpLastCheckNumber: number | null;
  currentNextCheckNumber: number;
  headroom: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "about 4 years", "about 8 months": how long `checks` last at `perMonth`. */
function lasts(checks: number, perMonth: number): string {
  const months = checks / perMonth;
  if (months >= 24) return `about ${Math.floor(months / 12)} years`;
  if (months >= 1) return `about ${Math.floor(months)} ${Math.floor(months) === 1 ? 'month' : 'months'}`;
  return 'less than a month';
}

/** The advice in one line: "ERP's last check is 100: start at 10000, room for 9,900 checks". */
export function checkNumberAdviceLine(advice: CheckNumberAdviceFacts): string {
  if (advice.erpLastCheckNumber === null) return "The ERP does not report its last check number: keep Next Check No. well above the ERP's own checks";
  const room = `room for ${count(advice.headroom)} checks`;
  if (advice.noRoomInField) return `ERP's last check is ${advice.erpLastCheckNumber}: no safe number fits the ERP's check-number field`;
  if (!advice.changeNeeded) return `ERP's last check is ${advice.erpLastCheckNumber}: ${advice.currentNextCheckNumber} is clear, ${room}`;
  return `ERP's last check is ${advice.erpLastCheckNumber}: start at ${advice.nextCheckNumber}, ${room}`;
}

/**
 * Why a change is recommended, in the accountant's terms: Procore's own rule of thumb, the room
 * the new number leaves before the ERP's checks reach it (and how long that lasts at the ERP's
 * pace, when known), and that it fits the ERP's check-number field. Null when no change is asked.
 */
export function checkNumberAdviceWhy(
  advice: CheckNumberAdviceFacts,
  context: { erpName: string; fieldDigits?: number | null; erpChecksPerMonth?: number | null },
): string | null {
  const { erpName } = context;
  if (advice.noRoomInField && context.fieldDigits) {
    return `${erpName}'s check-number field takes up to ${context.fieldDigits} digits, and no number that long leaves room above its last check (${advice.erpLastCheckNumber}). Ask your ${erpName} administrator how to number Procore Pay's checks.`;
  }
  if (!advice.changeNeeded || advice.erpLastCheckNumber === null) return null;
  const rule = `Procore's rule of thumb: if the ERP's latest check number is 100, start Procore Pay at 10000, so the ERP's own checks never reach Procore Pay's.`;
  const pace = context.erpChecksPerMonth && context.erpChecksPerMonth > 0 ? `, ${lasts(advice.headroom, context.erpChecksPerMonth)} at its pace of ${count(Math.round(context.erpChecksPerMonth))} checks a month` : '';
  const now =
    advice.currentNextCheckNumber <= advice.erpLastCheckNumber
      ? `Next Check No. ${advice.currentNextCheckNumber} is not above ${erpName}'s latest check, ${advice.erpLastCheckNumber}: its next checks collide.`
      : `Next Check No. ${advice.currentNextCheckNumber} leaves only ${count(advice.currentNextCheckNumber - advice.erpLastCheckNumber)} numbers above ${erpName}'s latest check, ${advice.erpLastCheckNumber}.`;
  const fits = context.fieldDigits ? ` It fits ${erpName}'s check-number field (up to ${context.fieldDigits} digits).` : '';
  return `${rule} ${now} Starting at ${advice.nextCheckNumber} leaves room for ${count(advice.headroom)} of ${erpName}'s checks${pace}.${fits}`;
}
