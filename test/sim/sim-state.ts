import { ErpLedger } from './erp-ledger';
import type {
  SimCompany,
  SimDisbursement,
  SimErpBankAccount,
  SimFundingAccount,
  SimInvoice,
  SimPayout,
  SimProject,
  SimRequestDetail,
  SimUser,
  SimVendor,
} from './store-records';

export type ErpFaultKind = 'transient' | 'stale';

/** A fault the ERP connector will show on its next exports. */
export interface ErpFault {
  companyId: number | null;
  kind: ErpFaultKind;
  remaining: number;
}

/** All the sandbox's data; Maps keep insertion order, which is creation order. */
export interface SimState {
  companies: Map<number, SimCompany>;
  users: SimUser[];
  projects: Map<number, SimProject>;
  vendors: Map<string, SimVendor>;
  fundingAccounts: Map<string, SimFundingAccount>;
  erpBankAccounts: SimErpBankAccount[];
  invoices: Map<number, SimInvoice>;
  disbursements: Map<string, SimDisbursement>;
  payouts: Map<string, SimPayout>;
  requestDetails: Map<string, SimRequestDetail>;
  requestDetailsByPayout: Map<string, SimRequestDetail[]>;
  erpFaults: ErpFault[];
  ledger: ErpLedger;
  counters: { payout: number; requestDetail: number; invoice: number; vendor: number; project: number; fundingAccount: number; disbursementNumber: number };
}

export function emptyState(): SimState {
  return {
    companies: new Map(),
    users: [],
    projects: new Map(),
    vendors: new Map(),
    fundingAccounts: new Map(),
    erpBankAccounts: [],
    invoices: new Map(),
    disbursements: new Map(),
    payouts: new Map(),
    requestDetails: new Map(),
    requestDetailsByPayout: new Map(),
    erpFaults: [],
    ledger: new ErpLedger(),
    counters: { payout: 90, requestDetail: 5500, invoice: 4400, vendor: 70, project: 561, fundingAccount: 0, disbursementNumber: 380 },
  };
}
