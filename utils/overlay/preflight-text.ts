import type { PreflightIssue } from '../messaging';

/** A pre-flight problem in a few words, for a mark that has little room. */
export function issueShortText(kind: PreflightIssue['kind'], erpName: string | null): string {
  switch (kind) {
    case 'invoice_not_synced':
      return `Not synced to ${erpName ?? 'the ERP'}`;
    case 'partial_refused':
      return 'Partial payment refused';
    case 'tax_or_markup':
      return 'Tax or markup';
    case 'sync_disabled':
      return 'Sync off';
  }
}

/** The problem in a sentence: what will happen and what to do. */
export function issueMessage(issue: PreflightIssue): string {
  const erp = issue.erpName;
  switch (issue.kind) {
    case 'sync_disabled':
      return `Payment export to ${erp} is off for this company (as set in the options): this payment will not be exported; enter it in ${erp} by hand.`;
    case 'invoice_not_synced': {
      const which = issue.invoice ? `Invoice ${issue.invoice.number}` : 'The invoice';
      const status = issue.invoice ? ` (${issue.invoice.erpStatus.replace(/_/g, ' ')})` : '';
      return `${which} is not synced to ${erp}${status}: a payment made now will never export. Sync the invoice first.`;
    }
    case 'partial_refused':
      return `${erp} does not accept partial payments through Procore Pay: pay the full amount due or record this payment by hand.`;
    case 'tax_or_markup':
      return `This invoice has tax, which the ${erp} payment sync does not support.`;
  }
}

/** The fewest words for a mark beside an invoice number (the popover says the rest). */
export function issueMarkText(kind: PreflightIssue['kind']): string {
  switch (kind) {
    case 'invoice_not_synced':
      return 'Not synced';
    case 'partial_refused':
      return 'Partial';
    case 'tax_or_markup':
      return 'Tax/markup';
    case 'sync_disabled':
      return 'Sync off';
  }
}

/** "2 of 5 selected invoices are at risk: 1 not synced to QuickBooks Online, 1 tax or markup." */
export function selectionSummary(selected: number, issues: PreflightIssue[][], erpName: string | null): string | null {
  const atRisk = issues.filter((list) => list.length > 0).length;
  if (selected === 0 || atRisk === 0) return null;
  const counts = new Map<PreflightIssue['kind'], number>();
  for (const list of issues) for (const kind of new Set(list.map((i) => i.kind))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const parts = [...counts.entries()].map(([kind, n]) => {
    const short = issueShortText(kind, erpName);
    return `${n} ${short[0]!.toLowerCase()}${short.slice(1)}`;
  });
  const noun = selected === 1 ? 'invoice is' : 'invoices are';
  return `${atRisk} of ${selected} selected ${noun} at risk: ${parts.join(', ')}.`;
}
