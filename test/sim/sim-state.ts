import { ErpLedger } from './erp-ledger';
import type {
  SimCompany,
  SimContract,
  SimContractPayment,
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
  vendors: Map<number, SimVendor>;
  contracts: Map<number, SimContract>;
  fundingAccounts: Map<string, SimFundingAccount>;
  erpBankAccounts: SimErpBankAccount[];
  invoices: Map<number, SimInvoice>;
  disbursements: Map<string, SimDisbursement>;
  payouts: Map<string, SimPayout>;
  contractPayments: Map<string, SimContractPayment>;
  requestDetails: Map<number, SimRequestDetail>;
  /** Every export of a contract payment, oldest first. */
  requestDetailsByItem: Map<string, SimRequestDetail[]>;
  erpFaults: ErpFault[];
  ledger: ErpLedger;
  counters: { requestDetail: number; invoice: number; vendor: number; project: number; contract: number; disbursementNumber: number };
}

export function emptyState(): SimState {
  return {
    companies: new Map(),
    users: [],
    projects: new Map(),
    vendors: new Map(),
    contracts: new Map(),
    fundingAccounts: new Map(),
    erpBankAccounts: [],
    invoices: new Map(),
    disbursements: new Map(),
    payouts: new Map(),
    contractPayments: new Map(),
    requestDetails: new Map(),
    requestDetailsByItem: new Map(),
    erpFaults: [],
    ledger: new ErpLedger(),
    counters: { requestDetail: 55_000_100, invoice: 4400, vendor: 7_100, project: 561_200, contract: 90_300, disbursementNumber: 380 },
  };
}
