import type { Watch } from '../../../utils/domain/watch';

/** A watch with plausible values; tests override what they are about. */
export function makeWatch(overrides: Partial<Watch> = {}): Watch {
  const payoutId = overrides.payoutId ?? 'po_1';
  return {
    payoutId,
    companyId: '8089',
    disbursementId: 'd_1',
    disbursementNumber: 'D-000412',
    invoiceId: '4417',
    invoiceNumber: 'INV-2291',
    projectId: '562',
    vendorId: 'v_77',
    fundingAccountId: 'fa_1',
    beneficiaryName: 'Acme Drywall',
    amountCents: 450000,
    bankId: 'OPER',
    checkNumber: 10042,
    partialPayment: false,
    hasTaxOrMarkup: false,
    connector: 'quickbooks_online',
    erpName: 'QuickBooks Online',
    state: 'syncing',
    stateSince: 1_000_000,
    fundingCompletedAt: 1_000_000,
    fundingCompletedEstimated: false,
    deadline: 1_600_000,
    request: null,
    diagnosis: null,
    attempts: [],
    syncedAt: null,
    snoozedUntil: null,
    notExportableReason: null,
    updatedAt: 1_000_000,
    ...overrides,
  };
}
