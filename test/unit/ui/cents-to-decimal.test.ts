import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToDecimal } from '../../../utils/view/cents-to-decimal';

describe('centsToDecimal', () => {
  it('gives spreadsheets a plain decimal', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-7)).toBe('-0.07');
    expect(centsToDecimal(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(centsToDecimal(1.5)).toBe('');
  });

  it('keeps every digit of any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        expect(BigInt(centsToDecimal(cents).replace('.', ''))).toBe(BigInt(cents));
      }),
    );
  });
});
