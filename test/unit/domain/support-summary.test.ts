import { describe, expect, it } from 'vitest';
import { buildSupportSummary } from '../../../utils/domain/support-summary';
import type { Watch } from '../../../utils/domain/watch';
import { T0, diagnosis, freshWatch, request } from './watch-fixture';

function escalated(): Watch {
  return {
    ...freshWatch(),
    state: 'escalate',
    stateSince: T0 + 400_000,
    fundingCompletedAt: T0,
    request: request('f2', 'failed', ['Duplicate Document Number Error\nDocNumber=OPER10101 is assigned'], T0 + 390_000),
    diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER'),
    attempts: [
      { at: T0 + 200_000, checkNumber: 10100, bankId: 'OPER', cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'failed', messages: ['DocNumber=OPER10100 is assigned'] },
      { at: T0 + 300_000, checkNumber: 10101, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'failed', messages: ['DocNumber=OPER10101 is assigned'] },
    ],
  };
}

describe('buildSupportSummary', () => {
  it('holds everything ERP support needs, in plain text', () => {
    const text = buildSupportSummary(escalated(), { companyName: 'Keystone Builders' });
    expect(text).toContain('Company: Keystone Builders (Procore company c_1)');
    expect(text).toContain('Disbursement: D-0007');
    expect(text).toContain('Beneficiary: Hill Electric');
    expect(text).toContain('Invoice: INV-2291');
    expect(text).toContain('Amount: $1,234.56');
    expect(text).toContain('Check number: 10042');
    expect(text).toContain('Bank ID: OPER');
    expect(text).toContain('QuickBooks Online');
    expect(text).toContain(`Funding complete: ${new Date(T0).toISOString()}`);
    expect(text).toContain(`  1. ${new Date(T0 + 200_000).toISOString()}: check number 10100, Bank ID OPER; fixing DUPLICATE_CHECK_NUMBER; outcome failed`);
    expect(text).toContain(`  2. ${new Date(T0 + 300_000).toISOString()}: check number 10101, Bank ID unchanged`);
    expect(text).toContain('Re-export attempts: 2');
  });

  it("keeps each ERP message on one line so a message cannot forge the summary's lines", () => {
    const text = buildSupportSummary(escalated());
    expect(text).toContain('  - Duplicate Document Number Error DocNumber=OPER10101 is assigned');
    expect(text.split('\n').filter((l) => l.startsWith('Company:'))).toHaveLength(1);
    expect(text).toContain('Company: Procore company c_1');
  });

  it('says so when there are no messages, attempts or funding time', () => {
    const text = buildSupportSummary(freshWatch());
    expect(text).toContain('  (none)');
    expect(text).toContain('Re-export attempts: 0');
    expect(text).toContain('Funding complete: unknown');
  });
});
