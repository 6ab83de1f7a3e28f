import { z } from '../zod';

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

export const ErpSettingsSchema = z.object({
  connector: z.enum(CONNECTORS),
  payment_sync_enabled: z.boolean(),
  supports_partial_payments: z.boolean(),
  erp_name: z.string(),
});
export type ErpSettings = z.infer<typeof ErpSettingsSchema>;
