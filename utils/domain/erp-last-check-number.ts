import { sameBankId } from './bank-id';
import type { Settings } from './settings';
import type { Watch } from './watch';

/**
 * The ERP's last check number on a Bank ID, as far as the extension can know it (no public read
 * gives it, PROCORE-CONTRACT.md "The ERP's check numbers"): the higher of the number the user
 * entered in the options and the highest check number of the company's records the ERP took on
 * that Bank ID. Null when neither says anything.
 */
export function erpLastCheckNumber(bankId: string | null, watches: readonly Watch[], entered: Settings['erpLastCheckNumbers']): number | null {
  if (!bankId) return null;
  const known = watches.filter((w) => w.state === 'synced' && sameBankId(w.bankId, bankId) && w.checkNumber !== null).map((w) => w.checkNumber as number);
  const typed = entered.find((row) => sameBankId(row.bankId, bankId))?.lastCheckNumber;
  if (typed !== undefined && Number.isInteger(typed)) known.push(typed);
  return known.length ? Math.max(...known) : null;
}
