import type { Connector } from './schemas/erp-settings';

const CONNECTOR_NAMES: Record<Connector, string> = {
  sage_intacct: 'Sage Intacct',
  quickbooks_online: 'QuickBooks Online',
  quickbooks_desktop: 'QuickBooks Desktop',
  sage_300_cre: 'Sage 300 CRE',
  viewpoint_vista: 'Vista',
  acumatica: 'Acumatica',
  yardi: 'Yardi',
  cmic: 'CMiC',
  other: '',
};

/** The ERP's name for sentences: the company's own label first, else the connector's, else "the ERP". */
export function erpLabel(connector?: Connector, erpName?: string): string {
  const own = erpName?.trim();
  if (own) return own;
  const known = connector ? CONNECTOR_NAMES[connector] : '';
  return known || 'the ERP';
}
