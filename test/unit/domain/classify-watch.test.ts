import { describe, expect, it } from 'vitest';
import { classifyWatchFailure } from '../../../utils/domain/classify-watch';
import { WORDS } from '../fixtures/failure-words';
import { makeWatch } from '../fixtures/make-watch';

const request = { id: 'r1', status: 'failed' as const, messages: ['Invalid bank account PAYRL'], updatedAt: 1 };
const accounts = [
  { bank_id: 'OPER', name: 'Operating - 1234', active: true, last_check_number: 1187 },
  { bank_id: 'AP2', name: 'Payables - 7781', active: true, last_check_number: 5001 },
  { bank_id: 'PAYROLL', name: 'Payroll - 5520', active: true, last_check_number: 2210 },
];

describe('classifyWatchFailure', () => {
  it("suggests the closest Bank ID the ERP knows for a wrong one (PAYRL → PAYROLL)", () => {
    const d = classifyWatchFailure(makeWatch({ state: 'failed', bankId: 'PAYRL' }), request, { words: WORDS, erpBankAccounts: accounts });
    expect(d.cause).toBe('INVALID_BANK_ID');
    expect(d.suggested?.bankId).toBe('PAYROLL');
  });

  it('takes Bank IDs of synced records as known when the ERP lists no accounts', () => {
    const d = classifyWatchFailure(makeWatch({ state: 'failed', bankId: 'PAYRL' }), request, { words: WORDS, syncedBankIds: ['OPER', 'PAYROLL'] });
    expect(d.suggested?.bankId).toBe('PAYROLL');
  });

  it('does not suggest an inactive account', () => {
    const inactive = accounts.map((a) => (a.bank_id === 'PAYROLL' ? { ...a, active: false } : a));
    const d = classifyWatchFailure(makeWatch({ state: 'failed', bankId: 'PAYRL' }), request, { words: WORDS, erpBankAccounts: inactive });
    expect(d.suggested?.bankId).toBeUndefined();
  });
});
