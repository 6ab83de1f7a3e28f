import type { PreflightIssue } from '../../utils/messaging';
import { issueMessage, issueShortText } from '../../utils/overlay/preflight-text';

interface Props {
  /** Invoice number → its issues (undefined while not answered). */
  invoices: { invoiceNumber: string; issues: PreflightIssue[] | undefined }[];
  erpName: string | null;
  error: string | null;
}

// Only what the background checks: on contract v2 no source gives the ERP's last check number
// before a payment, so no Next Check Number line (a ✓ would claim a check never made).
const CHECKS: { kind: PreflightIssue['kind']; ok: (erp: string) => string }[] = [
  { kind: 'sync_disabled', ok: (erp) => `Payment records export to ${erp}` },
  { kind: 'invoice_not_synced', ok: (erp) => `Every invoice is synced to ${erp}` },
  { kind: 'partial_refused', ok: (erp) => `${erp} accepts every payment amount` },
  { kind: 'tax_or_markup', ok: () => 'No tax or markup on the invoices' },
];

/** "INV-1, INV-2: message" once per distinct message (a funding account's problem is every invoice's). */
function byMessage(found: (PreflightIssue & { invoiceNumber: string })[]): string {
  const groups = new Map<string, string[]>();
  for (const issue of found) {
    const message = issueMessage(issue);
    groups.set(message, [...(groups.get(message) ?? []), issue.invoiceNumber]);
  }
  return [...groups.entries()].map(([message, numbers]) => `${numbers.join(', ')}: ${message}`).join(' ');
}

/** Beside **Authorize** on a draft disbursement: the pre-flight checks, each passed or not. */
export function AuthorizeChecklist({ invoices, erpName, error }: Props) {
  const erp = erpName ?? 'the ERP';
  const pending = invoices.some((invoice) => invoice.issues === undefined);
  const issues = invoices.flatMap((invoice) => (invoice.issues ?? []).map((issue) => ({ ...issue, invoiceNumber: invoice.invoiceNumber })));
  const failing = new Set(issues.map((i) => i.kind));
  return (
    <section className="checklist" aria-label="ERP sync checks before Authorize" data-testid="esw-checklist">
      <strong>Before you authorize</strong>
      <p className="muted">Once authorized, Procore cannot cancel this disbursement.</p>
      {error ? <p role="alert">{error}</p> : null}
      <ul>
        {CHECKS.map((check) => {
          const found = issues.filter((issue) => issue.kind === check.kind);
          if (found.length === 0) {
            return (
              <li key={check.kind}>
                <span aria-hidden="true">{pending ? '… ' : '✓ '}</span>
                {pending ? `Checking: ${check.ok(erp).toLowerCase()}` : check.ok(erp)}
              </li>
            );
          }
          return (
            <li key={check.kind} className="tone-warn">
              <span aria-hidden="true">⚠ </span>
              <strong>{issueShortText(check.kind, erpName)}:</strong> {byMessage(found)}
            </li>
          );
        })}
      </ul>
      {failing.size === 0 && !pending ? <p>No ERP sync problems found.</p> : null}
    </section>
  );
}
