/**
 * The URL shapes of the Procore pages the overlays enhance (PROCORE-CONTRACT.md "Pages the
 * content scripts enhance"). Procore serves company tools at `/{company_id}/company/...` on
 * app.procore.com or a regional host, and newer pages at `/webclients/host/companies/{id}/...`
 * (optionally with a `tools/` segment); both shapes lead to the same page kinds.
 */
export type PageRoute =
  | { kind: 'disbursements'; companyId: string }
  | { kind: 'disbursement'; companyId: string; disbursementId: string }
  | { kind: 'invoices'; companyId: string }
  | { kind: 'funding_accounts'; companyId: string }
  | { kind: 'erp_payments'; companyId: string; view: string | null };

const CLASSIC = /^\/(\d+)\/company\/(.*)$/;
const WEBCLIENTS = /^\/webclients\/host\/companies\/(\d+)\/(?:tools\/)?(.*)$/;

/** Which enhanced page a URL shows, or null for every other page. */
export function parseRoute(href: string): PageRoute | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '');
  const match = CLASSIC.exec(path) ?? WEBCLIENTS.exec(path);
  if (!match) return null;
  const companyId = match[1]!;
  const rest = match[2]!.split('/').filter(Boolean);
  const [tool, tab, id, extra] = rest;
  if (tool === 'payments') {
    if (tab === undefined || tab === 'invoices') return rest.length <= 2 ? { kind: 'invoices', companyId } : null;
    if (tab === 'disbursements' && id === undefined) return { kind: 'disbursements', companyId };
    if (tab === 'disbursements' && id !== undefined && extra === undefined) {
      return { kind: 'disbursement', companyId, disbursementId: decodeURIComponent(id) };
    }
    if (tab === 'settings' && (id === undefined || id === 'funding_accounts') && extra === undefined) {
      return { kind: 'funding_accounts', companyId };
    }
    return null;
  }
  if (tool === 'erp_integrations' && (tab === undefined || tab === 'payments') && id === undefined) {
    return { kind: 'erp_payments', companyId, view: url.searchParams.get('view') };
  }
  return null;
}

/** The base of the company's tool paths in the same shape as the current page's URL. */
function companyBase(current: string, companyId: string): string {
  const url = new URL(current);
  const webclients = /^\/webclients\/host\/companies\/\d+(\/tools)?/.exec(url.pathname);
  return `${url.origin}${webclients ? webclients[0] : `/${companyId}/company`}`;
}

/** Links the overlays offer, built in the shape of the page the user is on. */
export const pageLinks = {
  failedToExport: (current: string, companyId: string) =>
    `${companyBase(current, companyId)}/erp_integrations/payments?view=failed_to_export`,
  disbursement: (current: string, companyId: string, disbursementId: string) =>
    `${companyBase(current, companyId)}/payments/disbursements/${encodeURIComponent(disbursementId)}`,
  fundingAccounts: (current: string, companyId: string) => `${companyBase(current, companyId)}/payments/settings/funding_accounts`,
};
