import type { Diagnosis } from '../../../utils/domain/cause';
import { newWatch } from '../../../utils/domain/new-watch';
import type { Disbursement, Payout } from '../../../utils/domain/schemas/disbursement';
import type { ErpSettings } from '../../../utils/domain/schemas/erp-settings';
import type { Watch, WatchRequest } from '../../../utils/domain/watch';

export const T0 = Date.parse('2026-11-15T17:40:00Z');
export const WINDOW = 10 * 60 * 1000;

export function payout(overrides: Partial<Payout> = {}): Payout {
  return {
    id: 'po_91',
    disbursementId: 'd_7',
    invoiceId: '4417',
    amount: 1_234_56,
    status: 'REQUESTED',
    bankId: 'OPER',
    checkNumber: 10042,
    partialPayment: false,
    metadata: {
      projectId: 'p_1',
      invoiceNumber: 'INV-2291',
      vendorId: 'v_77',
      receivingPaymentsCompanyName: 'Hill Electric',
      dueAmount: 1_234_56,
      paidAmountOutsideProcorePay: 0,
    },
    ...overrides,
  };
}

export function disbursement(p: Payout = payout()): Disbursement {
  return {
    id: 'd_7',
    disbursementIdentifier: 'D-0007',
    name: 'November run',
    fundingAccountId: 'fa_1',
    amount: p.amount,
    currencyCode: 'USD',
    status: 'FUNDING_COMPLETED_AWAITING_PAYOUTS',
    createdAt: '2026-11-15T16:02:11Z',
    updatedAt: '2026-11-15T17:40:03Z',
    payouts: [p],
  };
}

export const erpSettings: ErpSettings = {
  connector: 'quickbooks_online',
  payment_sync_enabled: true,
  supports_partial_payments: false,
  erp_name: 'QuickBooks Online',
};

export function freshWatch(): Watch {
  const p = payout();
  return newWatch({ companyId: 'c_1', disbursement: disbursement(p), payout: p, erpSettings }, T0 - 60_000);
}

export function request(id: string, status: WatchRequest['status'], messages: string[] = [], updatedAt = T0): WatchRequest {
  return { id, status, messages, updatedAt };
}

export function diagnosis(cause: Diagnosis['cause'], retryable = true): Diagnosis {
  return { cause, summary: `because ${cause}`, retryable };
}
