import type { Watch, WatchState } from '../../utils/domain/watch';

export const STORE_COMPANIES = ['8089', '8091', '8092', '8093', '8094'];

const DUPLICATE_MESSAGE = 'Check number 10042 has already been used. Enter a different check number.';

/**
 * The n-th of a realistic mix of stored watches: most long synced, one in eleven failed with an
 * ERP message and a diagnosis, some in flight or overdue; spread over five companies.
 */
export function benchWatch(n: number, now: number): Watch {
  const companyId = STORE_COMPANIES[Math.floor(n / 4) % STORE_COMPANIES.length]!;
  const state: WatchState = n % 11 === 3 ? 'failed' : n % 20 === 5 ? 'syncing' : n % 20 === 15 ? 'overdue' : 'synced';
  const fundedAt = now - (n % 500) * 3_600_000;
  const failed = state === 'failed';
  return {
    payoutId: `po_${n}`,
    companyId,
    disbursementId: `d_${Math.floor(n / 4)}`,
    disbursementNumber: `D-${String(Math.floor(n / 4)).padStart(6, '0')}`,
    invoiceId: String(40_000 + n),
    invoiceNumber: `INV-${20_000 + n}`,
    projectId: String(500 + (n % 40)),
    vendorId: `v_${n % 300}`,
    fundingAccountId: `fa_${companyId}`,
    beneficiaryName: `Subcontractor ${n % 300} Drywall & Framing LLC`,
    amountCents: 50_000 + ((n * 7919) % 2_000_000),
    bankId: 'OPER',
    checkNumber: 10_000 + n,
    partialPayment: n % 17 === 0,
    hasTaxOrMarkup: false,
    connector: 'sage_intacct',
    erpName: 'Sage Intacct',
    state,
    stateSince: fundedAt + 120_000,
    fundingCompletedAt: fundedAt,
    fundingCompletedEstimated: false,
    deadline: fundedAt + 600_000,
    request: state === 'syncing' ? null : { id: `rd_${n}`, status: failed ? 'failed' : state === 'overdue' ? 'in_progress' : 'success', messages: failed ? [DUPLICATE_MESSAGE] : [], updatedAt: fundedAt + 120_000 },
    diagnosis: failed
      ? {
          cause: 'DUPLICATE_CHECK_NUMBER',
          summary: `Check number ${10_000 + n} is already used in Sage Intacct for bank account OPER.`,
          fix: 'Re-export with the next free check number and move the funding account past it.',
          retryable: true,
          suggested: { checkNumber: 12_000 + n, nextCheckNumber: 12_001 + n },
        }
      : null,
    attempts: [],
    syncedAt: state === 'synced' ? fundedAt + 120_000 : null,
    snoozedUntil: null,
    notExportableReason: null,
    updatedAt: fundedAt + 120_000,
  };
}
