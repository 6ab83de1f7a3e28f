/**
 * The URL shapes of the sandbox's Procore pages (PROCORE-CONTRACT.md "Pages the content scripts
 * enhance"), parsed in one place for the server (which page shell to send) and the browser
 * (which view the client-side router shows). Both the classic `/{company_id}/company/...` shape
 * and the newer `/webclients/host/companies/{id}/...` shape are served; links keep the shape
 * the user arrived with.
 */
export const ERP_VIEWS = ['ready_to_export', 'failed_to_export', 'synced', 'archived'] as const;
export type ErpView = (typeof ERP_VIEWS)[number];

export type PageRoute =
  | { kind: 'home'; companyId: string; base: string }
  | { kind: 'invoices'; companyId: string; base: string }
  | { kind: 'disbursements'; companyId: string; base: string }
  | { kind: 'disbursement'; companyId: string; base: string; disbursementId: string }
  | { kind: 'funding_accounts'; companyId: string; base: string }
  | { kind: 'erp_payments'; companyId: string; base: string; view: ErpView };

const CLASSIC = /^\/(\d+)\/company(\/.*)?$/;
const WEBCLIENTS = /^\/webclients\/host\/companies\/(\d+)(?:\/tools)?(\/.*)?$/;

export function parsePageRoute(pathname: string, search = ''): PageRoute | null {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const match = CLASSIC.exec(trimmed) ?? WEBCLIENTS.exec(trimmed);
  if (!match) return null;
  const companyId = match[1] as string;
  const rest = match[2] ?? '';
  const base = trimmed.slice(0, trimmed.length - rest.length);
  if (rest === '' || rest === '/home') return { kind: 'home', companyId, base };
  if (rest === '/payments' || rest === '/payments/invoices') return { kind: 'invoices', companyId, base };
  if (rest === '/payments/disbursements') return { kind: 'disbursements', companyId, base };
  const detail = /^\/payments\/disbursements\/([^/]+)$/.exec(rest);
  if (detail) return { kind: 'disbursement', companyId, base, disbursementId: decodeURIComponent(detail[1] as string) };
  if (rest === '/payments/settings' || rest === '/payments/settings/funding_accounts') {
    return { kind: 'funding_accounts', companyId, base };
  }
  if (rest === '/erp_integrations' || rest === '/erp_integrations/contract_payments') {
    const requested = new URLSearchParams(search).get('view');
    const view = ERP_VIEWS.find((v) => v === requested) ?? 'ready_to_export';
    return { kind: 'erp_payments', companyId, base, view };
  }
  return null;
}

/** The path of a page, in the URL shape `base` came from. */
export function pagePath(route: PageRoute): string {
  switch (route.kind) {
    case 'home':
      return `${route.base}/home`;
    case 'invoices':
      return `${route.base}/payments/invoices`;
    case 'disbursements':
      return `${route.base}/payments/disbursements`;
    case 'disbursement':
      return `${route.base}/payments/disbursements/${encodeURIComponent(route.disbursementId)}`;
    case 'funding_accounts':
      return `${route.base}/payments/settings/funding_accounts`;
    case 'erp_payments':
      return `${route.base}/erp_integrations/contract_payments?view=${route.view}`;
  }
}

/** The tool a page belongs to: its header title and the tab set it shows. */
export function toolOf(route: PageRoute): 'home' | 'payments' | 'erp_integrations' {
  return route.kind === 'erp_payments' ? 'erp_integrations' : route.kind === 'home' ? 'home' : 'payments';
}

/** The ERP Integrations tool's re-export form action for one payment record (html tab). */
export function erpExportFormPath(base: string, contractPaymentId: string): string {
  return `${base}/erp_integrations/contract_payments/${contractPaymentId}/export`;
}

/** A POST of that form: the company URL base and the record. */
export function parseErpExportForm(pathname: string): { companyId: string; base: string; contractPaymentId: string } | null {
  const m = /^((?:\/(\d+)\/company)|(?:\/webclients\/host\/companies\/(\d+)(?:\/tools)?))\/erp_integrations\/contract_payments\/(\d+)\/export$/.exec(pathname);
  if (!m) return null;
  return { base: m[1] as string, companyId: (m[2] ?? m[3]) as string, contractPaymentId: m[4] as string };
}
