const AMOUNT = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

/** "$12,500.00", "($1,250.50)", "-$3", "USD 40" → integer cents; null when the text is not an amount. */
export function parseCents(text: string): number | null {
  let rest = text.replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  if (rest.startsWith('-')) {
    negative = !negative;
    rest = rest.slice(1);
  }
  rest = rest.replace(/^(?:[A-Z]{3})?\$?/, '');
  const match = AMOUNT.exec(rest);
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}
