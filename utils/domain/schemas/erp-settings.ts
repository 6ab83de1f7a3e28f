import * as z from '../../schema/z';

export const CONNECTORS = [
  'sage_intacct',
  'quickbooks_online',
  'quickbooks_desktop',
  'sage_300_cre',
  'viewpoint_vista',
  'acumatica',
  'yardi',
  'cmic',
  'other',
] as const;
export type Connector = (typeof CONNECTORS)[number];

/**
 * What the extension knows of a company's ERP, as stored. No Procore read gives it whole
 * (PROCORE-CONTRACT.md "The ERP's name"): `erpFacts` builds it from the sources in order.
 */
export const ErpSettingsSchema = z.object({
  connector: z.enum(CONNECTORS),
  payment_sync_enabled: z.boolean(),
  supports_partial_payments: z.boolean(),
  erp_name: z.string(),
});
export type ErpSettings = z.infer<typeof ErpSettingsSchema>;
