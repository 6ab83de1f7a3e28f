import { recommendNextCheckNumber } from '../../domain/check-numbers';
import type { Requisition } from '../../domain/schemas/requisition';
import type { PreflightIssue, RequestOf } from '../../messaging';
import { pageLinks } from '../../page/routes';
import type { ProcoreClient } from '../../procore/procore-client';
import { listWatches } from '../../store/watch-store';
import { storedCompanies } from '../poll/company-directory';
import type { Engine } from '../engine';

type Invoice = RequestOf<'preflight.check'>['invoices'][number];

/**
 * What would make a payment fail to export, known before it is made: sync off, the invoice
 * not synced to the ERP, a partial payment the connector refuses, tax or markup, and a Next
 * Check Number that collides with the ERP's own numbers.
 */
export async function preflightCheck(engine: Engine, client: ProcoreClient, companyId: string, invoices: readonly Invoice[]): Promise<PreflightIssue[]> {
  const settings = await engine.settings();
  const company = (await storedCompanies(engine)).find((c) => c.id === companyId);
  const erp = company?.erp ?? (await client.erpSettings(companyId));
  const erpName = erp.erp_name || 'the ERP';
  const issues: PreflightIssue[] = [];
  if (!erp.payment_sync_enabled) {
    for (const invoice of invoices) {
      issues.push({ invoiceId: invoice.invoiceId, kind: 'sync_disabled', message: `Payment sync to ${erpName} is turned off: this payment will not be exported; enter it in ${erpName} by hand.` });
    }
    return issues;
  }
  const supportsPartial = settings.partialPaymentOverrides[companyId] ?? erp.supports_partial_payments;
  const projects = [...new Set(invoices.map((i) => i.projectId).filter((p): p is string => Boolean(p)))];
  const requisitions = new Map<string, Requisition>();
  for (const projectId of projects) for (const r of await client.requisitions(companyId, projectId)) requisitions.set(r.id, r);
  const watched = await listWatches(engine.db, { companyId });
  const taxed = new Set(watched.filter((w) => w.hasTaxOrMarkup).map((w) => w.invoiceId));
  for (const invoice of invoices) {
    const requisition = requisitions.get(invoice.invoiceId);
    if (requisition && requisition.erp_status !== 'synced') {
      issues.push({
        invoiceId: invoice.invoiceId,
        kind: 'invoice_not_synced',
        message: `Invoice ${requisition.invoice_number} is not synced to ${erpName} (${requisition.erp_status.replace(/_/g, ' ')}): a payment made now will never export. Sync the invoice first.`,
      });
    }
    const partial = invoice.paymentAmountCents !== undefined && invoice.amountDueCents !== undefined && invoice.paymentAmountCents < invoice.amountDueCents;
    if (partial && !supportsPartial) {
      issues.push({ invoiceId: invoice.invoiceId, kind: 'partial_refused', message: `${erpName} does not accept partial payments through Procore Pay: pay the full amount due or record this payment by hand.` });
    }
    if (taxed.has(invoice.invoiceId)) {
      issues.push({ invoiceId: invoice.invoiceId, kind: 'tax_or_markup', message: `This invoice has tax or markup, which the ${erpName} payment sync does not support.` });
    }
  }
  const collision = await checkNumberCollision(client, companyId, erpName, settings.apiOrigin);
  if (collision) for (const invoice of invoices) issues.push({ invoiceId: invoice.invoiceId, ...collision });
  return issues;
}

async function checkNumberCollision(client: ProcoreClient, companyId: string, erpName: string, appOrigin: string): Promise<Omit<PreflightIssue, 'invoiceId'> | null> {
  const [accounts, banks] = await Promise.all([client.fundingAccounts(companyId), client.erpBankAccounts(companyId)]);
  const account = accounts.find((a) => a.isDefault && !a.deactivated) ?? accounts.find((a) => !a.deactivated);
  const bank = account && banks.find((b) => b.bank_id === account.bankId);
  if (!account || !bank) return null;
  const advice = recommendNextCheckNumber({ erpLastCheckNumber: bank.last_check_number, currentNextCheckNumber: account.nextCheckNumber });
  if (!advice.changeNeeded) return null;
  return {
    kind: 'check_number_collision',
    message: `Funding account ${account.nickname}'s Next Check Number ${account.nextCheckNumber} is too close to ${erpName}'s last check number ${bank.last_check_number}: set it to ${advice.nextCheckNumber}.`,
    link: pageLinks.fundingAccounts(appOrigin, companyId),
  };
}
