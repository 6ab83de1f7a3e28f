import { describe, expect, it } from 'vitest';
import { parseDisbursements, reportBadPayouts } from '../../../utils/engine/poll/learned-disbursements';
import type { SchemaProblem } from '../../../utils/procore/record-validation';

describe('disbursements read from a learned GET', () => {
  it('keeps the good ones and says which record was skipped and why', () => {
    const problems: SchemaProblem[] = [];
    const kept = parseDisbursements(problems, [{ id: 41, status: 'DRAFT' }, { status: 'FUNDING_COMPLETED_AWAITING_PAYOUTS' }], 'disbursements of company 8089');
    expect(kept.map((d) => d.id)).toEqual(['41']);
    expect(problems).toEqual([{ source: 'disbursements of company 8089', record: '#1', issues: expect.stringMatching(/^id: /) }]);
  });

  it('says a payout that cannot be watched (no id), and nothing when every payout is whole', () => {
    const problems: SchemaProblem[] = [];
    const [d] = parseDisbursements(problems, [{ id: 7, disbursementIdentifier: 412, payouts: [{ id: 'po_1', amount: 100 }, { amount: 250 }] }], 'disbursement 7');
    reportBadPayouts(problems, d!);
    expect(problems).toEqual([{ source: 'payouts of disbursement 412', record: '#1', issues: expect.stringMatching(/^id: /) }]);
    const whole: SchemaProblem[] = [];
    reportBadPayouts(whole, { ...d!, payouts: [{ id: 'po_1', amount: 100 }] });
    expect(whole).toEqual([]);
  });
});
