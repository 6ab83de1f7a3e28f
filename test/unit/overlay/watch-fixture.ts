import type { Watch } from '../../../utils/domain/watch';

const FUNDED = Date.UTC(2026, 10, 15, 17, 40, 0);
export const WINDOW = 10 * 60 * 1000;

/** A watch as the background sends it; `funded` is the funding-complete server time. */
export function watch(patch: Partial<Watch> & { payoutId: string }, funded = FUNDED): Watch {
  return {
    companyId: '8089',
    disbursementId: 'uuid-412',
    disbursementNumber: 'D-000412',
    invoiceId: '4417',
    invoiceNumber: `INV-${patch.payoutId}`,
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
    stateSince: funded,
    fundingCompletedAt: funded,
    fundingCompletedEstimated: false,
    deadline: funded + WINDOW,
    request: null,
    diagnosis: null,
    attempts: [],
    syncedAt: null,
    snoozedUntil: null,
    notExportableReason: null,
    updatedAt: funded,
    ...patch,
  };
}

export { FUNDED };
