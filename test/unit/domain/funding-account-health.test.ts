import { describe, expect, it } from 'vitest';
import { fundingAccountClear, fundingAccountProblems } from '../../../utils/domain/funding-account-health';

const wrongBank = { state: 'failed' as const, diagnosis: { cause: 'INVALID_BANK_ID' as const, summary: 's', retryable: true, suggested: { bankId: 'PAYROLL' } } };
const duplicate = { state: 'escalate' as const, diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER' as const, summary: 's', retryable: true } };
const synced = { state: 'synced' as const, diagnosis: null };
const safe = { changeNeeded: false, noRoomInField: false };

describe('fundingAccountProblems', () => {
  it('names payments failing for a wrong Bank ID, with the id it probably is', () => {
    const problems = fundingAccountProblems({ bankId: 'PAYRL', erpName: 'QuickBooks Online', watches: [wrongBank, wrongBank, synced] });
    expect(problems).toEqual(['2 payments from this account failed: QuickBooks Online does not take Bank ID PAYRL; its Bank ID is probably PAYROLL: correct it in Edit Account Details']);
    expect(fundingAccountClear(safe, problems)).toBe(false);
  });

  it('names a Bank ID the ERP does not list before any payment fails, and duplicate check numbers', () => {
    expect(fundingAccountProblems({ bankId: 'PAYRL', erpName: 'Vista', erpBankIds: ['OPER', 'PAYROLL'], watches: [duplicate] })).toEqual([
      'Vista has no active bank account with Bank ID PAYRL: payments from this account will fail to export',
      '1 payment from this account failed with a check number Vista already used',
    ]);
  });

  it('is empty, and the account clear, when nothing known is wrong', () => {
    const problems = fundingAccountProblems({ bankId: 'OPER', erpName: 'Vista', erpBankIds: ['OPER'], watches: [synced, { ...wrongBank, state: 'synced' as const }] });
    expect(problems).toEqual([]);
    expect(fundingAccountClear(safe, problems)).toBe(true);
    expect(fundingAccountClear({ changeNeeded: true, noRoomInField: false }, problems)).toBe(false);
    expect(fundingAccountClear({ changeNeeded: false, noRoomInField: true }, problems)).toBe(false);
  });
});
