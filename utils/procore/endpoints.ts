/**
 * Every Procore path the extension builds, in one place (PROCORE-CONTRACT.md v2, with its marks).
 * Internal endpoints are never written here: they are learned from Procore's own pages
 * (utils/engine/learn) and replayed from their templates.
 */
const company = (companyId: string) => `/rest/v1.0/companies/${encodeURIComponent(companyId)}`;

export const endpoints = {
  /** public */
  me: () => '/rest/v1.0/me',
  /** public */
  companies: () => '/rest/v1.0/companies',
  /** public */
  project: (projectId: string) => `/rest/v1.0/projects/${encodeURIComponent(projectId)}`,
  /** public: `project_id` and `contract_id` required */
  contractPayments: () => '/rest/v1.0/contract_payments',
  /** seen (partner-gated): one contract payment per request, `filters[item_id]` */
  requestDetails: (companyId: string) => `${company(companyId)}/erp_request_details`,
  /** seen: `item_type=contract_payment&item_id=` */
  externalData: (companyId: string) => `${company(companyId)}/external_data`,
  /** public (v1.1: vendor_id, free-text erp_status, origin_id, tax) */
  requisitions: () => '/rest/v1.1/requisitions',
  /** public: `data.erp_integration_name` */
  uomsConfiguration: (companyId: string) => `/rest/v2.0/companies/${encodeURIComponent(companyId)}/uoms/configuration`,
  /** OAuth (on the login origin) */
  oauthAuthorize: () => '/oauth/authorize',
  oauthToken: () => '/oauth/token',
} as const;

export const PER_PAGE = 500;
