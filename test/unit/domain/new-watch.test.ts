import { describe, expect, it } from 'vitest';
import { newWatch } from '../../../utils/domain/new-watch';
import { WatchSchema } from '../../../utils/domain/watch';
import { T0, disbursement, erpSettings, payout } from './watch-fixture';

describe('newWatch', () => {
  it('makes a valid awaiting_funding watch from the disbursement, the payout and the ERP settings', () => {
    const p = payout({ id: '9007199254740993', partialPayment: true, checkNumber: null });
    const w = newWatch({ companyId: 'c_1', disbursement: disbursement(p), payout: p, erpSettings: { ...erpSettings, connector: 'cmic', erp_name: '' } }, T0);
    expect(WatchSchema.parse(w)).toEqual(w);
    expect(w).toMatchObject({
      payoutId: '9007199254740993',
      companyId: 'c_1',
      disbursementId: 'd_7',
      disbursementNumber: 'D-0007',
      invoiceId: '4417',
      invoiceNumber: 'INV-2291',
      projectId: 'p_1',
      vendorId: 'v_77',
      fundingAccountId: 'fa_1',
      beneficiaryName: 'Hill Electric',
      amountCents: 123456,
      bankId: 'OPER',
      checkNumber: null,
      partialPayment: true,
      hasTaxOrMarkup: false,
      connector: 'cmic',
      erpName: '',
      state: 'awaiting_funding',
      stateSince: T0,
      updatedAt: T0,
      deadline: null,
      attempts: [],
    });
  });
});
