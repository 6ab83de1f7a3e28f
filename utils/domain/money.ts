/**
 * Integer cents as US dollars, "$1,234.56" ("-$5.00" when negative). Only integer and string
 * arithmetic: a float never touches the amount. Not a safe integer → "amount unknown", so a bad
 * value is visible instead of rounded.
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) return 'amount unknown';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const dollars = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${digits.slice(-2)}`;
}
