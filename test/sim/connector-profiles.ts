import type { Connector } from './vocabulary';

export interface ConnectorProfile {
  erpName: string;
  /**
   * Procore: "Some integrations allow you to sync partial payments, but some do not due to
   * system limitations." The sandbox's pick: QuickBooks Online/Desktop, Sage 300 CRE and Yardi
   * refuse partials; the others accept them.
   */
  supportsPartialPayments: boolean;
  /** Whether the connector reports the ERP's last issued check number (Yardi's does not). */
  reportsLastCheckNumber: boolean;
}

export const CONNECTOR_PROFILES: Record<Connector, ConnectorProfile> = {
  quickbooks_online: { erpName: 'QuickBooks Online', supportsPartialPayments: false, reportsLastCheckNumber: true },
  quickbooks_desktop: { erpName: 'QuickBooks Desktop', supportsPartialPayments: false, reportsLastCheckNumber: true },
  sage_intacct: { erpName: 'Sage Intacct', supportsPartialPayments: true, reportsLastCheckNumber: true },
  sage_300_cre: { erpName: 'Sage 300 CRE', supportsPartialPayments: false, reportsLastCheckNumber: true },
  viewpoint_vista: { erpName: 'Viewpoint Vista', supportsPartialPayments: true, reportsLastCheckNumber: true },
  acumatica: { erpName: 'Acumatica', supportsPartialPayments: true, reportsLastCheckNumber: true },
  yardi: { erpName: 'Yardi Voyager', supportsPartialPayments: false, reportsLastCheckNumber: false },
  cmic: { erpName: 'CMiC', supportsPartialPayments: true, reportsLastCheckNumber: true },
  other: { erpName: 'Other ERP', supportsPartialPayments: true, reportsLastCheckNumber: true },
};
