import type { Connector, ErpSettings } from './schemas/erp-settings';

/** Where the ERP's name came from (PROCORE-CONTRACT.md "The ERP's name", in that order). */
export type ErpNameSource = 'erp_page_title' | 'uoms_configuration' | 'none';

const BY_NAME: [RegExp, Connector][] = [
  [/quickbooks.*desktop|\bqbd\b/i, 'quickbooks_desktop'],
  [/quickbooks|\bqbo\b/i, 'quickbooks_online'],
  [/intacct/i, 'sage_intacct'],
  [/sage\s*300|timberline/i, 'sage_300_cre'],
  [/vista|viewpoint/i, 'viewpoint_vista'],
  [/acumatica/i, 'acumatica'],
  [/yardi/i, 'yardi'],
  [/cmic/i, 'cmic'],
];

// The extension's own table (PROCORE-CONTRACT.md: per-connector facts), overridable per company.
const REFUSES_PARTIAL: readonly Connector[] = ['quickbooks_online', 'quickbooks_desktop', 'sage_300_cre', 'yardi'];

export function connectorOfName(name: string | null | undefined): Connector {
  return BY_NAME.find(([pattern]) => pattern.test(name ?? ''))?.[1] ?? 'other';
}

/**
 * A company's ERP facts from the first source that names its ERP. No public read says whether
 * payment export is on: only the user can say it is off (settings.paymentExportOff).
 */
export function erpFacts(sources: { pageTitle?: string | null; uomsName?: string | null; exportOff?: boolean }): ErpSettings & { nameSource: ErpNameSource } {
  const pageTitle = sources.pageTitle?.trim();
  const uomsName = sources.uomsName?.trim();
  const name = pageTitle || uomsName || '';
  const connector = connectorOfName(name);
  return {
    connector,
    payment_sync_enabled: !sources.exportOff,
    supports_partial_payments: !REFUSES_PARTIAL.includes(connector),
    erp_name: name,
    nameSource: pageTitle ? 'erp_page_title' : uomsName ? 'uoms_configuration' : 'none',
  };
}
