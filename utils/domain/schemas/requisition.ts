import * as z from '../../schema/z';
import { DollarsAsCentsSchema, IdSchema, IntegerIdSchema, known } from './ids';

const Text = known(z.string());

/**
 * A subcontractor invoice (public: `GET /rest/v1.1/requisitions?project_id=`). `erp_status` is
 * free text (no enum); synced = `origin_id` present or `erp_status` reading "synced".
 */
export const RequisitionSchema = z.object({
  id: IdSchema,
  invoice_number: Text,
  vendor_id: known(IntegerIdSchema),
  vendor_name: Text,
  status: Text,
  erp_status: Text,
  origin_id: known(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
  payment_date: Text,
  commitment_id: known(IntegerIdSchema),
  summary: z.catch(z.nullish(z.object({ tax_applicable_to_this_payment: known(DollarsAsCentsSchema) })), null),
  items: known(z.array(z.catch(z.object({ taxes: known(z.array(z.unknown())) }), { taxes: null }))),
});
export type Requisition = z.infer<typeof RequisitionSchema>;

export function isRequisitionSynced(r: Pick<Requisition, 'origin_id' | 'erp_status'>): boolean {
  const words = r.erp_status ?? '';
  return Boolean(r.origin_id?.trim()) || (/\bsynced\b/i.test(words) && !/not[\s_-]*synced/i.test(words));
}

/** Tax on the invoice: the summary's tax, or any item's taxes (`view=items`); null when unknown. */
export function requisitionHasTax(r: Pick<Requisition, 'summary' | 'items'>): boolean | null {
  const summaryTax = r.summary?.tax_applicable_to_this_payment;
  const itemTaxes = r.items?.some((item) => (item.taxes?.length ?? 0) > 0);
  if (summaryTax === undefined || summaryTax === null) return itemTaxes ?? null;
  return summaryTax !== 0 || Boolean(itemTaxes);
}

/** The invoice's ERP state as the classifier reasons about it (Procore's word is free text). */
export const INVOICE_ERP_STATUSES = ['not_synced', 'ready_to_export', 'synced', 'failed'] as const;
export type InvoiceErpStatus = (typeof INVOICE_ERP_STATUSES)[number];

/** Procore's free-text `erp_status` (and `origin_id`) read as one of the classifier's states; null when it says nothing known. */
export function invoiceErpStatusOf(r: Pick<Requisition, 'origin_id' | 'erp_status'>): InvoiceErpStatus | null {
  if (isRequisitionSynced(r)) return 'synced';
  const words = (r.erp_status ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  if (words.includes('ready')) return 'ready_to_export';
  if (words.includes('fail')) return 'failed';
  if (words.includes('not_synced') || words.includes('unsynced')) return 'not_synced';
  return null;
}
