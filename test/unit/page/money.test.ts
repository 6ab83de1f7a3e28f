import { describe, expect, it } from 'vitest';
import { parseCents } from '../../../utils/page/money';

describe('parseCents', () => {
  it.each([
    ['$4,500.00', 450000],
    ['$0.05', 5],
    ['12500', 1250000],
    ['$1,234.5', 123450],
    ['($1,250.50)', -125050],
    ['-$3', -300],
    ['USD 40', 4000],
    [' $ 9,999,999.99 ', 999999999],
  ])('%s → %d cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['', '--', 'N/A', '$1,23.00', '$1.234', '12abc'])('is null for %j', (text) => {
    expect(parseCents(text)).toBeNull();
  });
});
