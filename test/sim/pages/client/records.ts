import { internalBase, simVariant, unwrapItem, unwrapList } from '../../variant';
import { apiRequest } from './api';
import type { ChangeHistoryEntry, Disbursement, ErpRow, FundingAccount } from './types';

declare const __SIM_VARIANT__: number;

/**
 * Every read and write the sandbox pages make, in one place: the pages' internal endpoints (at
 * the paths and in the wrappers of this build's variant), a public one, and the page-only ones
 * for the Subcontractor Invoices tab and creating and authorizing disbursements.
 */
const variant = simVariant(__SIM_VARIANT__);
const internal = (companyId: string) => internalBase(variant, encodeURIComponent(companyId));
const pagesApi = (companyId: string) => `/pages-api/companies/${encodeURIComponent(companyId)}`;
const MAX_PAGES = 50;

/** An internal list, all of it: the variant's query, and its pages when that query pages. */
async function internalList<T>(path: string, resource: string, extraQuery = ''): Promise<T[]> {
  const query = [variant.listQuery, extraQuery].filter(Boolean).join('&');
  const paged = new URLSearchParams(variant.listQuery).has('page');
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const params = new URLSearchParams(query);
    if (paged) params.set('page', String(page));
    const search = params.toString();
    const items = unwrapList<T>(variant, resource, (await apiRequest<unknown>('GET', search ? `${path}?${search}` : path)).data);
    all.push(...items);
    const perPage = Number(params.get('per_page') ?? '100');
    if (!paged || items.length < perPage) break;
  }
  return all;
}

export function loadDisbursements(companyId: string): Promise<Disbursement[]> {
  return internalList<Disbursement>(`${internal(companyId)}/${variant.disbursements}`, variant.disbursements);
}

export async function loadDisbursement(companyId: string, id: string): Promise<Disbursement> {
  const path = `${internal(companyId)}/${variant.disbursements}/${encodeURIComponent(id)}`;
  return unwrapItem<Disbursement>(variant, 'disbursement', (await apiRequest<unknown>('GET', path)).data);
}

export function loadChangeHistory(companyId: string, id: string): Promise<ChangeHistoryEntry[]> {
  return internalList<ChangeHistoryEntry>(`${internal(companyId)}/${variant.disbursements}/${encodeURIComponent(id)}/change_history`, 'change_history');
}

export function loadFundingAccounts(companyId: string): Promise<FundingAccount[]> {
  return internalList<FundingAccount>(`${internal(companyId)}/${variant.fundingAccounts}`, variant.fundingAccounts);
}

/** Edit Account Details' Save (with the page's CSRF token). */
export async function updateFundingAccount(companyId: string, accountId: string, patch: { nextCheckNumber?: number; bankId?: string }): Promise<FundingAccount> {
  const path = `${internal(companyId)}/${variant.fundingAccounts}/${encodeURIComponent(accountId)}`;
  return unwrapItem<FundingAccount>(variant, 'funding_account', (await apiRequest<unknown>(variant.fundingAccountWrite, path, { body: patch })).data);
}

/** The ERP Integrations tool's payment records, all of them or one view's. */
export function loadErpRows(companyId: string, view?: string): Promise<ErpRow[]> {
  return internalList<ErpRow>(`${internal(companyId)}/${variant.erpRows}`, variant.erpRows, view ? `view=${encodeURIComponent(view)}` : '');
}

/** A Failed to Export row's Export (with the page's CSRF token). */
export async function exportErpRow(companyId: string, id: string, body: { check_number: string; bank_id: string }): Promise<ErpRow> {
  const path = `${internal(companyId)}/${variant.erpRows}/${encodeURIComponent(id)}/${variant.exportVerb}`;
  return unwrapItem<ErpRow>(variant, 'erp_payment_record', (await apiRequest<unknown>('POST', path, { body })).data);
}

/** The ERP's name (public: `uoms/configuration`), for the ERP Integrations page's title. */
export async function loadErpName(companyId: string): Promise<string | null> {
  const path = `/rest/v2.0/companies/${encodeURIComponent(companyId)}/uoms/configuration`;
  const body = (await apiRequest<{ data?: { erp_integration_name?: string | null } }>('GET', path, { companyId })).data;
  return body.data?.erp_integration_name ?? null;
}

export async function loadWho(): Promise<{ me: { name: string; login: string }; companies: { id: string | number; name: string }[] }> {
  const [me, companies] = await Promise.all([
    apiRequest<{ name: string; login: string }>('GET', '/rest/v1.0/me'),
    apiRequest<{ id: string | number; name: string }[]>('GET', '/rest/v1.0/companies'),
  ]);
  return { me: me.data, companies: companies.data };
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
  disbursementNumber: number | null;
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
