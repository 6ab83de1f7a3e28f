/**
 * Every Procore path the extension uses, in one place (PROCORE-CONTRACT.md). The modeled ones
 * can be corrected against a live account here without touching anything else.
 */
const company = (companyId: string) => `/rest/v1.0/companies/${encodeURIComponent(companyId)}`;

export const endpoints = {
  /** public */
  me: () => '/rest/v1.0/me',
  /** public */
  companies: () => '/rest/v1.0/companies',
  /** modeled */
  erpSettings: (companyId: string) => `${company(companyId)}/erp_integrations/settings`,
  /** modeled list; public Disbursement/Payout fields */
  disbursements: (companyId: string) => `${company(companyId)}/payments/disbursements`,
  /** modeled */
  fundingAccounts: (companyId: string) => `${company(companyId)}/payments/funding_accounts`,
  /** modeled */
  fundingAccount: (companyId: string, fundingAccountId: string) =>
    `${company(companyId)}/payments/funding_accounts/${encodeURIComponent(fundingAccountId)}`,
  /** modeled */
  erpBankAccounts: (companyId: string) => `${company(companyId)}/erp_integrations/bank_accounts`,
  /** partner; list form modeled */
  requestDetails: (companyId: string) => `${company(companyId)}/erp_request_details`,
  /** modeled on the ERP Integrations tool's Export button */
  exportPayment: (companyId: string, payoutId: string) =>
    `${company(companyId)}/erp_integrations/contract_payments/${encodeURIComponent(payoutId)}/export`,
  /** public (erp_status values modeled) */
  requisitions: () => '/rest/v1.1/requisitions',
  /** OAuth (on the login origin) */
  oauthAuthorize: () => '/oauth/authorize',
  oauthToken: () => '/oauth/token',
} as const;

/** The most ids one `filters[item_id][]` request may carry. */
export const MAX_IDS_PER_REQUEST = 100;
export const PER_PAGE = 500;
