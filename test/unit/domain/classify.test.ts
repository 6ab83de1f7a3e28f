import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../../utils/domain/cause';
import type { ClassifyInput } from '../../../utils/domain/classify';
import { causeFromWords } from '../../../utils/domain/failure-wording';
import type { ErpBankAccount } from '../../../utils/domain/schemas/erp-bank-account';
import { HELD_OUT } from './fixtures/held-out-erp-messages';
import { classifyWithWords, WORDS } from '../fixtures/failure-words';

interface FixtureMessage {
  system: string;
  message: string;
  cause: string;
}
const FIXTURES: FixtureMessage[] = JSON.parse(
  readFileSync(new URL('../../fixtures/erp-error-messages.json', import.meta.url), 'utf8'),
).messages;

const banks: ErpBankAccount[] = [
  { bank_id: 'OPER', name: 'Operating - 1234', active: true, last_check_number: 1187 },
  { bank_id: 'PAYR', name: 'Payroll - 9911', active: true, last_check_number: 5012 },
  { bank_id: 'OLD', name: 'Old operating', active: false, last_check_number: 877 },
];

describe('classifyExportFailure: the ERP words', () => {
  it('reads the shared fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(20);
    for (const f of FIXTURES) {
      expect({ message: f.message, cause: classifyWithWords({ messages: [f.message] }).cause }).toEqual({ message: f.message, cause: f.cause });
    }
  });

  it('reads messages worded differently from the fixtures (held-out set)', () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(30);
    const systems = new Set(HELD_OUT.map((m) => m.system.split(' ')[0]));
    for (const s of ['Sage', 'Vista', 'Yardi', 'CMiC', 'Acumatica', 'QuickBooks']) expect(systems).toContain(s);
    for (const m of HELD_OUT) {
      expect({ message: m.message, cause: classifyWithWords({ messages: [m.message] }).cause }).toEqual({ message: m.message, cause: m.cause });
    }
  });

  it('covers every cause in the held-out set', () => {
    const covered = new Set(HELD_OUT.map((m) => m.cause));
    for (const c of CAUSES.filter((c) => c !== 'UNKNOWN')) expect(covered).toContain(c);
  });

  it.each([
    ['a tax category that cannot be found is tax, not a missing invoice', 'Object "80000-1" (Tax category "Exempt") specified in the request cannot be found.', 'TAX_OR_MARKUP_UNSUPPORTED'],
    ['a closed period that says try again is the period', 'Posting date is on or before the closing date. Please try again after changing preferences.', 'PERIOD_CLOSED'],
    ['a check number already issued for a bank account is the duplicate', 'Check 10042 was already issued for bank account OPER.', 'DUPLICATE_CHECK_NUMBER'],
    ['a vendor record that is missing is the vendor', 'Vendor record not found.', 'VENDOR_NOT_SYNCED'],
    ['a bill for a vendor that is missing is the bill', 'Bill for vendor Hill Electric was not found.', 'INVOICE_NOT_SYNCED'],
    ["a vendor's bank details are not the paying bank account", 'Vendor bank account is missing for ACH.', 'VENDOR_NOT_SYNCED'],
    ['a closed bill is the amount, not the period', 'Cannot apply payment: the bill has already been closed.', 'AMOUNT_REJECTED'],
    ['a closed connection is transient', 'The connection was closed by the remote host.', 'TRANSIENT'],
    ['a record in use by another user is transient, not a duplicate', 'The record is in use by another user. Try again.', 'TRANSIENT'],
    ['a vendor tax id is not a tax code problem', 'Vendor tax ID is invalid.', 'VENDOR_NOT_SYNCED'],
    ['an amount with decimals stays in one sentence', 'Amount $1,500.00 exceeds the open balance of $1,234.56.', 'AMOUNT_REJECTED'],
    ['check No. with a period', 'Check No. 10042 has already been used.', 'DUPLICATE_CHECK_NUMBER'],
    ['a check number previously recorded', 'A payment with check number 10042 was previously recorded.', 'DUPLICATE_CHECK_NUMBER'],
    ['a checkbook (Dynamics GP wording) is the bank account', 'Checkbook ID OPER does not exist', 'INVALID_BANK_ID'],
    ['a posting date outside the allowed range is the period', 'Posting Date is not within your range of allowed posting dates.', 'PERIOD_CLOSED'],
    ['a DNS failure is transient', 'getaddrinfo ENOTFOUND api.example.com', 'TRANSIENT'],
    ['a database unique-key error on the check number is the duplicate', "Error 1062: Duplicate entry 'OPER-10042' for key 'check_no'", 'DUPLICATE_CHECK_NUMBER'],
  ])('%s', (_why, message, cause) => {
    expect(causeFromWords([message], WORDS)).toBe(cause);
  });

  it('picks the most specific cause among several messages', () => {
    expect(causeFromWords(['Please try again.', 'Duplicate Document Number Error'], WORDS)).toBe('DUPLICATE_CHECK_NUMBER');
  });

  it('says UNKNOWN for text it does not recognise, an empty list, blank or odd text', () => {
    for (const messages of [[], [''], ['   '], ['Everything is fine'], ['🙂🙂🙂 \u202e\u0000 \ud800'], ['x'.repeat(1_000_000)]]) {
      expect(classifyWithWords({ messages }).cause).toBe('UNKNOWN');
    }
  });

  it('reads fullwidth and mixed-case text', () => {
    expect(causeFromWords(['ＤＵＰＬＩＣＡＴＥ check NUMBER'], WORDS)).toBe('DUPLICATE_CHECK_NUMBER');
  });

  it('stays fast on a huge message', () => {
    const huge = `${'check number '.repeat(50_000)} and so on`;
    const started = performance.now();
    classifyWithWords({ messages: [huge, huge] });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws on arbitrary text or malformed input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 5 }), (messages) => {
        const d = classifyWithWords({ messages });
        expect(CAUSES).toContain(d.cause);
        expect(d.summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    const broken = [{ messages: null }, { messages: [1, null, {}] }, {}] as unknown as ClassifyInput[];
    for (const input of broken) expect(classifyWithWords(input).cause).toBe('UNKNOWN');
  });
});

describe('classifyExportFailure: facts beat words', () => {
  it('a partial payout on a connector that refuses partials is AMOUNT_REJECTED whatever the message', () => {
    for (const message of ['Duplicate Document Number Error', 'Something odd happened', 'Service unavailable']) {
      const d = classifyWithWords({ messages: [message], connector: 'viewpoint_vista', payout: { partialPayment: true }, supportsPartialPayments: false });
      expect(d.cause).toBe('AMOUNT_REJECTED');
      expect(d.summary).toMatch(/partial payment/);
      expect(d.summary).toContain('Vista');
      expect(d.retryable).toBe(false);
    }
  });

  it('a partial payout on a connector that accepts partials is read from the words', () => {
    const d = classifyWithWords({ messages: ['Duplicate Document Number Error'], payout: { partialPayment: true }, supportsPartialPayments: true });
    expect(d.cause).toBe('DUPLICATE_CHECK_NUMBER');
  });

  it('an invoice not synced at payment time will never export, whatever the words', () => {
    const d = classifyWithWords({ messages: ['Service unavailable'], invoiceErpStatusAtPayment: 'ready_to_export', connector: 'sage_intacct' });
    expect(d).toMatchObject({ cause: 'INVOICE_NOT_SYNCED', retryable: false });
    expect(d.summary).toMatch(/never export/);
    expect(d.summary).toContain('Sage Intacct');
  });

  it('a tax or markup flag turns an unknown or tax-ish message into TAX_OR_MARKUP_UNSUPPORTED, not a clear other cause', () => {
    const flagged = { partialPayment: false, hasTaxOrMarkup: true };
    expect(classifyWithWords({ messages: ['Line 3 rejected'], payout: flagged }).cause).toBe('TAX_OR_MARKUP_UNSUPPORTED');
    expect(classifyWithWords({ messages: [], payout: flagged }).cause).toBe('TAX_OR_MARKUP_UNSUPPORTED');
    expect(classifyWithWords({ messages: ['Check number 10042 is already in use'], payout: flagged }).cause).toBe('DUPLICATE_CHECK_NUMBER');
  });

  it('a Bank ID that is not an active ERP bank account is INVALID_BANK_ID with the one clear match suggested', () => {
    const d = classifyWithWords({ messages: ['Some error'], payout: { partialPayment: false, bankId: 'oper ' }, erpBankAccounts: banks, connector: 'sage_300_cre' });
    expect(d.cause).toBe('INVALID_BANK_ID');
    expect(d.suggested).toEqual({ bankId: 'OPER' });
    expect(d.fix).toContain('"OPER"');
    expect(d.summary).toContain('Sage 300 CRE');
  });

  it('an inactive bank account is said to be inactive; no suggestion when no match is clear', () => {
    const d = classifyWithWords({ messages: [], payout: { partialPayment: false, bankId: 'OLD' }, erpBankAccounts: banks });
    expect(d.cause).toBe('INVALID_BANK_ID');
    expect(d.summary).toMatch(/inactive/);
    expect(d.suggested).toBeUndefined();
  });

  it('the only active account is a clear match', () => {
    const d = classifyWithWords({ messages: [], payout: { partialPayment: false, bankId: 'X9' }, erpBankAccounts: [banks[0]!, banks[2]!] });
    expect(d.suggested).toEqual({ bankId: 'OPER' });
  });

  it('no other account is suggested when the ERP refuses a Bank ID it lists as active', () => {
    const d = classifyWithWords({ messages: ['Bank account OPER is not valid'], payout: { partialPayment: false, bankId: 'OPER' }, erpBankAccounts: [banks[0]!, banks[2]!] });
    expect(d.cause).toBe('INVALID_BANK_ID');
    expect(d.suggested).toBeUndefined();
    const other = classifyWithWords({ messages: ['Bank account OPERX is not valid'], payout: { partialPayment: false, bankId: 'OPERX' }, erpBankAccounts: [banks[0]!, banks[1]!] });
    expect(other.suggested).toEqual({ bankId: 'OPER' });
  });

  it('a matching active Bank ID lets the words decide', () => {
    const d = classifyWithWords({ messages: ['Duplicate Document Number Error'], payout: { partialPayment: false, bankId: 'OPER', checkNumber: 10042 }, erpBankAccounts: banks });
    expect(d.cause).toBe('DUPLICATE_CHECK_NUMBER');
    expect(d.summary).toContain('10042');
    expect(d.fix).toContain('above 1187');
  });

  it('a duplicate with the funding account known suggests a free check number and the Next Check Number move', () => {
    const d = classifyWithWords({
      messages: ['Check number 10042 is already in use'],
      payout: { partialPayment: false, bankId: 'OPER', checkNumber: 10042 },
      erpBankAccounts: [{ bank_id: 'OPER', name: 'Operating', active: true, last_check_number: 10050 }],
      nextCheckNumber: 10043,
      usedCheckNumbers: [20000],
    });
    // ERP at 10050 (five digits): Procore Pay's range moves to 20000, whose first number is taken.
    expect(d.suggested).toEqual({ checkNumber: 20001, nextCheckNumber: 20002 });
    expect(d.fix).toContain('Next Check Number to 20002');
    expect(d.retryable).toBe(true);
  });

  it('a stale request with no words is the connector not responding', () => {
    const d = classifyWithWords({ messages: [], stale: true, connector: 'quickbooks_desktop' });
    expect(d).toMatchObject({ cause: 'TRANSIENT', retryable: true });
    expect(d.summary).toBe('The connector to QuickBooks Desktop did not respond, so the payment record was not exported.');
  });

  it('names the company’s own ERP label first and says "the ERP" when nothing is known', () => {
    expect(classifyWithWords({ messages: ['Invalid Vendor!'], erpName: 'Vista (Keystone)' }).summary).toContain('Vista (Keystone)');
    expect(classifyWithWords({ messages: ['Invalid Vendor!'] }).summary).toMatch(/^the ERP does not know/);
  });

  it('gives every cause a summary, a fix and a retryable answer', () => {
    const samples: Record<string, Omit<ClassifyInput, 'words'>> = {
      DUPLICATE_CHECK_NUMBER: { messages: ['duplicate check number'] },
      INVALID_BANK_ID: { messages: ['Bank account is inactive'] },
      INVOICE_NOT_SYNCED: { messages: ['Bill not found'] },
      VENDOR_NOT_SYNCED: { messages: ['Invalid vendor'] },
      AMOUNT_REJECTED: { messages: ['overpayment'] },
      TAX_OR_MARKUP_UNSUPPORTED: { messages: ['tax code invalid'] },
      PERIOD_CLOSED: { messages: ['period is closed'] },
      TRANSIENT: { messages: ['timeout'] },
      UNKNOWN: { messages: ['?'] },
    };
    const retryable = new Set(['DUPLICATE_CHECK_NUMBER', 'INVALID_BANK_ID', 'VENDOR_NOT_SYNCED', 'PERIOD_CLOSED', 'TRANSIENT']);
    for (const cause of CAUSES) {
      const d = classifyWithWords(samples[cause]!);
      expect(d.cause).toBe(cause);
      expect(d.summary).toMatch(/\.$/);
      expect(d.fix).toBeTruthy();
      expect(d.retryable).toBe(retryable.has(cause));
    }
  });
});
