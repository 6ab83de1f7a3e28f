// Procore hosts its company tools at /{company_id}/company/... on app.procore.com or a regional
// host, and its newer pages at /webclients/host/companies/{id}/... (PROCORE-CONTRACT.md).
export const PAYMENTS_MATCHES = [
  'https://*.procore.com/*/company/payments*',
  'https://*.procore.com/webclients/host/companies/*/payments*',
];
export const ERP_INTEGRATIONS_MATCHES = [
  'https://*.procore.com/*/company/erp_integrations*',
  'https://*.procore.com/webclients/host/companies/*/erp_integrations*',
];
