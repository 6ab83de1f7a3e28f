import { FIX_HASH_KEY } from '../messaging';
/**
 * What a Procore URL says about its page (PROCORE-CONTRACT.md "Pages the content scripts
 * enhance"): only hints. Procore serves company tools at `/{company_id}/company/{tool}/...` on
 * app.procore.com or a regional host, and newer pages at `/webclients/host/companies/{id}/...`
 * (optionally with a `tools/` segment). Which page it is, the page's content decides.
 */
export interface PageHint {
  companyId: string;
  /** The tool's path segment: `payments`, `erp_integrations`, ... */
  tool: string;
  /** The Procore id of the disbursement a "Disbursement #" URL names; null elsewhere. */
  disbursementId: string | null;
}

const CLASSIC = /^\/(\d+)\/company\/(.*)$/;
const WEBCLIENTS = /^\/webclients\/host\/companies\/(\d+)\/(?:tools\/)?(.*)$/;

/** The company and tool a URL names, or null outside Procore's company tools. */
export function pageHint(href: string): PageHint | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  const match = CLASSIC.exec(url.pathname) ?? WEBCLIENTS.exec(url.pathname);
  if (!match) return null;
  const [tool, tab, id, extra] = match[2]!.split('/').filter(Boolean);
  if (!tool) return null;
  const names = tool === 'payments' && tab === 'disbursements' && id !== undefined && extra === undefined;
  return { companyId: match[1]!, tool, disbursementId: names ? decoded(id) : null };
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The base of the company's tool paths in the same shape as the current page's URL. */
function companyBase(current: string, companyId: string): string {
  const url = new URL(current);
  const webclients = /^\/webclients\/host\/companies\/\d+(\/tools)?/.exec(url.pathname);
  return `${url.origin}${webclients ? webclients[0] : `/${companyId}/company`}`;
}

/** Links the overlays offer, built in the shape of the page the user is on. */
export const pageLinks = {
  /**
   * ERP Integrations with one record's fix ready: the tool's root is the one path the contract
   * knows (its payment records tab is not documented); the page's overlay follows Procore's own
   * Failed to Export link and opens the fix named in the fragment.
   */
  fixOnErpIntegrations: (current: string, companyId: string, payoutId: string) =>
    `${companyBase(current, companyId)}/erp_integrations#${FIX_HASH_KEY}=${encodeURIComponent(payoutId)}`,
  disbursement: (current: string, companyId: string, disbursementId: string) =>
    `${companyBase(current, companyId)}/payments/disbursements/${encodeURIComponent(disbursementId)}`,
  fundingAccounts: (current: string, companyId: string) => `${companyBase(current, companyId)}/payments/settings/funding_accounts`,
};
