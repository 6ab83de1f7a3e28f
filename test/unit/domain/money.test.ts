import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from '../../../utils/domain/money';

describe('formatCents', () => {
  it.each([
    [123456, '$1,234.56'],
    [29, '$0.29'],
    [5, '$0.05'],
    [0, '$0.00'],
    [100, '$1.00'],
    [100000000, '$1,000,000.00'],
    [-500, '-$5.00'],
    [Number.MAX_SAFE_INTEGER, '$90,071,992,547,409.91'],
  ])('%i cents is %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('%s is not an amount it can format', (v) => {
    expect(formatCents(v)).toBe('amount unknown');
  });

  it('round-trips every safe integer through its digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const text = formatCents(cents);
        expect(text).toMatch(/^-?\$\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(BigInt(text.replace(/[$,.]/g, ''))).toBe(BigInt(cents));
      }),
    );
  });
});
