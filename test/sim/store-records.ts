import type { Connector, DisbursementStatus, ErpApiAccess, InvoiceErpStatus, PayoutStatus, RequestState, Zone } from './vocabulary';

// The sandbox's own records. Times are epoch milliseconds; money is integer cents. The API
// layer (api/serialize.ts) turns them into the contract's shapes. Integer ids that may exceed
// 2^53 (contract payments) are kept as decimal strings and written as JSON numbers.

export type PaymentsRole = 'admin' | 'disburser' | 'none';

export interface SimUser {
  id: number;
  login: string;
  name: string;
  companyIds: number[];
  /** Payments Admin / Disburser may use the Payments and ERP endpoints; 'none' gets 403. */
  paymentsRole: PaymentsRole;
}

export interface SimErpSettings {
  connector: Connector;
  paymentSyncEnabled: boolean;
  /** The connector answers at all (QuickBooks Desktop's Web Connector, an agent on a server). */
  connectorOnline: boolean;
  /** Last day (YYYY-MM-DD) of the closed accounting period; payments dated on or before fail. */
  closedThrough: string | null;
}

export interface SimCompany {
  id: number;
  name: string;
  isActive: boolean;
  erp: SimErpSettings;
  /** The partner-gated ERP API (erp_request_details, external_data): granted, or 403 / 404. */
  erpApiAccess: ErpApiAccess;
  /** The Procore zone whose host serves this company's pages and session calls. */
  zone: Zone;
  /** The next contract payment id of this company (decimal; may pass 2^53). */
  nextContractPaymentId: bigint;
}

export interface SimProject {
  id: number;
  companyId: number;
  name: string;
  projectNumber: string;
}

/** A beneficiary in Procore, and the vendor it must match in the ERP. */
export interface SimVendor {
  id: number;
  companyId: number;
  name: string;
  erpSynced: boolean;
  /** The beneficiary's Procore Pay company (payout `receivingPaymentsCompanyExternalId`). */
  paymentsCompanyExternalId: string;
}

/** A commitment (subcontract) of a project with one vendor: where its payments are listed. */
export interface SimContract {
  id: number;
  companyId: number;
  projectId: number;
  vendorId: number;
  number: string;
}

export type VerificationStatus = 'verified' | 'pending' | 'failed';

export interface SimFundingAccount {
  id: string;
  companyId: number;
  nickname: string;
  bankId: string;
  nextCheckNumber: number;
  isDefault: boolean;
  deactivated: boolean;
  verificationStatus: VerificationStatus;
}

/** A bank account as the ERP knows it, with its check register. */
export interface SimErpBankAccount {
  companyId: number;
  bankId: string;
  name: string;
  active: boolean;
  /** Check numbers the ERP issued itself (grows over time), manual checks included. */
  ownChecks: Set<number>;
  /** The ERP's own check sequence: the last number it printed in order (null: it prints none). */
  sequenceLast: number | null;
  /** Check numbers of payment records imported from Procore Pay. */
  importedChecks: Set<number>;
  /** Whether the connector reports the ERP's last check number (null in the API otherwise). */
  reportsLastCheckNumber: boolean;
}

export type InvoiceStatus = 'approved' | 'under_review' | 'paid';

export interface SimInvoice {
  id: number;
  companyId: number;
  projectId: number;
  vendorId: number;
  contractId: number;
  invoiceNumber: string;
  status: InvoiceStatus;
  erpStatus: InvoiceErpStatus;
  /** The ERP's id of the bill once synced. */
  originId: string | null;
  grossAmount: number;
  retainage: number;
  /** Paid through Procore Pay (completed or in flight). */
  paidAmount: number;
  paidAmountOutsideProcorePay: number;
  /** Tax on this payment (cents): Procore shows it (`summary.tax_applicable_to_this_payment`). */
  taxAmount: number;
  /** A markup line: the ERP refuses it, and Procore's API does not show it. */
  markup: boolean;
  billingPeriodStart: string;
  billingPeriodEnd: string;
  submittedAt: number;
  paymentDate: string | null;
  updatedAt: number;
}

export interface SimDisbursement {
  id: string;
  companyId: number;
  /** `disbursementIdentifier`: Procore's incremental number (Disbursement No.). */
  identifier: number;
  name: string;
  fundingAccountId: string;
  status: DisbursementStatus;
  statusMessage: string | null;
  createdByUserId: number;
  createdAt: number;
  updatedAt: number;
  authorizedOn: number | null;
  fundingCompletedAt: number | null;
  payoutIds: string[];
}

export interface SimPayout {
  id: string;
  companyId: number;
  disbursementId: string;
  invoiceId: number;
  amount: number;
  createdAt: number;
  updatedAt: number;
  status: PayoutStatus;
  statusMessage: string | null;
  bankId: string;
  checkNumber: number | null;
  partialPayment: boolean;
  partialPaymentReason: string | null;
  /** Amount due on the invoice when it was added to the disbursement. */
  dueAmount: number;
  /** The invoice's ERP status when the payment was initiated (authorized); null before. */
  invoiceErpStatusAtInitiation: InvoiceErpStatus | null;
  /** Scenario override of the first export's delay, as a fraction of the window. */
  exportDelayFraction?: number;
  /** The ERP-side record Procore makes at Funding Complete (null before). */
  contractPaymentId: string | null;
}

/**
 * Procore's contract payment: the payment record the ERP Integrations tool exports. Made from a
 * payout at Funding Complete; its Check Number and Bank ID are what the ERP receives, and what a
 * re-export from the Failed to Export view changes.
 */
export interface SimContractPayment {
  /** Decimal integer (may pass 2^53). */
  id: string;
  companyId: number;
  projectId: number;
  contractId: number;
  /** The payout it records; null for a bill payment the ERP made itself and the connector imported. */
  payoutId: string | null;
  invoiceId: number;
  amount: number;
  checkNumber: number | null;
  bankId: string;
  paymentNumber: string;
  /** The day funding completed (the payment date the ERP books). */
  date: number;
  initiatedAt: number | null;
  settledAt: number | null;
  /** The ERP's id, set once the ERP created the record (Synced). */
  originId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SimRequestDetail {
  id: number;
  companyId: number;
  /** The contract payment it exports (`item_id`). */
  contractPaymentId: string;
  payoutId: string;
  requestName: string;
  status: RequestState;
  messages: string[];
  createdAt: number;
  updatedAt: number;
}
