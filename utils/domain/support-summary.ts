import { erpLabel } from './erp-label';
import { formatCents } from './money';
import type { Watch } from './watch';

// Every value is the ERP's or a page's text: one line each, so nothing can fake a line of the summary.
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

function iso(ms: number | null): string {
  return ms !== null && Number.isFinite(ms) ? new Date(ms).toISOString() : 'unknown';
}

/**
 * The plain-text summary an accountant sends to ERP support when the extension's fixes ran
 * out: what the record is, what the ERP said, and every attempt to fix it, with times in ISO
 * (server time, UTC).
 */
export function buildSupportSummary(watch: Watch, context: { companyName?: string } = {}): string {
  const erp = erpLabel(watch.connector, watch.erpName);
  const company = context.companyName ? `${oneLine(context.companyName)} (Procore company ${watch.companyId})` : `Procore company ${watch.companyId}`;
  const lines = [
    `Payment record that does not export from Procore Pay to ${erp}`,
    `Company: ${company}`,
    `Disbursement: ${oneLine(watch.disbursementNumber)} (id ${watch.disbursementId})`,
    `Beneficiary: ${oneLine(watch.beneficiaryName)} (vendor id ${watch.vendorId})`,
    `Invoice: ${oneLine(watch.invoiceNumber)} (id ${watch.invoiceId})`,
    `Amount: ${formatCents(watch.amountCents)}${watch.partialPayment ? ' (partial payment)' : ''}${watch.hasTaxOrMarkup ? ' (includes tax or markup)' : ''}`,
    `Check number: ${watch.checkNumber ?? 'none'}`,
    `Bank ID: ${oneLine(watch.bankId) || 'none'}`,
    `Payout id: ${watch.payoutId}`,
    `Funding complete: ${iso(watch.fundingCompletedAt)}${watch.fundingCompletedEstimated ? ' (estimated)' : ''}`,
    `State: ${watch.state} since ${iso(watch.stateSince)}`,
  ];
  if (watch.diagnosis) lines.push(`Diagnosis: ${watch.diagnosis.cause}: ${oneLine(watch.diagnosis.summary)}`);
  const messages = watch.request?.messages ?? [];
  lines.push(`${erp}'s messages${watch.request ? ` (request ${watch.request.id}, ${watch.request.status}, ${iso(watch.request.updatedAt)})` : ''}:`);
  lines.push(...(messages.length ? messages.map((m) => `  - ${oneLine(m)}`) : ['  (none)']));
  lines.push(`Re-export attempts: ${watch.attempts.length}`);
  watch.attempts.forEach((a, i) => {
    const values = `check number ${a.checkNumber ?? 'unchanged'}, Bank ID ${a.bankId === null ? 'unchanged' : oneLine(a.bankId)}`;
    lines.push(`  ${i + 1}. ${iso(a.at)}: ${values}; fixing ${a.cause}; outcome ${a.outcome}`);
    lines.push(...a.messages.map((m) => `     - ${oneLine(m)}`));
  });
  return lines.join('\n');
}
