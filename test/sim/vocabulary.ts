// The sandbox's own words for Procore's enumerations. The sandbox plays Procore, so it does not
// borrow the extension's schemas: a change in how the extension reads Procore must never change
// what the sandbox serves.

export const CONNECTORS = [
  'sage_intacct',
  'quickbooks_online',
  'quickbooks_desktop',
  'sage_300_cre',
  'viewpoint_vista',
  'acumatica',
  'yardi',
  'cmic',
  'other',
] as const;
export type Connector = (typeof CONNECTORS)[number];

/** Disbursement `status` (PROCORE-CONTRACT.md, public schema of the validate response). */
export const DISBURSEMENT_STATUSES = [
  'FUNDING_NOT_INITIATED',
  'FUNDING_REQUESTED',
  'FUNDING_FAILED',
  'FUNDING_COMPLETED_AWAITING_PAYOUTS',
  'PAYOUT_INITIATED',
  'PAYOUT_COMPLETED',
  'PAYOUT_FAILED',
] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

export const isFundingComplete = (status: DisbursementStatus): boolean =>
  status === 'FUNDING_COMPLETED_AWAITING_PAYOUTS' || status.startsWith('PAYOUT_');

export type PayoutStatus = 'NOT_INITIATED' | 'REQUESTED' | 'FAILED' | 'COMPLETED';

/** An ERP request's state inside the sandbox; the words the API writes vary (wire-words.ts). */
export type RequestState = 'in_progress' | 'success' | 'failed' | 'stale';

/** A requisition's ERP state inside the sandbox (the API's `erp_status` is free text). */
export const INVOICE_ERP_STATUSES = ['not_synced', 'ready_to_export', 'synced', 'failed'] as const;
export type InvoiceErpStatus = (typeof INVOICE_ERP_STATUSES)[number];

/** Why a simulated ERP refuses a payment record (DESIGN.md's causes, less the classifier's UNKNOWN). */
export const ERP_FAILURE_CAUSES = [
  'DUPLICATE_CHECK_NUMBER',
  'INVALID_BANK_ID',
  'INVOICE_NOT_SYNCED',
  'VENDOR_NOT_SYNCED',
  'AMOUNT_REJECTED',
  'TAX_OR_MARKUP_UNSUPPORTED',
  'PERIOD_CLOSED',
  'TRANSIENT',
] as const;
export type ErpFailureCause = (typeof ERP_FAILURE_CAUSES)[number];

/** Whether a company's account may use Procore's partner-gated ERP API. */
export type ErpApiAccess = 'granted' | 'forbidden' | 'not_found';

/** Procore's zones the sandbox plays by host (PROCORE-CONTRACT.md "Origins"). */
export type Zone = 'us01' | 'us02';
