/**
 * Integer cents to US dollars, "$1,234.56". Pure integer arithmetic on the digits: a float never
 * touches the amount, so $0.29 never becomes $0.28.
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) return 'amount unknown';
  const digits = (cents < 0 ? -BigInt(cents) : BigInt(cents)).toString().padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '−' : ''}$${whole}.${digits.slice(-2)}`;
}

/** Integer cents as a plain decimal for spreadsheets: 123456 → "1234.56". */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) return '';
  const digits = (cents < 0 ? -BigInt(cents) : BigInt(cents)).toString().padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
