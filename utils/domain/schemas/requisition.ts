import { z } from '../zod';
import { IdSchema } from './ids';

export const INVOICE_ERP_STATUSES = ['not_synced', 'ready_to_export', 'synced', 'failed'] as const;
export type InvoiceErpStatus = (typeof INVOICE_ERP_STATUSES)[number];

export const RequisitionSchema = z.object({
  id: IdSchema,
  invoice_number: z.string(),
  vendor_id: IdSchema,
  status: z.string(),
  erp_status: z.enum(INVOICE_ERP_STATUSES),
  payment_date: z.nullable(z.string()),
  origin_id: z.nullable(z.string()),
});
export type Requisition = z.infer<typeof RequisitionSchema>;
