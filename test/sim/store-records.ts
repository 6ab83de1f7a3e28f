import type { Connector } from '../../utils/domain/schemas/erp-settings';
import type { DisbursementStatus } from '../../utils/domain/schemas/disbursement';
import type { InvoiceErpStatus } from '../../utils/domain/schemas/requisition';
import type { RequestStatus } from '../../utils/domain/schemas/request-detail';

// The sandbox's own records. Times are epoch milliseconds; money is integer cents. The API
// layer (api/serialize.ts) turns them into the contract's shapes.

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
}

export interface SimProject {
  id: number;
  companyId: number;
  name: string;
}

/** A beneficiary in Procore, and the vendor it must match in the ERP. */
export interface SimVendor {
  id: string;
  companyId: number;
  name: string;
  erpSynced: boolean;
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
  vendorId: string;
  contractId: string;
  contractNumber: string;
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
  hasTaxOrMarkup: boolean;
  billingPeriodStart: string;
  billingPeriodEnd: string;
  submittedAt: number;
  paymentDate: string | null;
  updatedAt: number;
}

export interface SimDisbursement {
  id: string;
  companyId: number;
  identifier: string;
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

export type PayoutStatus = 'NOT_INITIATED' | 'REQUESTED' | 'FAILED' | 'COMPLETED';

export interface SimPayout {
  id: string;
  companyId: number;
  disbursementId: string;
  invoiceId: number;
  amount: number;
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
}

export interface SimRequestDetail {
  id: string;
  companyId: number;
  payoutId: string;
  requestName: string;
  status: RequestStatus;
  messages: string[];
  createdAt: number;
  updatedAt: number;
}
