import type { Disbursement } from '../../../../utils/domain/schemas/disbursement';
import type { ErpSettings } from '../../../../utils/domain/schemas/erp-settings';
import type { FundingAccount } from '../../../../utils/domain/schemas/funding-account';
import type { RequestDetail } from '../../../../utils/domain/schemas/request-detail';
import { apiGetAll, apiRequest } from './api';

/**
 * Every read and write the sandbox pages make, in one place. The contract's endpoints first;
 * after them the page-only ones (Procore's web app has its own internal endpoints for the
 * Subcontractor Invoices tab and for creating and authorizing disbursements, which the public
 * contract does not cover).
 */
const company = (companyId: string) => `/rest/v1.0/companies/${encodeURIComponent(companyId)}`;

const pagesApi = (companyId: string) => `/pages-api/companies/${encodeURIComponent(companyId)}`;

export async function loadDisbursements(companyId: string): Promise<Disbursement[]> {
  return apiGetAll<Disbursement>(`${company(companyId)}/payments/disbursements`, companyId);
}

export async function loadFundingAccounts(companyId: string): Promise<FundingAccount[]> {
  return apiGetAll<FundingAccount>(`${company(companyId)}/payments/funding_accounts`, companyId);
}

export async function loadErpSettings(companyId: string): Promise<ErpSettings> {
  return (await apiRequest<ErpSettings>('GET', `${company(companyId)}/erp_integrations/settings`, { companyId })).data;
}

export async function loadRequestDetails(companyId: string, payoutIds?: string[]): Promise<RequestDetail[]> {
  const ids = (payoutIds ?? []).map((id) => `&filters[item_id][]=${encodeURIComponent(id)}`).join('');
  return apiGetAll<RequestDetail>(`${company(companyId)}/erp_request_details?filters[item_type]=contract_payment${ids}`, companyId);
}

export async function exportPayout(
  companyId: string,
  payoutId: string,
  body: { check_number?: number; bank_id?: string },
): Promise<RequestDetail> {
  const path = `${company(companyId)}/erp_integrations/contract_payments/${encodeURIComponent(payoutId)}/export`;
  return (await apiRequest<RequestDetail>('POST', path, { companyId, body })).data;
}

export async function updateFundingAccount(
  companyId: string,
  accountId: string,
  patch: { nextCheckNumber?: number; bankId?: string },
): Promise<FundingAccount> {
  const path = `${company(companyId)}/payments/funding_accounts/${encodeURIComponent(accountId)}`;
  return (await apiRequest<FundingAccount>('PATCH', path, { companyId, body: patch })).data;
}

export async function loadWho(): Promise<{ me: { name: string; login: string }; companies: { id: string | number; name: string }[] }> {
  const [me, companies] = await Promise.all([
    apiRequest<{ name: string; login: string }>('GET', '/rest/v1.0/me'),
    apiRequest<{ id: string | number; name: string }[]>('GET', '/rest/v1.0/companies'),
  ]);
  return { me: me.data, companies: companies.data };
}

/** The latest request detail per payout: it alone decides the payment record's state. */
export function latestByPayout(details: RequestDetail[]): Map<string, RequestDetail> {
  const latest = new Map<string, RequestDetail>();
  for (const detail of details) {
    const key = String(detail.item_id);
    const seen = latest.get(key);
    if (!seen || Date.parse(detail.created_at) >= Date.parse(seen.created_at)) latest.set(key, detail);
  }
  return latest;
}

/** Names the contract's records refer to by id only (Procore's web app loads these alongside). */
export interface Lookups {
  projects: Record<string, string>;
  /** Disbursement id → the name of the Payments Admin who created it. */
  disbursementCreators: Record<string, string>;
}

export async function loadLookups(companyId: string): Promise<Lookups> {
  return (await apiRequest<Lookups>('GET', `${pagesApi(companyId)}/lookups`)).data;
}

/** A row of the Subcontractor Invoices tab (page-only endpoint; amounts in cents). */
export interface InvoiceRow {
  id: string;
  invoiceNumber: string;
  projectId: string;
  projectName: string;
  beneficiaryName: string;
  beneficiaryAccountStatus: string;
  invoiceStatus: string;
  paymentStatus: 'Paid' | 'Partially Paid' | 'Unpaid';
  disbursementNumber: string | null;
  billingPeriod: string;
  requirementsComplete: number;
  requirementsTotal: number;
  holds: number;
  grossAmount: number;
  netAmount: number;
  paidAmount: number;
  amountDue: number;
  contractNumber: string;
  erpStatus: string;
}

export async function loadInvoices(companyId: string): Promise<InvoiceRow[]> {
  return (await apiRequest<InvoiceRow[]>('GET', `${pagesApi(companyId)}/subcontractor_invoices`)).data;
}

export interface NewDisbursement {
  name: string;
  fundingAccountId: string;
  payments: { invoiceId: string; paymentAmount: number; notes: string }[];
  /** Authorize now (#3 Authorize), or keep it a Draft. */
  authorize: boolean;
}

export async function createDisbursement(companyId: string, body: NewDisbursement): Promise<{ id: string }> {
  return (await apiRequest<{ id: string }>('POST', `${pagesApi(companyId)}/disbursements`, { body })).data;
}

export async function authorizeDisbursement(companyId: string, disbursementId: string): Promise<{ id: string }> {
  const path = `${pagesApi(companyId)}/disbursements/${encodeURIComponent(disbursementId)}/authorize`;
  return (await apiRequest<{ id: string }>('POST', path, { body: {} })).data;
}
