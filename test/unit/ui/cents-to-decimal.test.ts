import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToDecimal, formatCents } from '../../../utils/view/money';

describe('formatCents', () => {
  it('formats integer cents as dollars with grouping', () => {
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(29)).toBe('$0.29');
    expect(formatCents(450000)).toBe('$4,500.00');
    expect(formatCents(123456789)).toBe('$1,234,567.89');
    expect(formatCents(-1999)).toBe('−$19.99');
  });

  it('keeps every digit of the largest safe amounts', () => {
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
  });

  it('refuses what is not integer cents rather than rounding', () => {
    expect(formatCents(12.5)).toBe('amount unknown');
  });

  it('round-trips through the digits for any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const digits = formatCents(cents).replace(/[^\d]/g, '');
        expect(BigInt(digits)).toBe(cents < 0 ? -BigInt(cents) : BigInt(cents));
        expect(centsToDecimal(cents).replace('.', '')).toMatch(/^-?\d{3,}$/);
      }),
    );
  });

  it('gives spreadsheets a plain decimal', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(-7)).toBe('-0.07');
  });
});
