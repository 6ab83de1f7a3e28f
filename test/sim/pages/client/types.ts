import type { DisbursementStatus } from '../../vocabulary';

// What the sandbox's pages read from its endpoints: the contract's public field names for
// disbursements and payouts, the pages' own shapes for the rest. Ids that may pass 2^53 arrive
// as strings (api.ts reads raw JSON numbers exactly).

export interface Payout {
  id: string;
  invoiceId: string;
  amount: number;
  status: string;
  bankId: string;
  checkNumber: number | null;
  metadata: {
    receivingPaymentsCompanyName: string;
    projectId: number | string | null;
    projectName: string | null;
    invoiceNumber: string;
    dueAmount: number;
  };
}

export interface Disbursement {
  id: string;
  disbursementIdentifier: number;
  name: string;
  fundingAccountId: string;
  amount: number;
  status: DisbursementStatus;
  statusMessage: string | null;
  createdAt: string;
  updatedAt: string;
  authorizedOn: string | null;
  /** Present where a page reads one disbursement. */
  payouts?: Payout[];
}

export interface ChangeHistoryEntry {
  date: string;
  actionBy: string;
  changed: string;
  from: string;
  to: string;
}

export interface FundingAccount {
  id: string;
  nickname: string;
  bankId: string;
  nextCheckNumber: number;
  isDefault: boolean;
  deactivated: boolean;
  verificationStatus: 'verified' | 'pending' | 'failed';
}

/** A payment record of the ERP Integrations tool. */
export interface ErpRow {
  id: string;
  external_payment_id: string;
  invoice_number: string | null;
  vendor_name: string | null;
  project_name: string | null;
  amount: string;
  check_number: string | null;
  bank_id: string;
  date: string;
  export_status: 'exporting' | 'failed' | 'synced';
  errors: string[];
  updated_at: string;
}
