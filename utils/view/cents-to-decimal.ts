/** Integer cents as a plain decimal for spreadsheets: 123456 → "1234.56". */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) return '';
  const digits = (cents < 0 ? -BigInt(cents) : BigInt(cents)).toString().padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
