import { erpFacts } from '../../domain/erp-facts';
import { erpLabel } from '../../domain/erp-label';
import { invoiceErpStatusOf, requisitionHasTax, type Requisition } from '../../domain/schemas/requisition';
import type { PreflightIssue, RequestOf } from '../../messaging';
import type { ProcoreClient } from '../../procore/procore-client';
import { storedCompanies } from '../poll/company-directory';
import type { Engine } from '../engine';

type Invoice = RequestOf<'preflight.check'>['invoices'][number];

/**
 * What would make a payment fail to export, known before it is made: sync off, the invoice
 * not synced to the ERP, a partial payment the connector refuses, and tax (requisitions v1.1;
 * Procore publishes no markup field). The Next Check Number against the ERP's own numbers waits
 * for a source of the ERP's last check number (none is public).
 */
export async function preflightCheck(engine: Engine, client: ProcoreClient, companyId: string, invoices: readonly Invoice[]): Promise<PreflightIssue[]> {
  const settings = await engine.settings();
  const company = (await storedCompanies(engine)).find((c) => c.id === companyId);
  const { nameSource: _source, ...facts } = erpFacts({});
  const erp = company?.erp ?? facts;
  const erpName = erpLabel(erp.connector, erp.erp_name);
  const issues: PreflightIssue[] = [];
  if (!erp.payment_sync_enabled) return invoices.map((invoice) => ({ invoiceId: invoice.invoiceId, kind: 'sync_disabled', erpName }));
  const supportsPartial = settings.partialPaymentOverrides[companyId] ?? erp.supports_partial_payments;
  const projects = [...new Set(invoices.map((i) => i.projectId).filter((p): p is string => Boolean(p)))];
  const requisitions = new Map<string, Requisition>();
  for (const projectId of projects) {
    const ids = invoices.filter((i) => i.projectId === projectId).map((i) => i.invoiceId);
    for (const r of await client.requisitions(companyId, projectId, { ids })) requisitions.set(r.id, r);
  }
  for (const invoice of invoices) {
    const requisition = requisitions.get(invoice.invoiceId);
    const erpStatus = requisition ? invoiceErpStatusOf(requisition) : null;
    if (requisition && erpStatus !== null && erpStatus !== 'synced') {
      const found = { number: requisition.invoice_number ?? requisition.id, erpStatus: requisition.erp_status ?? erpStatus };
      issues.push({ invoiceId: invoice.invoiceId, kind: 'invoice_not_synced', erpName, invoice: found });
    }
    const partial = invoice.paymentAmountCents !== undefined && invoice.amountDueCents !== undefined && invoice.paymentAmountCents < invoice.amountDueCents;
    if (partial && !supportsPartial) issues.push({ invoiceId: invoice.invoiceId, kind: 'partial_refused', erpName });
    if (requisition && requisitionHasTax(requisition)) issues.push({ invoiceId: invoice.invoiceId, kind: 'tax_or_markup', erpName });
  }
  return issues;
}
