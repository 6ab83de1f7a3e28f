import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../utils/domain/cause';
import { suggestBankId, withSuggestedBankId } from '../../../utils/domain/suggest-bank-id';

const ERP = ['OPER', 'AP2', 'PAYROLL'];

describe('suggestBankId', () => {
  it('finds the id a shortened or misspelt Bank ID was meant to be', () => {
    expect(suggestBankId('PAYRL', ERP)).toBe('PAYROLL');
    expect(suggestBankId('OPR', ERP)).toBe('OPER');
    expect(suggestBankId('oper ', ERP)).toBe('OPER');
    expect(suggestBankId('AP-2', ERP)).toBe('AP2');
    expect(suggestBankId('OPERX', ERP)).toBe('OPER');
  });

  it('suggests nothing unrelated, nothing ambiguous, and never the refused id itself', () => {
    expect(suggestBankId('RESERVE', ERP)).toBeNull();
    expect(suggestBankId('AP', ['AP1', 'AP2'])).toBeNull();
    expect(suggestBankId('PAYRL', ['PAYRL'])).toBeNull();
    expect(suggestBankId('PAYRL', [])).toBeNull();
    expect(suggestBankId('', ERP)).toBeNull();
  });

  it('counts an id seen twice once', () => {
    expect(suggestBankId('PAYRL', ['PAYROLL', 'PAYROLL', 'OPER'])).toBe('PAYROLL');
  });
});

describe('withSuggestedBankId', () => {
  const wrongBank: Diagnosis = { cause: 'INVALID_BANK_ID', summary: 'No bank account PAYRL.', fix: 'Correct the Bank ID.', retryable: true };

  it('adds the closest known id as the fix of a wrong Bank ID', () => {
    const d = withSuggestedBankId(wrongBank, 'PAYRL', ERP, 'QuickBooks Online');
    expect(d.suggested).toEqual({ bankId: 'PAYROLL' });
    expect(d.fix).toMatch(/^Export it again with Bank ID "PAYROLL", the closest Bank ID QuickBooks Online knows/);
  });

  it('keeps a suggestion the classifier made, and leaves other causes alone', () => {
    const made = { ...wrongBank, suggested: { bankId: 'OPER' } };
    expect(withSuggestedBankId(made, 'PAYRL', ERP, 'QBO')).toBe(made);
    const dup: Diagnosis = { cause: 'DUPLICATE_CHECK_NUMBER', summary: 's', retryable: true };
    expect(withSuggestedBankId(dup, 'PAYRL', ERP, 'QBO')).toBe(dup);
    expect(withSuggestedBankId(wrongBank, 'ZZZ', ERP, 'QBO')).toBe(wrongBank);
  });
});
