// Procore is a single-page app in parts: a user reaches the Payments and ERP Integrations pages
// without a full load, from any Procore page. The content scripts load on every Procore page and
// route at run time (PROCORE-CONTRACT.md "Pages the content scripts enhance").
export const PROCORE_MATCHES = ['https://*.procore.com/*'];
