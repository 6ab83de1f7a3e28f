import type { Disbursement, Payout } from './schemas/disbursement';
import type { ErpSettings } from './schemas/erp-settings';
import type { Watch } from './watch';

export interface NewWatchInput {
  /** The disbursement carries no company id: the caller knows which company it listed. */
  companyId: string;
  disbursement: Disbursement;
  payout: Payout;
  erpSettings: ErpSettings;
}

/**
 * The watch of one payout seen for the first time: `awaiting_funding`, no deadline yet.
 * Funding, sync settings at funding time and the invoice's ERP status arrive as a
 * `funding_observed` event, so that the state machine alone decides what follows.
 */
export function newWatch({ companyId, disbursement, payout, erpSettings }: NewWatchInput, now: number): Watch {
  const meta = payout.metadata;
  return {
    payoutId: payout.id,
    companyId,
    disbursementId: disbursement.id,
    disbursementNumber: disbursement.disbursementIdentifier ?? '',
    invoiceId: payout.invoiceId ?? '',
    invoiceNumber: meta.invoiceNumber ?? '',
    projectId: meta.projectId ?? '',
    contractId: meta.contractId ?? null,
    contractPaymentId: null,
    vendorId: meta.vendorId ?? '',
    fundingAccountId: disbursement.fundingAccountId ?? '',
    beneficiaryName: meta.receivingPaymentsCompanyName ?? '',
    // Unknown amounts show as 0 until a later read says more; the link to the ERP side needs the real one.
    amountCents: payout.amount ?? 0,
    bankId: payout.bankId ?? '',
    checkNumber: payout.checkNumber ?? null,
    partialPayment: payout.partialPayment ?? false,
    // Procore publishes no markup field; tax is learned from the invoice (requisitions v1.1).
    hasTaxOrMarkup: false,
    connector: erpSettings.connector,
    erpName: erpSettings.erp_name,
    state: 'awaiting_funding',
    stateSince: now,
    fundingCompletedAt: null,
    fundingCompletedEstimated: false,
    deadline: null,
    request: null,
    diagnosis: null,
    attempts: [],
    syncedAt: null,
    snoozedUntil: null,
    notExportableReason: null,
    updatedAt: now,
  };
}
