/**
 * The page features of the content script (features/), by id: the protocol's names for them
 * (a feature's error report) and the Compatibility panel's list. Kept apart from features/ so
 * the background and the options page know them without bundling any overlay.
 */
export const PAGE_FEATURES = [
  { id: 'disbursement-badges', name: 'Disbursements tab: sync badges' },
  { id: 'disbursement-detail', name: 'Disbursement page: payout sync states' },
  { id: 'preflight', name: 'Subcontractor Invoices and draft disbursements: pre-flight checks' },
  { id: 'failed-export-help', name: 'ERP Integrations, Failed to Export: causes and fixes' },
  { id: 'funding-account-advice', name: 'Payments Settings, Funding Accounts: check number advice' },
] as const;

export type PageFeatureId = (typeof PAGE_FEATURES)[number]['id'];

export const PAGE_FEATURE_IDS = PAGE_FEATURES.map((f) => f.id) as [PageFeatureId, ...PageFeatureId[]];

export function pageFeatureName(id: PageFeatureId): string {
  return PAGE_FEATURES.find((f) => f.id === id)!.name;
}
